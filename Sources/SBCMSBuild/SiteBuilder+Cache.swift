import SBCMSContent
import SBCMSCore
import SBCMSRender
import SBCMSSource

/// What the cache knows about a site at the start of its build.
struct SiteCacheCheck {
    /// The last successful build's state.
    var state: CacheSiteState?
    /// Input fingerprints taken before any input is read (nil: no cache, or racy).
    var base: [UInt8]?
    var theme: [UInt8]?
    var themeName: String?

    /// The whole input fingerprint, to record after a successful build.
    var fingerprint: String? { CacheInputFingerprint.combine(base: base, theme: theme) }

    /// For edited posts (`SiteBuilder+EditedPosts.swift`): the last build's record, and the
    /// inputs now without the post files, with each post file's identity.
    var editedPostsRecord: EditedPostsRecord?
    var exceptPosts: (fingerprint: [UInt8], posts: [String: FileSystem.Identity])?
    var inputsExceptPosts: String? { CacheInputFingerprint.combine(base: exceptPosts?.fingerprint, theme: theme) }
    /// The identity of every site file that can be trusted (`CacheMarkdownSplits`).
    var siteFiles: [String: FileSystem.Identity] = [:]
}

extension SiteBuilder {
    /// Fingerprints the site's inputs and returns the `.upToDate` result when nothing it is
    /// made from changed since the last build and `output/<site>/` is still that build's tree.
    func checkCache(siteID: String) -> (SiteCacheCheck, upToDate: CacheSiteState?) {
        guard let cacheDirectory = options.cacheDirectory else { return (SiteCacheCheck(), nil) }
        var check = SiteCacheCheck(state: CacheSiteState.load(cacheDirectory: cacheDirectory, siteID: siteID))
        let fingerprints = CacheInputFingerprint.base(workspace: workspace, siteID: siteID, options: options)
        check.base = fingerprints.base
        check.exceptPosts = fingerprints.exceptPosts
        check.siteFiles = fingerprints.siteFiles
        if let state = check.state {
            check.themeName = state.theme
            check.theme = CacheInputFingerprint.theme(workspace: workspace, name: state.theme)
        }
        guard let state = check.state, let fingerprint = check.fingerprint, state.inputFingerprint == fingerprint,
              state.coversTime(options.now.secondsSince1970),
              FileSystem.identity(options.outputDirectory + "/" + siteID)?.inode == state.outputInode,
              FileSystem.exists(OutputTreeRecord.reportDirectory(outputDirectory: options.outputDirectory, siteID: siteID)
                                + "/manifest.json")
        else { return (check, nil) }
        return (check, state)
    }

    /// Fingerprints the theme the site names when it is not the one fingerprinted before
    /// loading (call before the theme is read).
    func updateCacheCheck(_ check: inout SiteCacheCheck, theme name: String) {
        guard options.cacheDirectory != nil, check.themeName != name else { return }
        check.themeName = name
        check.theme = CacheInputFingerprint.theme(workspace: workspace, name: name)
    }

    /// Records a successful build for the next build's up-to-date check.
    func saveCacheState(_ check: SiteCacheCheck, siteID: String, theme: Theme, graph: ContentGraph,
                        outputInode: UInt64, pages: Int, files: Int) {
        guard let cacheDirectory = options.cacheDirectory, let fingerprint = check.fingerprint else { return }
        let state = CacheSiteState(inputFingerprint: fingerprint, theme: theme.name, outputInode: outputInode,
                                   now: options.now.secondsSince1970,
                                   nextScheduleChange: graph.nextScheduleChange?.secondsSince1970,
                                   pages: pages, files: files)
        // A cache that cannot be written only makes the next build slower.
        try? state.save(cacheDirectory: cacheDirectory, siteID: siteID)
    }
}
