import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSSource

/// Rebuilds the previewed site: the one place the preview server asks for new output, so a
/// faster rebuild can replace this one without touching the server.
///
/// This one runs the incremental `SiteBuilder` into a preview output folder (never `output/`)
/// and reads the changed paths from the `changes.json` that the build records.
public final class PreviewRebuilder: Sendable {
    public let workspace: Workspace
    public let siteID: String
    /// Build settings; `now` is replaced by the current time on each rebuild.
    public let options: BuildOptions

    /// `options.outputDirectory` receives `<site-id>/`; `options.cacheDirectory` should be set
    /// for incremental rebuilds.
    public init(workspace: Workspace, siteID: String, options: BuildOptions) {
        self.workspace = workspace
        self.siteID = siteID
        self.options = options
    }

    /// The folder whose files are served: `<output>/<site-id>`.
    public var siteOutputDirectory: String { options.outputDirectory + "/" + siteID }

    /// Builds the site now and tells what changed. `changedFiles` are the absolute paths the
    /// watcher saw change since the last rebuild (empty for the first build); this rebuilder
    /// does not need them (the incremental build finds what changed from the files' metadata),
    /// a rebuilder that answers some edits without a whole build can.
    public func rebuild(changedFiles: [String] = []) -> PreviewBuildOutcome {
        var options = self.options
        options.now = ContentDate(secondsSince1970: Int64(Date().timeIntervalSince1970))
        let result = SiteBuilder(workspace: workspace, options: options).build(siteID: siteID)
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
