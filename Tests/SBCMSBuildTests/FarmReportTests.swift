import Foundation
@testable import SBCMSBuild
import SBCMSCore
import SBCMSTestSupport
import Testing

/// The farm report (`--report FILE`), the summary table and the progress line.
@Suite struct FarmReportTests {
    private func results() -> [SiteBuildResult] {
        var built = SiteBuildResult(siteID: "alpha", status: .built, pages: 12, files: 20,
                                    diagnostics: [Diagnostic(.warning, code: "w", site: "alpha", message: "careful")],
                                    seconds: 1.23456)
        built.filesWritten = 15
        built.filesKept = 5
        built.filesRemoved = 2
        built.peakMemoryBytes = 100_000_000
        built.concurrentSites = 2
        var failed = SiteBuildResult(siteID: "broken", status: .failed, pages: 0, files: 0,
                                     diagnostics: [Diagnostic(.error, code: "e", site: "broken", message: "bad"),
                                                   Diagnostic(.error, code: "e", site: "broken", message: "worse")],
                                     seconds: 0.1)
        failed.peakMemoryBytes = 80_000_000
        return [built, failed]
    }

    @Test func reportJSONShape() throws {
        let report = FarmReport(results: results(), jobs: 2,
                                shard: FarmReport.ShardInfo(shard: Shard(index: 1, count: 4)!, sitesInShard: 2, sitesRequested: 9),
                                startedAt: fixedNow, wallSeconds: 1.5, processPeakBytes: 120_000_000)
        let text = report.json.serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["report"] as? String == "sbcms-farm")
        #expect(object["version"] as? Int == 1)
        #expect(object["started_at"] as? String == "2026-06-01T12:00:00Z")
        #expect(object["wall_seconds"] as? Double == 1.5)
        #expect(object["jobs"] as? Int == 2)
        let shard = try #require(object["shard"] as? [String: Any])
        #expect(shard["index"] as? Int == 1 && shard["count"] as? Int == 4)
        #expect(shard["sites_in_shard"] as? Int == 2 && shard["sites_requested"] as? Int == 9)
        let totals = try #require(object["totals"] as? [String: Any])
        let expectedTotals: [String: Int] = [
            "sites": 2, "built": 1, "up_to_date": 0, "failed": 1, "pages": 12, "files": 20, "files_written": 15,
            "files_kept": 5, "files_removed": 2, "errors": 2, "warnings": 1, "peak_memory_bytes": 120_000_000,
        ]
        for (key, value) in expectedTotals { #expect(totals[key] as? Int == value, "totals.\(key)") }
        #expect(totals["site_seconds"] as? Double == 1.335)
        let sites = try #require(object["sites"] as? [[String: Any]])
        #expect(sites.map { $0["id"] as? String } == ["alpha", "broken"])
        let alpha = sites[0]
        #expect(Set(alpha.keys) == ["id", "status", "pages", "files", "files_written", "files_kept", "files_removed", "seconds",
                                    "peak_memory_bytes", "concurrent_sites", "memory_share_bytes", "errors", "warnings"])
        #expect(alpha["status"] as? String == "built")
        #expect(alpha["seconds"] as? Double == 1.235)
        #expect(alpha["memory_share_bytes"] as? Int == 50_000_000)
        #expect(alpha["warnings"] as? Int == 1 && alpha["errors"] as? Int == 0)
        #expect(sites[1]["status"] as? String == "failed")
        #expect(sites[1]["errors"] as? Int == 2)
        #expect(sites[1]["memory_share_bytes"] as? Int == 80_000_000)
        // Keys in a fixed order: the document reads the same every time.
        #expect(text.hasPrefix("{\n  \"report\": \"sbcms-farm\",\n  \"version\": 1,\n  \"started_at\""))
    }

    @Test func reportWithoutShardAndItsAtomicWrite() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let report = FarmReport(results: [], jobs: 1, shard: nil, startedAt: fixedNow, wallSeconds: 0, processPeakBytes: 0)
        try report.write(to: repo.root + "/reports/farm.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(repo.read("reports/farm.json").utf8)) as? [String: Any])
        #expect(object["shard"] is NSNull)
        #expect((object["sites"] as? [Any])?.isEmpty == true)
        try report.write(to: repo.root + "/reports/farm.json")
        #expect(repo.files(under: "reports") == ["farm.json"], "no temporary file is left behind")
    }

    @Test func summaryTableListsEverySiteInOrderWithTotals() {
        let lines = FarmSummaryTable.lines(results())
        #expect(lines.count == 5)
        #expect(lines[0].split(separator: " ").map(String.init) == ["site", "status", "pages", "written", "kept", "removed", "time"])
        #expect(lines[1].split(separator: " ").map(String.init) == ["alpha", "built", "12", "15", "5", "2", "1.23", "s"])
        #expect(lines[2].split(separator: " ").map(String.init) == ["broken", "failed", "0", "0", "0", "0", "0.10", "s"])
        #expect(lines[3].allSatisfy { $0 == "-" })
        #expect(lines[4].split(separator: " ").map(String.init) == ["total", "1", "failed", "12", "15", "5", "2", "1.33", "s"])
        #expect(Set(lines.map(\.count)).count == 1, "columns line up")
        #expect(!lines.joined().contains("\u{1B}"))
    }

    @Test func progressLineFitsTheTerminal() {
        let line = FarmProgressLine(sitesDone: 3, sitesTotal: 10, pages: 1500, elapsedSeconds: 2, building: ["alpha", "beta"])
        let wide = line.rendered(width: 200)
        #expect(wide == "[######--------------] 3/10 sites  1500 pages  750 pages/s  building: alpha, beta")
        let narrow = line.rendered(width: 40)
        #expect(narrow.count == 39)
        #expect(narrow.hasSuffix("..."))
        let done = FarmProgressLine(sitesDone: 4, sitesTotal: 4, pages: 0, elapsedSeconds: 0, building: []).rendered(width: 80)
        #expect(done == "[####################] 4/4 sites  0 pages  0 pages/s")
    }

    @Test func memoryWatchCountsOverlapsAndCreditsThePeak() throws {
        let watch = SiteMemoryWatch()
        let first = watch.start()
        let second = watch.start()
        #expect(watch.finish(first).concurrentSites == 2)
        let third = watch.start()
        #expect(watch.finish(second).concurrentSites == 2)
        #expect(watch.finish(third).concurrentSites == 2)
        #if os(Linux)
        let alone = watch.start()
        var block = [UInt8](repeating: 1, count: 64 << 20)
        block[block.count - 1] = 2
        let measure = watch.finish(alone)
        #expect(block.last == 2)
        #expect(measure.concurrentSites == 1)
        // The block was resident while the site "built": the site's peak holds it (other tests of
        // this process may run beside it, so only this bound is certain).
        #expect(measure.peakBytes >= 64 << 20, "peak \(measure.peakBytes)")
        #expect(ProcessMemory.peakBytes() >= measure.peakBytes)
        #endif
    }
}
