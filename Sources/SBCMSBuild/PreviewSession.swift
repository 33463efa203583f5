import SBCMSContent
import SBCMSCore
import SBCMSRender

/// One site under preview: builds it through `SiteBuilder` and keeps the last successful
/// build in memory, so that an edit of one post's or doc page's body is answered by rendering
/// only the outputs that show that body (`BodyEditor`, `SiteRenderer.tasksShowing(postAt:)` and
/// `tasksShowing(docAt:)`) instead of building the site again. Calls must not overlap (the preview server makes them one at a time).
public final class PreviewSession: @unchecked Sendable {
    public let builder: SiteBuilder
    public let siteID: String
    private var state: BuiltSiteState?
    /// The result of the last `build()`.
    public private(set) var lastBuild: SiteBuildResult?

    public init(builder: SiteBuilder, siteID: String) {
        self.builder = builder
        self.siteID = siteID
    }

    /// The folder the site is written to: `<output>/<site>`.
    public var outputFolder: String { builder.options.outputDirectory + "/" + siteID }

    /// Builds the site (incrementally, through the cache); `now`, when given, replaces the
    /// build time of the builder's options. After a failed build nothing is kept: the next edit
    /// builds the site again, whatever it touched.
    @discardableResult
    public func build(now: ContentDate? = nil) -> SiteBuildResult {
        var siteBuilder = builder
        if let now {
            var options = builder.options
            options.now = now
            siteBuilder = SiteBuilder(workspace: builder.workspace, options: options, farmConfig: builder.farmConfig)
        }
        let (result, built) = siteBuilder.build(siteID: siteID, retainingState: true)
        state = built
        lastBuild = result
        return result
    }

    /// Applies the files that changed since the last build (site-relative paths) through the
    /// fast path when they amount to one edited post or doc page: paths that do not exist and
    /// were not files of the site (an editor's temporary file, renamed over the page) do not
    /// count. Nil when they need `build()`.
    public func applyEdit(changedFiles: [String]) throws -> PageEdit? {
        // Only the file list is taken from the state: a copy of the whole state alive during the
        // edit would make the page lists shared, and replacing a page would copy all of them.
        guard let filePaths = state?.source.filePaths else { return nil }
        let siteFolder = builder.workspace.siteDirectory(siteID) + "/"
        let relevant = Set(changedFiles).filter { FileSystem.exists(siteFolder + $0) || filePaths.contains($0) }
        guard relevant.count == 1, let path = relevant.first, !FileSystem.isDirectory(siteFolder + path) else { return nil }
        return try applyEdit(path: path)
    }

    /// What an edit answered by the fast path changed.
    public struct PageEdit: Sendable {
        /// The post or doc page, site-relative (`blog/x.md`, `docs/guide/setup.md`).
        public var page: String
        /// Site-relative paths of the output files whose bytes changed (`blog/x/index.html`).
        public var changedFiles: [String]
        /// The tasks rendered to find them.
        public var renderedTasks: Int
    }

    /// Applies an edit of the post or doc page at site-relative `path` when only its body
    /// changed in ways no other page sees (`BodyEditor`): renders the outputs that show the page
    /// and replaces, each atomically, those whose bytes changed. Nil when the edit needs
    /// `build()`.
    public func applyEdit(path: String) throws -> PageEdit? {
        guard path.hasSuffix(".md"), let edited = readEditedPage(path: path) else { return nil }
        // In place: the state's renderer is the only holder of the graph's page lists.
        switch edited {
        case .post(let post, let index): state?.renderer.replacePost(at: index, with: post)
        case .doc(let body, let index): state?.renderer.replaceDocBody(at: index, with: body)
        }
        guard let renderer = state?.renderer else { return nil }
        let tasks: [RenderTask]
        switch edited {
        case .post(_, let index): tasks = renderer.tasksShowing(postAt: index)
        case .doc(_, let index): tasks = renderer.tasksShowing(docAt: index)
        }
        let files = Parallel.map(tasks) { renderer.render($0) }
        var changed: [(path: String, bytes: [UInt8])] = []
        for file in files {
            let bytes: [UInt8]
            switch file.content {
            case .text(let text): bytes = Array(text.utf8)
            case .bytes(let data): bytes = data
            case .copy, .unchanged: continue
            }
            if let current = try? FileSystem.readBytes(outputFolder + "/" + file.path), current == bytes { continue }
            changed.append((file.path, bytes))
        }
        // The output's record must not vouch for these files any more (a later build that finds
        // a page's old fingerprint would keep the file), so they are noted before being replaced.
        try OutputTreeRecord.noteReplaced(changed.map(\.path), outputDirectory: builder.options.outputDirectory, siteID: siteID)
        for file in changed { try FileSystem.writeAtomically(file.bytes, to: outputFolder + "/" + file.path) }
        return PageEdit(page: path, changedFiles: changed.map(\.path).sorted(), renderedTasks: tasks.count)
    }

    /// Reads the edited page; nil when the edit needs a build. A function of its own, so that
    /// its copy of the state is gone before the renderer's page lists are changed in place.
    private func readEditedPage(path: String) -> BodyEditor.EditedPage? {
        guard let state else { return nil }
        return state.editor.read(path: path, in: state.renderer.graph)
    }
}
