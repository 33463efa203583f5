import Foundation
import Hummingbird
import Logging
import SBCMSCore
import SBCMSSource
import ServiceLifecycle
import UnixSignals

/// `sbcms serve`: builds a site, serves its output over HTTP, watches what it is made of, and
/// rebuilds and tells open pages (live reload, error overlay) after each change.
public final class PreviewServer: Sendable {
    public let rebuilder: PreviewRebuilder
    public let host: String
    /// The port to listen on (0 takes a free one; `onReady` tells which).
    public let port: Int
    /// Called after each build, the first one included (on the watcher's thread).
    public let onBuild: @Sendable (PreviewBuildOutcome) -> Void
    /// Called with a sentence when a folder cannot be watched (its changes would go unseen).
    public let onWarning: @Sendable (String) -> Void
    let hub = PreviewEventHub()

    public init(rebuilder: PreviewRebuilder, host: String, port: Int,
                onWarning: @escaping @Sendable (String) -> Void = { _ in },
                onBuild: @escaping @Sendable (PreviewBuildOutcome) -> Void = { _ in }) {
        self.rebuilder = rebuilder
        self.host = host
        self.port = port
        self.onWarning = onWarning
        self.onBuild = onBuild
    }

    /// What is watched: the site folder, `themes/` and `templates/` with all their subfolders,
    /// and `sbcms.yaml` (and a `templates/` created later) in the repository root.
    public var watchedFolders: [String] {
        let workspace = rebuilder.workspace
        return [workspace.siteDirectory(rebuilder.siteID), workspace.themesDirectory, workspace.templatesDirectory, workspace.root]
    }

    /// Builds the site once, then serves and watches until SIGINT or SIGTERM (when
    /// `stopsOnSignals`; graceful: open event streams are closed first) or until the task is
    /// cancelled. `onReady` receives the port once the server listens.
    public func run(stopsOnSignals: Bool = true, onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let shutdownSignals: [UnixSignal] = stopsOnSignals ? [.sigint, .sigterm] : []
        let workspace = rebuilder.workspace
        let watcher = try SiteWatcher(roots: [
            .init(path: workspace.siteDirectory(rebuilder.siteID), recursive: true),
            .init(path: workspace.themesDirectory, recursive: true),
            .init(path: workspace.templatesDirectory, recursive: true),
            .init(path: workspace.root, recursive: false, names: [Workspace.farmConfigFileName, "templates", "themes"]),
        ], onWarning: onWarning)
        // The first build runs on a thread of its own, like the rebuilds, not on the task pool.
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread { [self] in
                rebuild(changedFiles: [])
                continuation.resume()
            }
        }
        var logger = Logger(label: "sbcms.serve")
        // The server's own messages (connections cut at shutdown) are not the author's concern.
        logger.logLevel = .critical
        let responder = PreviewResponder(resolver: StaticPathResolver(root: rebuilder.siteOutputDirectory), hub: hub)
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? 0) },
            logger: logger)
        let watching = WatchService(watcher: watcher, hub: hub) { [self] paths in rebuild(changedFiles: paths) }
        // Shut down in reverse order: the watcher closes the event streams, then the server stops.
        let group = ServiceGroup(services: [application, watching], gracefulShutdownSignals: shutdownSignals, logger: logger)
        try await group.run()
    }

    /// Rebuilds, then tells the open pages and `onBuild`.
    private func rebuild(changedFiles: [String]) {
        let outcome = rebuilder.rebuild(changedFiles: changedFiles)
        hub.publish(outcome)
        onBuild(outcome)
    }
}

/// Runs the file watcher for as long as the server runs; on shutdown it stops the watcher and
/// ends every live-reload stream so the HTTP server can close its connections.
private struct WatchService: Service {
    let watcher: SiteWatcher
    let hub: PreviewEventHub
    let onChange: @Sendable ([String]) -> Void

    func run() async throws {
        watcher.start { paths in onChange(Array(Set(paths)).sorted()) }
        // Returns on graceful shutdown, throws on cancellation: both stop the watcher.
        try? await gracefulShutdown()
        watcher.stop()
        hub.close()
    }
}
