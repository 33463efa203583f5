import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSSource
import SBCMSTestSupport
import Testing

/// Sites built concurrently: the output and the reported results never depend on `jobs`.
@Suite struct BuildFarmTests {
    /// Every fixture site, two small generated sites and a broken one.
    private func farmRepository() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        for fixture in ["golden", "docs-site", "courses-site", "portfolio-site", "characters-site"] {
            let sites = FixtureRepository.projectRoot + "/Tests/Fixtures/\(fixture)/sites"
            for site in try FileManager.default.contentsOfDirectory(atPath: sites) {
                try FileManager.default.copyItem(atPath: sites + "/" + site, toPath: repo.root + "/sites/" + site)
            }
        }
        try FileManager.default.copyItem(atPath: FixtureRepository.projectRoot + "/Tests/Fixtures/characters-site/templates",
                                         toPath: repo.root + "/templates")
        for id in ["alpha", "beta"] {
            try repo.writeSite(id)
            for day in 1...5 {
                try repo.write("sites/\(id)/blog/2026-01-0\(day)-note-\(day).md",
                               post("title: Note \(day)\ntags: [farm]", body: "Note \(day) of \(id). [Next](2026-01-0\(day % 5 + 1)-note-\(day % 5 + 1).md)\n"))
            }
        }
        try repo.writeSite("broken")
        try repo.write("sites/broken/blog/2026-01-01-bad.md", post("title: Bad\ndate: 2026-13-01"))
        try repo.setModificationDates(under: "sites", to: Date(timeIntervalSince1970: 1_767_225_600))
        return repo
    }

    private func build(_ repo: FixtureRepository, jobs: Int, into folder: String,
                       observer: (any BuildFarmObserver)? = nil,
                       onSiteFinished: (SiteBuildResult) -> Void = { _ in }) -> [SiteBuildResult] {
        let workspace = Workspace(root: repo.root)
        let options = BuildOptions(now: fixedNow, outputDirectory: repo.root + "/" + folder)
        return BuildFarm(workspace: workspace, options: options, jobs: jobs)
            .build(siteIDs: workspace.siteIDs(), observer: observer, onSiteFinished: onSiteFinished)
    }

    @Test func oneJobAndFourJobsWriteIdenticalTrees() throws {
        let repo = try farmRepository()
        let serial = build(repo, jobs: 1, into: "serial")
        let parallel = build(repo, jobs: 4, into: "parallel")
        #expect(serial.map(\.siteID) == parallel.map(\.siteID))
        #expect(serial.map(\.status) == parallel.map(\.status))
        #expect(serial.map(\.pages) == parallel.map(\.pages))
        #expect(serial.map(\.files) == parallel.map(\.files))
        #expect(serial.map { $0.diagnostics.map(\.formatted) } == parallel.map { $0.diagnostics.map(\.formatted) })
        #expect(serial.filter { $0.status == .built }.count == 7, "\(serial.map { "\($0.siteID) \($0.status)" })")
        // The build records (.sbcms/) name each tree's inode, which differs by nature.
        for folder in ["parallel", "serial"] { try? repo.remove(folder + "/.sbcms") }
        let differences = GoldenTree.compare(actual: repo.root + "/parallel", expected: repo.root + "/serial")
        #expect(differences.isEmpty, "\(differences.prefix(5).joined(separator: "\n"))")
        #expect(!repo.files(under: "serial").isEmpty)
    }

    @Test func resultsComeInSiteOrderAndAFailureStopsNoOtherSite() throws {
        let repo = try farmRepository()
        let recorder = FarmRecorder()
        var delivered: [String] = []
        let results = build(repo, jobs: 3, into: "output", observer: recorder) { delivered.append($0.siteID) }
        let ids = Workspace(root: repo.root).siteIDs()
        #expect(results.map(\.siteID) == ids)
        #expect(delivered == ids)
        #expect(recorder.started.sorted() == ids.sorted())
        #expect(recorder.finished.sorted() == ids.sorted())
        let broken = try #require(results.first { $0.siteID == "broken" })
        #expect(broken.status == .failed)
        #expect(errorPositions(broken) == ["invalid-date@sites/broken/blog/2026-01-01-bad.md:3:7"])
        #expect(!repo.exists("output/broken"))
        for result in results where result.siteID != "broken" {
            #expect(result.status == .built, "\(result.siteID): \(result.diagnostics.map(\.formatted))")
            #expect(repo.exists("output/\(result.siteID)/index.html"), "\(result.siteID)")
        }
    }

    @Test func eachSiteIsMeasured() throws {
        let repo = try farmRepository()
        let results = build(repo, jobs: 2, into: "output")
        for result in results {
            // Counted over the whole process (memory is one figure per process): tests running
            // beside this one may add their sites.
            #expect(result.concurrentSites >= 1, "\(result.siteID): \(result.concurrentSites)")
            #if os(Linux)
            #expect(result.peakMemoryBytes > 1_000_000, "\(result.siteID): \(result.peakMemoryBytes)")
            #endif
        }
    }

    @Test func moreJobsThanSitesAndNoSites() throws {
        let repo = try farmRepository()
        let workspace = Workspace(root: repo.root)
        let options = BuildOptions(now: fixedNow, outputDirectory: repo.root + "/output")
        let farm = BuildFarm(workspace: workspace, options: options, jobs: 64)
        #expect(farm.build(siteIDs: ["alpha"]).map(\.status) == [.built])
        #expect(farm.build(siteIDs: []).isEmpty)
        #expect(farm.build(siteIDs: ["beta", "alpha", "beta", "alpha"]).map(\.siteID) == ["beta", "alpha"])
        #expect(BuildFarm(workspace: workspace, options: options, jobs: 0).jobs == 1)
    }

    @Test func pageCounterCountsWrittenPages() throws {
        let repo = try farmRepository()
        let counter = PageCounter()
        var options = BuildOptions(now: fixedNow, outputDirectory: repo.root + "/output")
        options.pageCounter = counter
        let results = BuildFarm(workspace: Workspace(root: repo.root), options: options, jobs: 2)
            .build(siteIDs: ["alpha", "beta", "broken"])
        #expect(counter.value == results.map(\.pages).reduce(0, +))
        #expect(counter.value > 10)
    }
}

/// Records what a farm's observer hears, from any thread.
private final class FarmRecorder: BuildFarmObserver, @unchecked Sendable {
    private let lock = PosixLock()
    private var startedIDs: [String] = []
    private var finishedIDs: [String] = []

    var started: [String] { lock.withLock { startedIDs } }
    var finished: [String] { lock.withLock { finishedIDs } }

    func siteStarted(_ siteID: String) { lock.withLock { startedIDs.append(siteID) } }
    func siteFinished(_ result: SiteBuildResult) { lock.withLock { finishedIDs.append(result.siteID) } }
}
