import SBCMSCore
import SBCMSRender

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `--report FILE` document: one farm run, its totals and every site's figures, as JSON with
/// keys in a fixed order (see docs/FARM.md).
public struct FarmReport: Sendable {
    /// Which shard ran, and how many of the requested sites it had.
    public struct ShardInfo: Sendable {
        public var shard: Shard
        public var sitesInShard: Int
        public var sitesRequested: Int

        public init(shard: Shard, sitesInShard: Int, sitesRequested: Int) {
            self.shard = shard
            self.sitesInShard = sitesInShard
            self.sitesRequested = sitesRequested
        }
    }

    public var results: [SiteBuildResult]
    public var jobs: Int
    public var shard: ShardInfo?
    /// When the run started.
    public var startedAt: ContentDate
    /// Wall time of the whole run in seconds.
    public var wallSeconds: Double
    /// The process's peak resident size at the end of the run, in bytes.
    public var processPeakBytes: Int

    public init(results: [SiteBuildResult], jobs: Int, shard: ShardInfo?, startedAt: ContentDate,
                wallSeconds: Double, processPeakBytes: Int) {
        self.results = results
        self.jobs = jobs
        self.shard = shard
        self.startedAt = startedAt
        self.wallSeconds = wallSeconds
        self.processPeakBytes = processPeakBytes
    }

    /// The report as a JSON value.
    public var json: JSONValue {
        func sum(_ figure: (SiteBuildResult) -> Int) -> JSONValue { .int(results.map(figure).reduce(0, +)) }
        func count(_ status: SiteBuildResult.Status) -> JSONValue { .int(results.filter { $0.status == status }.count) }
        let siteSeconds: Double = results.map(\.seconds).reduce(0, +)
        var totals: [(String, JSONValue)] = [("sites", .int(results.count))]
        totals.append(("built", count(.built)))
        totals.append(("up_to_date", count(.upToDate)))
        totals.append(("failed", count(.failed)))
        totals.append(("pages", sum(\.pages)))
        totals.append(("files", sum(\.files)))
        totals.append(("files_written", sum(\.filesWritten)))
        totals.append(("files_kept", sum(\.filesKept)))
        totals.append(("files_removed", sum(\.filesRemoved)))
        totals.append(("errors", sum(\.errorCount)))
        totals.append(("warnings", sum(\.warningCount)))
        totals.append(("site_seconds", .double(Self.rounded(siteSeconds))))
        totals.append(("peak_memory_bytes", .int(processPeakBytes)))
        let shardValue: JSONValue = shard.map {
            .object([("index", .int($0.shard.index)), ("count", .int($0.shard.count)),
                     ("sites_in_shard", .int($0.sitesInShard)), ("sites_requested", .int($0.sitesRequested))])
        } ?? .null
        return .object([
            ("report", .string("sbcms-farm")),
            ("version", .int(1)),
            ("started_at", .string(startedAt.rfc3339)),
            ("wall_seconds", .double(Self.rounded(wallSeconds))),
            ("jobs", .int(jobs)),
            ("shard", shardValue),
            ("totals", .object(totals)),
            ("sites", .array(results.map(Self.site))),
        ])
    }

    private static func site(_ result: SiteBuildResult) -> JSONValue {
        let concurrent = max(1, result.concurrentSites)
        return .object([
            ("id", .string(result.siteID)),
            ("status", .string(result.status.rawValue)),
            ("pages", .int(result.pages)),
            ("files", .int(result.files)),
            ("files_written", .int(result.filesWritten)),
            ("files_kept", .int(result.filesKept)),
            ("files_removed", .int(result.filesRemoved)),
            ("seconds", .double(rounded(result.seconds))),
            ("peak_memory_bytes", .int(result.peakMemoryBytes)),
            ("concurrent_sites", .int(concurrent)),
            ("memory_share_bytes", .int(result.peakMemoryBytes / concurrent)),
            ("errors", .int(result.errorCount)),
            ("warnings", .int(result.warningCount)),
        ])
    }

    /// Seconds to the millisecond.
    private static func rounded(_ seconds: Double) -> Double {
        (seconds * 1000).rounded() / 1000
    }

    /// Writes the report to `path` atomically: a temporary file in the same folder renamed over it.
    public func write(to path: String) throws {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        if !folder.isEmpty { try FileSystem.createDirectories(folder) }
        let temporary = folder + ".\(name).\(getpid()).tmp"
        do {
            try FileSystem.write(json.serialized(), to: temporary)
            try FileSystem.rename(temporary, to: path)
        } catch {
            FileSystem.removeTree(temporary)
            throw error
        }
    }
}

extension SiteBuildResult {
    /// Number of error diagnostics.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    /// Number of warnings (every diagnostic that is not an error).
    public var warningCount: Int { diagnostics.count - errorCount }
}
