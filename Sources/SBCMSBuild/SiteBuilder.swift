import SBCMSContent
import SBCMSCore
import SBCMSRender
import SBCMSSource

/// Builds one site: load → content graph → render → write, the whole pipeline in `build`.
public struct SiteBuilder: Sendable {
    public let workspace: Workspace
    public let options: BuildOptions
    /// `sbcms.yaml` (plans and quotas), read once per run.
    public let farmConfig: LoadedFarmConfig
    /// Seconds since a build started, for the `build_seconds` quota; nil is the real clock
    /// (tests replace it).
    var quotaElapsed: (@Sendable (ContinuousClock.Instant) -> Double)?
    /// The Markdown render cache, shared by every site this builder builds (nil without a cache).
    public let markdownCache: CacheMarkdownStore?

    /// `farmConfig` nil reads `sbcms.yaml` from the workspace.
    public init(workspace: Workspace, options: BuildOptions, farmConfig: LoadedFarmConfig? = nil) {
        self.workspace = workspace
        self.options = options
        self.farmConfig = farmConfig ?? LoadedFarmConfig.load(workspace: workspace)
        self.markdownCache = options.markdownCache()
    }

    /// Builds `sites/<id>/` into `output/<id>/`. When any error is found nothing is written and
    /// the previous output stays in place.
    public func build(siteID: String) -> SiteBuildResult {
        build(siteID: siteID, retainingState: false).result
    }

    /// Builds like `build(siteID:)`; with `retainingState`, skips the up-to-date short cut and
    /// returns, after a successful build, what the site was built from (for `PreviewSession`).
    func build(siteID: String, retainingState: Bool) -> (result: SiteBuildResult, state: BuiltSiteState?) {
        let clock = ContinuousClock()
        let start = clock.now
        var stageStart = start
        var stages: [(stage: String, seconds: Double)] = []
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        func finishStage(_ name: String) {
            let now = clock.now
            stages.append((name, seconds(now - stageStart)))
            stageStart = now
        }
        func result(_ status: SiteBuildResult.Status, pages: Int = 0, files: Int = 0, _ diagnostics: [Diagnostic]) -> SiteBuildResult {
            SiteBuildResult(siteID: siteID, status: status, pages: pages, files: files,
                            diagnostics: diagnostics.sortedByLocation(), seconds: seconds(clock.now - start),
                            stageSeconds: stages)
        }

        // Incremental builds: the up-to-date short cut, before any content is read.
        var (cacheCheck, upToDateState) = checkCache(siteID: siteID)
        if let upToDateState, !retainingState {
            var upToDate = result(.upToDate, pages: upToDateState.pages, files: upToDateState.files, [])
            upToDate.filesKept = upToDateState.files
            return (upToDate, nil)
        }

        if !retainingState { loadEditedPostsCheck(&cacheCheck, siteID: siteID) }
        // Without a spare tree, one is made while the site is read (see `SparePrelink`); it is
        // finished before a writer claims it, and before this build returns.
        let prelink = SparePrelink.start(outputDirectory: options.outputDirectory, siteID: siteID)
        defer { prelink?.wait() }

        var loader = SiteLoader(workspace: workspace)
        loader.knownIdentities = cacheCheck.siteFiles
        let (loaded, loadDiagnostics) = loader.load(siteID: siteID)
        guard var source = loaded else { return (result(.failed, loadDiagnostics + farmConfig.diagnostics(for: siteID)), nil) }
        updateCacheCheck(&cacheCheck, theme: source.config.theme)
        var diagnostics = loadDiagnostics
        if let override = options.baseURLOverride {
            if let normalized = SiteConfig.normalizedBaseURL(override) {
                source.config.baseURL = normalized
            } else {
                diagnostics.append(Diagnostic(.error, code: "invalid-base-url", site: siteID,
                                              message: "--base-url '\(override)' is not an absolute http(s) URL",
                                              hint: "pass e.g. --base-url https://preview.example.com/"))
            }
        }
        finishStage("load")
        // Quotas (sbcms.yaml): media bytes and the deadline now; see SiteBuilder+Quota.swift.
        guard let quota = startQuotas(for: source, startedAt: start, diagnostics: &diagnostics) else {
            return (result(.failed, diagnostics), nil)
        }
        var contentOptions = options.contentOptions
        contentOptions.markdownCache = markdownCache
        let splits = options.cacheDirectory.map {
            CacheMarkdownSplits(cacheDirectory: $0, siteID: siteID, identities: cacheCheck.siteFiles)
        }
        contentOptions.markdownSplits = splits
        var themeLoader = ThemeLoader(workspace: workspace)
        themeLoader.fingerprintsAssetNames = options.fingerprintsAssetNames
        let (theme, themeDiagnostics) = themeLoader.load(config: source.config, siteLayouts: source.layouts)
        diagnostics += themeDiagnostics
        let (graph, contentDiagnostics) = ContentGraphBuilder(source: source, options: contentOptions).build()
        diagnostics += contentDiagnostics
        // The split record is written while the site renders; no later step of this build reads it.
        let splitsSaved = splits.map { splits in BackgroundTask { splits.saveIfChanged() } }
        defer { splitsSaved?.wait() }
        contentOptions.markdownSplits = nil  // the preview's `BodyEditor` reads edited files afresh
        finishStage("content")
        if let theme {
            for (layout, folder) in SiteRenderer.contentLayouts(for: graph) where !theme.hasLayout(layout) {
                diagnostics.append(Diagnostic(
                    .error, code: "missing-layout", site: siteID, file: "themes/\(theme.name)/layouts",
                    message: "layout '\(layout)' is missing: the site has \(folder) but neither themes/\(theme.name)/layouts/\(layout).mustache nor sites/\(siteID)/layouts/\(layout).mustache exists",
                    hint: "add the layout to the theme, or copy it from themes/default/layouts/"))
            }
        }
        guard let theme, !diagnostics.containsErrors else { return (result(.failed, diagnostics), nil) }
        if let breach = quota.checkDeadline("after reading the content") { return (result(.failed, diagnostics + [breach]), nil) }

        var renderer = SiteRenderer(graph: graph, theme: theme)
        let tasks = renderer.plan()
        if let breach = quota.checkPlan(tasks) { return (result(.failed, diagnostics + [breach]), nil) }
        /// The result of a build whose tree was switched in; records it for the next build.
        func builtResult(_ changes: OutputWriter.Changes, outputInode: UInt64, tookShortCut: Bool = false) -> SiteBuildResult {
            let pages = tasks.filter(\.isPage).count
            var built = result(.built, pages: pages, files: tasks.count, diagnostics)
            built.filesWritten = changes.written
            built.filesKept = changes.kept
            built.filesRemoved = changes.removed.count
            saveCacheState(cacheCheck, siteID: siteID, theme: theme, graph: graph, outputInode: outputInode,
                           pages: pages, files: tasks.count)
            saveEditedPostsRecord(cacheCheck, siteID: siteID, graph: graph, outputInode: outputInode,
                                  tookShortCut: tookShortCut)
            return built
        }
        if !retainingState, let edited = editedPostIndexes(cacheCheck, graph: graph, siteID: siteID),
           let (writer, changes) = writeOnlyWhatShowsEditedPosts(edited, renderer: renderer, prelink: prelink,
                                                                 plannedFiles: tasks.count,
                                                                 plannedPages: tasks.filter(\.isPage).count,
                                                                 siteID: siteID, quota: quota) {
            finishStage("render edited posts")
            let built = builtResult(changes, outputInode: writer.stagingInode, tookShortCut: true)
            DeferredRelease.release((graph, renderer, source, tasks, writer, splits))
            return (built, nil)
        }
        let writer: OutputWriter
        do {
            try FileSystem.createDirectories(options.outputDirectory)
            prelink?.wait()
            writer = try OutputWriter(siteID: siteID, outputDirectory: options.outputDirectory)
        } catch {
            diagnostics.append(Diagnostic(.error, code: "output", site: siteID, message: "\(error)"))
            return (result(.failed, diagnostics), nil)
        }
        // With a cache, pages whose layout closure and context are unchanged are not rendered.
        // (A kept page whose previous file is gone is rendered again with no previous fingerprints.)
        var renderAgain = renderer
        if options.cacheDirectory != nil {
            renderer.previousPageFingerprints = writer.previousPageFingerprints
            renderAgain.previousPageFingerprints = [:]
        }
        let (incremental, full) = (renderer, renderAgain)
        let failures = Parallel.map(tasks) { task -> String? in
            guard quota.mayRender() else { return nil }
            do {
                guard try Self.write(task, incremental: incremental, full: full, to: writer, quota: quota) else { return nil }
                if task.isPage { options.pageCounter?.add(1) }
                return nil
            } catch {
                return "\(error)"
            }
        }.compactMap { $0 }
        finishStage("render")
        if let breach = quota.breach {
            writer.discard()
            return (result(.failed, diagnostics + [breach]), nil)
        }
        if let failure = failures.first {
            writer.discard()
            diagnostics.append(Diagnostic(.error, code: "output", site: siteID, message: failure,
                                          hint: failures.count > 1 ? "and \(failures.count - 1) more write errors" : nil))
            return (result(.failed, diagnostics), nil)
        }
        let changes: OutputWriter.Changes
        do {
            changes = try writer.finish()
            try writer.commit()
        } catch {
            writer.discard()
            diagnostics.append(Diagnostic(.error, code: "output", site: siteID, message: "\(error)"))
            return (result(.failed, diagnostics), nil)
        }
        let built = builtResult(changes, outputInode: writer.stagingInode)
        if !retainingState { DeferredRelease.release((graph, renderer, renderAgain, source, tasks, writer, splits)) }
        let state = retainingState ? BuiltSiteState(
            source: source, renderer: SiteRenderer(graph: graph, theme: theme),
            editor: BodyEditor(graph: graph, source: source, options: contentOptions)) : nil
        return (built, state)
    }
}

extension SiteBuilder {
    /// Renders one task and writes it. A page whose fingerprint is unchanged keeps its previous
    /// file, which counts toward `output_bytes` with its previous size; when that file cannot be
    /// kept, the page is rendered in full. False when the `output_bytes` quota stopped the file.
    static func write(_ task: RenderTask, incremental: SiteRenderer, full: SiteRenderer, to writer: OutputWriter,
                      quota: QuotaGuard) throws -> Bool {
        var file = incremental.render(task)
        if case .unchanged = file.content {
            if let size = writer.previousSize(of: file.path) {
                guard quota.admit(bytes: size) else { return false }
                if try writer.write(file) { return true }
            }
            file = full.render(task)
        }
        guard quota.admit(file) else { return false }
        try writer.write(file)
        return true
    }
}

extension RenderTask {
    /// True for tasks that produce an HTML page.
    var isPage: Bool {
        switch self {
        case .home, .blogIndex, .post, .taxonomy, .term, .notFound, .doc: return true
        case .courses(let task): return task.isPage
        case .portfolio(let task): return task.isPage
        case .characters(let task): return task.isPage
        case .rss, .atom, .jsonFeed, .sitemap, .robots, .copy, .docsHierarchy, .linkGraph, .api: return false
        }
    }
}
