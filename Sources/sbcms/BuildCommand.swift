import ArgumentParser
import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSSource

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build sites into output/<site-id>/.",
        discussion: """
            Each site is built into a staging folder and switched in only when it has no \
            errors, so a failed build leaves the previous output in place. Problems are \
            printed like compiler messages (file:line:column: error[code]: message).
            """)

    enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("site"), help: ArgumentHelp("Build this site (repeatable).", valueName: "id"))
    var sites: [String] = []

    @Flag(help: "Build every site under sites/.")
    var all = false

    @Flag(help: "Also build posts with `status: draft`.")
    var drafts = false

    @Flag(help: "Also build posts whose published_at is in the future.")
    var future = false

    @Option(help: ArgumentHelp("Where site folders are written.", valueName: "dir"))
    var output: String = "output"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Use this base URL instead of each site's base_url.", valueName: "url"))
    var baseURL: String?

    // Incremental builds (the cache folder).
    @Option(help: ArgumentHelp("The incremental build cache (relative to --root like --output).", valueName: "dir"))
    var cache: String = ".sbcms-cache"

    @Flag(name: .customLong("no-cache"), help: "Build cold: the cache is neither read nor written.")
    var noCache = false

    @Option(help: "How diagnostics are printed: text (stderr) or json (stdout).")
    var format: DiagnosticFormat = .text

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print how long each stage of each site took.")
    var verbose = false

    func validate() throws {
        if all && !sites.isEmpty { throw ValidationError("Use either --all or --site, not both.") }
        if !all && sites.isEmpty { throw ValidationError("Name sites with --site <id> or build them all with --all.") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
    }

    func run() throws {
        let workspace = common.workspace
        let siteIDs = all ? workspace.siteIDs() : sites
        if all && siteIDs.isEmpty {
            throw ValidationError("No sites found under \(workspace.sitesDirectory) (a site is a folder with a site.yaml).")
        }
        var options = BuildOptions(now: ContentDate(secondsSince1970: Int64(Date().timeIntervalSince1970)),
                                   outputDirectory: absolutePath(output.hasPrefix("/") ? output : workspace.root + "/" + output))
        options.includeDrafts = drafts
        options.includeFuture = future
        options.baseURLOverride = baseURL
        if !noCache { options.cacheDirectory = absolutePath(cache.hasPrefix("/") ? cache : workspace.root + "/" + cache) }
        let farm = BuildFarm(workspace: workspace, options: options)
        let printer = DiagnosticPrinter(format: format, quiet: quiet, verbose: verbose)
        let results = farm.build(siteIDs: siteIDs) { result in printer.siteFinished(result) }
        printer.finish(results, outputDirectory: options.outputDirectory)
        if results.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
    }
}
