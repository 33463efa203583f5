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

            Builds are incremental: only pages whose inputs changed are rendered again, and \
            output/.sbcms/<site-id>/manifest.json and changes.json list every file and what \
            changed. Each site's plan (site.yaml) takes its limits (pages, output and media \
            bytes, build seconds) from sbcms.yaml at the root. See docs/FARM.md.
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

    // Farm: concurrency, shards and the report (docs/FARM.md, "Running the farm").
    @Option(help: ArgumentHelp("Sites built at the same time (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Build only shard K of N (K from 0 to N-1): the sites rendezvous hashing of their ids assigns to it.",
                               valueName: "K/N"))
    var shard: String?

    @Option(name: .customLong("shard-count"),
            help: ArgumentHelp("Split the farm into N shards and build shard $JOB_COMPLETION_INDEX (a Kubernetes indexed Job).",
                               valueName: "N"))
    var shardCount: Int?

    @Option(help: ArgumentHelp("Write a farm report (JSON) to this file.", valueName: "file"))
    var report: String?

    func validate() throws {
        if all && !sites.isEmpty { throw ValidationError("Use either --all or --site, not both.") }
        if !all && sites.isEmpty { throw ValidationError("Name sites with --site <id> or build them all with --all.") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
        if let jobs, !(1...Self.maximumJobs).contains(jobs) {
            throw ValidationError("--jobs must be from 1 to \(Self.maximumJobs) (got \(jobs)).")
        }
        _ = try selectedShard(environment: ProcessInfo.processInfo.environment)
    }

    /// More sites at once than this only adds threads and memory.
    static let maximumJobs = 256

    /// The shard named by `--shard K/N` or by `--shard-count N` and `JOB_COMPLETION_INDEX`.
    func selectedShard(environment: [String: String]) throws -> Shard? {
        if shard != nil && shardCount != nil { throw ValidationError("Use either --shard K/N or --shard-count N, not both.") }
        if let shard {
            guard let parsed = Shard(parsing: shard) else {
                throw ValidationError("--shard '\(shard)' is not K/N with N at least 1 and K from 0 to N-1 (shards are numbered from 0, like JOB_COMPLETION_INDEX).")
            }
            return parsed
        }
        guard let shardCount else { return nil }
        guard shardCount >= 1 else { throw ValidationError("--shard-count must be at least 1 (got \(shardCount)).") }
        guard let text = environment["JOB_COMPLETION_INDEX"] else {
            throw ValidationError("--shard-count needs the environment variable JOB_COMPLETION_INDEX (set by a Kubernetes indexed Job); use --shard K/N elsewhere.")
        }
        guard let index = Int(text), let parsed = Shard(index: index, count: shardCount) else {
            throw ValidationError("JOB_COMPLETION_INDEX '\(text)' is not a shard index from 0 to \(shardCount - 1).")
        }
        return parsed
    }

    func run() throws {
        let workspace = common.workspace
        var named: Set<String> = []
        let requested = all ? workspace.siteIDs() : sites.filter { named.insert($0).inserted }
        if all && requested.isEmpty {
            throw ValidationError("No sites found under \(workspace.sitesDirectory) (a site is a folder with a site.yaml).")
        }
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let shard = try selectedShard(environment: ProcessInfo.processInfo.environment)
        let siteIDs = shard?.select(requested) ?? requested
        let jobs = self.jobs ?? min(Self.maximumJobs, ProcessInfo.processInfo.activeProcessorCount)
        var options = BuildOptions(now: ContentDate(secondsSince1970: Int64(startedAt.timeIntervalSince1970)),
                                   outputDirectory: absolutePath(output.hasPrefix("/") ? output : workspace.root + "/" + output))
        options.includeDrafts = drafts
        options.includeFuture = future
        options.baseURLOverride = baseURL
        if !noCache { options.cacheDirectory = absolutePath(cache.hasPrefix("/") ? cache : workspace.root + "/" + cache) }
        let progress = format == .text && !quiet && FarmProgressDisplay.isAvailable ? FarmProgressDisplay(sites: siteIDs.count) : nil
        options.pageCounter = progress?.pageCounter
        let farm = BuildFarm(workspace: workspace, options: options, jobs: jobs)
        let printer = DiagnosticPrinter(format: format, quiet: quiet, verbose: verbose, progress: progress)
        if let shard {
            printer.note("shard \(shard): \(siteIDs.count) of \(requested.count) site\(requested.count == 1 ? "" : "s")")
        }
        progress?.begin()
        let results = farm.build(siteIDs: siteIDs, observer: progress) { result in printer.siteFinished(result) }
        printer.finish(results, outputDirectory: options.outputDirectory)
        if let report {
            let elapsed = clock.now - start
            let farmReport = FarmReport(
                results: results, jobs: farm.jobs,
                shard: shard.map { FarmReport.ShardInfo(shard: $0, sitesInShard: siteIDs.count, sitesRequested: requested.count) },
                startedAt: options.now,
                wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                processPeakBytes: ProcessMemory.peakBytes())
            do {
                try farmReport.write(to: absolutePath(report))
            } catch {
                FileHandle.standardError.write(Data("error: cannot write the farm report \(report): \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
        if results.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
    }
}
