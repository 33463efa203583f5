import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSSource

/// Rebuilds the previewed site: the one place the preview server asks for new output, so a
/// faster rebuild can replace this one without touching the server.
///
/// It keeps a `PreviewSession`: an edit of one post's body is answered by rendering only the
/// outputs that show the post; anything else runs the incremental `SiteBuilder` into the
/// preview output folder (never `output/`) and reads the changed paths from the
/// `changes.json` that the build records.
public final class PreviewRebuilder: Sendable {
    public let workspace: Workspace
    public let siteID: String
    /// Build settings; `now` is replaced by the current time on each whole build.
    public let options: BuildOptions
    private let session: PreviewSession

    /// `options.outputDirectory` receives `<site-id>/`; `options.cacheDirectory` should be set
    /// for incremental rebuilds.
    public init(workspace: Workspace, siteID: String, options: BuildOptions) {
        self.workspace = workspace
        self.siteID = siteID
        self.options = options
        session = PreviewSession(builder: SiteBuilder(workspace: workspace, options: options), siteID: siteID)
    }

    /// The folder whose files are served: `<output>/<site-id>`.
    public var siteOutputDirectory: String { options.outputDirectory + "/" + siteID }

    /// Brings the preview up to date and tells what changed. `changedFiles` are the absolute
    /// paths the watcher saw change since the last rebuild (empty for the first build): when
    /// they are one post of the site whose body alone changed, only the outputs that show it
    /// are rendered; otherwise the site is built (incrementally).
    public func rebuild(changedFiles: [String] = []) -> PreviewBuildOutcome {
        let start = ContinuousClock.now
        if let outcome = applyEdit(changedFiles: changedFiles, start: start) { return outcome }
        let now = ContentDate(secondsSince1970: Int64(Date().timeIntervalSince1970))
        let result = session.build(now: now)
        let status: PreviewBuildOutcome.Status
        var changedPaths: [String] = []
        switch result.status {
        case .built:
            status = .built
            changedPaths = readChangedPaths()
        case .upToDate: status = .upToDate
        case .failed: status = .failed
        }
        return PreviewBuildOutcome(status: status, diagnostics: result.diagnostics, changedPaths: changedPaths,
                                   pages: result.pages, files: result.files, seconds: result.seconds)
    }

    /// The fast path (`PreviewSession.applyEdit`), for changes inside the site's folder only.
    private func applyEdit(changedFiles: [String], start: ContinuousClock.Instant) -> PreviewBuildOutcome? {
        let siteFolder = workspace.siteDirectory(siteID) + "/"
        guard !changedFiles.isEmpty, changedFiles.allSatisfy({ $0.hasPrefix(siteFolder) }),
              let edit = try? session.applyEdit(changedFiles: changedFiles.map { String($0.dropFirst(siteFolder.count)) })
        else { return nil }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return PreviewBuildOutcome(status: edit.changedFiles.isEmpty ? .upToDate : .built, diagnostics: [],
                                   changedPaths: edit.changedFiles.map(OutputWriter.url(forPath:)),
                                   pages: session.lastBuild?.pages ?? 0, files: session.lastBuild?.files ?? 0,
                                   seconds: seconds, editedPage: edit.page)
    }

    /// The URLs listed by the last build's `changes.json` (added, changed and removed); the
    /// home page when the record cannot be read, so that pages still reload.
    private func readChangedPaths() -> [String] {
        struct Changes: Decodable {
            var added: [String]
            var changed: [String]
            var removed: [String]
        }
        let path = options.outputDirectory + "/.sbcms/" + siteID + "/changes.json"
        guard let data = FileManager.default.contents(atPath: path),
              let changes = try? JSONDecoder().decode(Changes.self, from: data) else { return ["/"] }
        return Array(Set(changes.added + changes.changed + changes.removed)).sorted()
    }
}
