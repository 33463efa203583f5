import ArgumentParser
import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSServe
import SBCMSSource

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview a site: build it, serve it on this machine, rebuild and reload pages on every change.",
        discussion: """
            Drafts and scheduled posts are shown (each with a banner) unless --no-drafts or \
            --no-future says otherwise. The preview is built into <cache>/serve/<site-id>/, \
            never into output/, with URLs on the local address instead of base_url. An edit of \
            a post's or doc page's body renders only the pages that show it; other changes \
            rebuild incrementally. Open pages reload when something they show changed; build \
            errors are shown over the page (and printed here) while the last good version \
            stays served. Ctrl-C stops. See docs/SERVE.md.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("The site to preview.", valueName: "id"))
    var site: String

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 1313

    @Option(help: "The address to listen on; other machines can reach the preview only if you change it.")
    var host: String = "127.0.0.1"

    @Flag(inversion: .prefixedNo, help: "Show posts with `status: draft`.")
    var drafts = true

    @Flag(inversion: .prefixedNo, help: "Show posts whose published_at is in the future.")
    var future = true

    @Option(help: ArgumentHelp("The incremental build cache (relative to --root); the preview is built in its serve/ folder.",
                               valueName: "dir"))
    var cache: String = ".sbcms-cache"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535 (got \(port)).") }
        guard Workspace.isValidSiteID(site) else { throw ValidationError("'\(site)' is not a valid site id.") }
    }

    func run() async throws {
        let workspace = common.workspace
        guard FileSystem.exists(workspace.siteDirectory(site) + "/site.yaml") else {
            throw ValidationError("No site '\(site)': \(workspace.siteDirectory(site))/site.yaml does not exist.")
        }
        let port: Int
        do {
            port = self.port == 0 ? try FreePort.find(host: host) : self.port
            if self.port != 0 { try FreePort.check(host: host, port: port) }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let cacheDirectory = absolutePath(cache.hasPrefix("/") ? cache : workspace.root + "/" + cache)
        var options = BuildOptions(now: ContentDate(secondsSince1970: Int64(Date().timeIntervalSince1970)),
                                   outputDirectory: cacheDirectory + "/serve")
        options.cacheDirectory = cacheDirectory
        options.includeDrafts = drafts
        options.includeFuture = future
        // A stylesheet edit then changes one file, which open pages swap without a reload.
        options.fingerprintsAssetNames = false
        let url = Self.previewURL(host: host, port: port)
        options.baseURLOverride = url
        let siteID = site
        let server = PreviewServer(rebuilder: PreviewRebuilder(workspace: workspace, siteID: site, options: options),
                                   host: host, port: port,
                                   onWarning: { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }) { outcome in
            Self.report(outcome, siteID: siteID)
        }
        do {
            try await server.run { _ in
                FileHandle.standardOutput.write(Data("Serving \(siteID) at \(url) (Ctrl-C to stop)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: cannot serve on \(host):\(port): \(error)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data("stopped\n".utf8))
    }

    /// The address pages are served at; a wildcard host is shown as the loopback address.
    static func previewURL(host: String, port: Int) -> String {
        let shown = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host
        return "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(port)/"
    }

    /// Prints a build's diagnostics and one status line on stderr.
    static func report(_ outcome: PreviewBuildOutcome, siteID: String) {
        DiagnosticPrinter(format: .text, quiet: false, verbose: false).printDiagnostics(outcome.diagnostics)
        let time = String(format: "%.0f ms", outcome.seconds * 1000)
        let line: String
        switch outcome.status {
        case .built:
            let count = outcome.changedPaths.count
            let files = "\(count) changed file\(count == 1 ? "" : "s")"
            if let page = outcome.editedPage {
                line = "updated \(siteID): \(page) (only the pages that show it), \(files) in \(time)"
            } else {
                line = "built \(siteID): \(outcome.pages) pages, \(files) in \(time)"
            }
        case .upToDate:
            line = "up to date \(siteID): nothing changed (\(time))"
        case .failed:
            let errors = outcome.diagnostics.filter { $0.severity == .error }.count
            line = "failed \(siteID): \(errors) error\(errors == 1 ? "" : "s"); still serving the last good build"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
