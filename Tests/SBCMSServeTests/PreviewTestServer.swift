import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSServe
import SBCMSSource
import SBCMSTestSupport

/// A preview server over a copy of the golden fixture (plus a few media files of every served
/// kind), listening on a free loopback port; `stop()` ends it.
final class PreviewTestServer: @unchecked Sendable {
    static let site = "golden"
    static let blog = "sites/golden/blog/"

    let repo: FixtureRepository
    let port: Int
    let server: PreviewServer
    private let task: Task<Void, any Error>

    var client: LoopbackHTTPClient { LoopbackHTTPClient(port: port) }
    /// The folder the preview is built in: `<root>/.sbcms-cache/serve/golden`.
    var siteOutput: String { server.rebuilder.siteOutputDirectory }

    private init(repo: FixtureRepository, port: Int, server: PreviewServer, task: Task<Void, any Error>) {
        self.repo = repo
        self.port = port
        self.server = server
        self.task = task
    }

    /// Makes the repository, builds it and waits until the server listens.
    static func start(edit: (FixtureRepository) throws -> Void = { _ in }) async throws -> PreviewTestServer {
        let repo = try FixtureRepository()
        try repo.copySites(from: FixtureRepository.projectRoot + "/Tests/Fixtures/golden")
        try repo.write("sites/golden/media/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n")
        try repo.write("sites/golden/media/app.js", "console.log('golden');\n")
        try repo.write("sites/golden/media/extra.css", "body { margin: 0; }\n")
        try repo.write("sites/golden/media/font.woff2", Data([0x77, 0x4F, 0x46, 0x32, 0, 1, 0, 0]))
        try repo.write("sites/golden/media/photo.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]))
        try repo.write("sites/golden/media/data.json", "{\"golden\": true}\n")
        try edit(repo)
        // The free port can be taken (by another test's client socket) before the server binds
        // it; then the server fails before listening and another port is tried.
        for attempt in 1... {
            let port = try FreePort.find()
            var options = BuildOptions(now: ContentDate(secondsSince1970: Int64(Date().timeIntervalSince1970)),
                                       outputDirectory: repo.root + "/.sbcms-cache/serve")
            options.cacheDirectory = repo.root + "/.sbcms-cache"
            options.includeDrafts = true
            options.includeFuture = true
            options.fingerprintsAssetNames = false
            options.baseURLOverride = "http://127.0.0.1:\(port)/"
            let rebuilder = PreviewRebuilder(workspace: Workspace(root: repo.root), siteID: site, options: options)
            let server = PreviewServer(rebuilder: rebuilder, host: "127.0.0.1", port: port)
            let (ready, readyContinuation) = AsyncStream<Int>.makeStream()
            let task = Task {
                defer { readyContinuation.finish() }
                try await server.run(stopsOnSignals: false) { port in readyContinuation.yield(port) }
            }
            var iterator = ready.makeAsyncIterator()
            if await iterator.next() != nil {
                return PreviewTestServer(repo: repo, port: port, server: server, task: task)
            }
            do {
                try await task.value
            } catch where attempt < 5 && "\(error)".contains("Address already in use") {
                continue
            }
            throw LoopbackHTTPClient.Failure(description: "the preview server stopped before listening")
        }
        fatalError("unreachable")
    }

    /// Runs `body` against a new preview server and stops the server afterwards, also when
    /// `body` throws.
    static func with(edit: (FixtureRepository) throws -> Void = { _ in },
                     _ body: (PreviewTestServer) async throws -> Void) async throws {
        let preview = try await start(edit: edit)
        do {
            try await body(preview)
        } catch {
            await preview.stop()
            throw error
        }
        await preview.stop()
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Replaces `old` with `new` in a file of the repository (written in place).
    func replace(_ path: String, _ old: String, _ new: String) throws {
        let text = try repo.read(path)
        guard text.contains(old) else { throw LoopbackHTTPClient.Failure(description: "\(path) has no '\(old)'") }
        try repo.write(path, text.replacingOccurrences(of: old, with: new))
    }
}
