import SBCMSContent
import SBCMSCore

/// Settings of one `sbcms build` run.
public struct BuildOptions: Sendable {
    /// Build `status: draft` posts.
    public var includeDrafts: Bool = false
    /// Build posts scheduled after `now`.
    public var includeFuture: Bool = false
    /// The build time; decides what is scheduled.
    public var now: ContentDate
    /// The folder that receives `<site-id>/` folders (absolute).
    public var outputDirectory: String
    /// Replaces every site's `base_url` (for previews and staging deployments).
    public var baseURLOverride: String?
    /// The incremental build cache (`.sbcms-cache/` at the root by default); nil builds cold.
    public var cacheDirectory: String?
    /// Theme assets get their content hash in their names (see `ThemeLoader`); the preview
    /// turns it off.
    public var fingerprintsAssetNames = true
    /// Counts HTML pages as they are written, for a live progress display; nil counts nothing.
    public var pageCounter: PageCounter?

    public init(now: ContentDate, outputDirectory: String) {
        self.now = now
        self.outputDirectory = outputDirectory
    }

    var contentOptions: ContentOptions {
        ContentOptions(includeDrafts: includeDrafts, includeFuture: includeFuture, now: now)
    }

    /// The Markdown render cache of `cacheDirectory` (nil without a cache).
    func markdownCache() -> CacheMarkdownStore? {
        cacheDirectory.map { CacheMarkdownStore(cacheDirectory: $0) }
    }
}
