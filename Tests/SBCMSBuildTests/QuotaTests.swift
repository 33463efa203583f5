import Foundation
import SBCMSCore
import SBCMSRender
import SBCMSSource
import SBCMSTestSupport
import Testing
@testable import SBCMSBuild

/// Plans and quotas from `sbcms.yaml`: each limit breached gives an exact diagnostic with the
/// limit, its value and the site's figure; the site's previous output stays; other sites of
/// the same run are not affected.
@Suite struct QuotaTests {
    /// Sites `a` (free plan, three posts) and `b` (pro plan, one post).
    private func farm() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.writeSite("a")
        for day in 1...3 { try repo.write("sites/a/blog/2026-01-0\(day)-post-\(day).md", post("title: Post \(day)")) }
        try repo.write("sites/b/site.yaml", """
            name: B
            base_url: https://b.example.com/
            plan: pro
            """)
        try repo.write("sites/b/blog/2026-01-01-hello.md", post("title: Hello from B"))
        return repo
    }

    private func quota(_ result: SiteBuildResult) -> Diagnostic? {
        result.diagnostics.first { $0.code == "quota-exceeded" }
    }

    /// Every file of `output/<site>/` with its text, to compare the output before and after.
    private func tree(_ repo: FixtureRepository, _ site: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for file in repo.files(under: "output/" + site) {
            files[file] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: repo.root + "/output/\(site)/\(file)")),
                                 as: UTF8.self)
        }
        return files
    }

    private func stagingFolders(_ repo: FixtureRepository) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: repo.root + "/output")) ?? []).filter { $0.hasPrefix(".staging-") }
    }

    @Test func tooManyPagesFailsTheSiteAndKeepsItsPreviousOutput() throws {
        let repo = try farm()
        let first = try #require(buildSites(repo, ["a"]).first)
        #expect(first.status == .built)
        let before = try tree(repo, "a")
        try repo.write("sites/a/blog/2026-01-04-post-4.md", post("title: Post 4"))
        let pages = first.pages + 1
        try repo.write("sbcms.yaml", "plans:\n  free:\n    pages: \(first.pages)\n")
        let result = try #require(buildSites(repo, ["a"]).first)
        #expect(result.status == .failed)
        let diagnostic = try #require(quota(result))
        #expect(diagnostic.message == "site a has \(pages) pages; the free plan allows \(first.pages) (pages)")
        #expect(diagnostic.file == "sites/a" && diagnostic.site == "a" && diagnostic.severity == .error)
        #expect(diagnostic.hint == "make the site smaller, move it to a bigger plan (`plan:` in sites/a/site.yaml) or raise `pages` in sbcms.yaml")
        #expect(try tree(repo, "a") == before)
        #expect(!repo.exists("output/a/blog/post-4/index.html"))
        #expect(stagingFolders(repo).isEmpty)
    }

    @Test func oneSitesBreachDoesNotAffectAnotherSite() throws {
        let repo = try farm()
        try repo.write("sbcms.yaml", "plans:\n  free: { pages: 1 }\n")
        let results = buildSites(repo, ["a", "b"])
        #expect(results.map(\.status) == [.failed, .built])
        #expect(quota(results[0])?.message.hasSuffix("the free plan allows 1 (pages)") == true)
        #expect(results[1].diagnostics.isEmpty)
        #expect(!repo.exists("output/a"))
        #expect(try repo.read("output/b/index.html").contains("Hello from B"))
    }

    @Test func mediaBytesAreCheckedAfterLoading() throws {
        let repo = try farm()
        try repo.write("sites/a/media/photo.jpg", Data(repeating: 7, count: 1_500))
        try repo.write("sites/a/media/notes/big.bin", Data(repeating: 1, count: 1_000))
        try repo.write("sbcms.yaml", "plans:\n  free:\n    media_bytes: 2KB\n")
        let results = buildSites(repo, ["a", "b"])
        #expect(results.map(\.status) == [.failed, .built])
        let diagnostic = try #require(quota(results[0]))
        #expect(diagnostic.message
            == "site a has 2,500 bytes (2.5 kB) of media; the free plan allows 2,000 bytes (2 kB) (media_bytes)")
        #expect(diagnostic.file == "sites/a/media")
        // Loading stopped the build: no later stage ran.
        #expect(results[0].stageSeconds.map(\.stage) == ["load"])
    }

    @Test func copiedFilesAreCountedBeforeRendering() throws {
        let repo = try farm()
        try repo.write("sites/a/media/photo.jpg", Data(repeating: 7, count: 5_000))
        let assets = repo.files(under: "themes/default/assets").reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: repo.root + "/themes/default/assets/" + file)[.size] as? Int) ?? 0)
        }
        try repo.write("sbcms.yaml", "plans:\n  free:\n    output_bytes: 4000\n")
        let result = try #require(buildSites(repo, ["a"]).first)
        #expect(result.status == .failed)
        let copied = 5_000 + assets
        #expect(quota(result)?.message
            == "site a copies \(QuotaValue.describeBytes(copied)) of media and theme assets into its output; the free plan allows 4,000 bytes (4 kB) of output (output_bytes)")
        #expect(!repo.exists("output/a"))
    }

    @Test func outputBytesStopTheRenderAsSoonAsTheyAreOver() throws {
        let repo = try farm()
        let first = try #require(buildSites(repo, ["a"]).first)
        let before = try tree(repo, "a")
        let total = before.values.reduce(0) { $0 + $1.utf8.count }
        let assets = repo.files(under: "themes/default/assets").reduce(0) { sum, file in
            sum + ((try? FileManager.default.attributesOfItem(atPath: repo.root + "/themes/default/assets/" + file)[.size] as? Int) ?? 0)
        }
        #expect(first.status == .built && total > assets + 1)
        let limit = assets + 1
        try repo.write("sites/a/blog/2026-01-04-post-4.md", post("title: Post 4"))
        try repo.write("sbcms.yaml", "plans:\n  free:\n    output_bytes: \(limit)\n")
        let result = try #require(buildSites(repo, ["a"]).first)
        #expect(result.status == .failed)
        let message = try #require(quota(result)?.message)
        // The figure is what was written when the breach was seen (pages render in parallel).
        let pattern = #/^site a had [0-9,]+ bytes \([0-9.]+ [kMG]B\) of output when it was stopped; the free plan allows (.+) \(output_bytes\)$/#
        let match = try #require(message.wholeMatch(of: pattern))
        #expect(match.output.1 == QuotaValue.describeBytes(limit))
        #expect(try tree(repo, "a") == before)
        #expect(stagingFolders(repo).isEmpty)
    }

    @Test func buildSecondsAreADeadlineBetweenStages() throws {
        let repo = try farm()
        try repo.write("sbcms.yaml", "plans:\n  free:\n    build_seconds: 0\n")
        let results = buildSites(repo, ["a", "b"])
        #expect(results.map(\.status) == [.failed, .built])
        let message = try #require(quota(results[0])?.message)
        #expect(message.wholeMatch(of: #/site a was still building after [0-9.]+ s \(after loading\) and was stopped; the free plan allows 0 s \(build_seconds\)/#) != nil)
        #expect(!repo.exists("output/a"))
    }

    @Test func buildSecondsStopTheRenderLoop() throws {
        let repo = try farm()
        try repo.write("sbcms.yaml", "plans:\n  free:\n    build_seconds: 3.5\n")
        // A clock that reads 1, 2 and 3 seconds at the three stage checks, then 100.
        let ticks = TickCounter()
        var builder = SiteBuilder(workspace: Workspace(root: repo.root),
                                  options: BuildOptions(now: fixedNow, outputDirectory: repo.root + "/output"))
        builder.quotaElapsed = { _ in ticks.next() }
        let result = builder.build(siteID: "a")
        #expect(result.status == .failed)
        #expect(quota(result)?.message
            == "site a was still building after 100 s (while rendering) and was stopped; the free plan allows 3.5 s (build_seconds)")
        #expect(!repo.exists("output/a"))
        #expect(stagingFolders(repo).isEmpty)
    }

    @Test func outputBytesCountEveryFileUntilTheFirstOneOver() {
        var config = FarmConfig.defaults
        config.plans[.pro]?.outputBytes = 2_500
        let guardian = QuotaGuard(siteID: "shop", plan: .pro, config: config, elapsed: { 0 })
        #expect(guardian.admit(bytes: 1_000))   // e.g. a file kept from the previous build
        #expect(guardian.admit(OutputFile(path: "index.html", content: .text(String(repeating: "é", count: 500)))))
        #expect(!guardian.admit(bytes: 600))
        #expect(!guardian.mayRender())
        #expect(!guardian.admit(bytes: 1))
        #expect(guardian.breach?.message
            == "site shop had 2,600 bytes (2.6 kB) of output when it was stopped; the pro plan allows 2,500 bytes (2.5 kB) (output_bytes)")
    }

    @Test func aSitesOwnLimitsOverrideItsPlan() throws {
        let repo = try farm()
        try repo.write("sbcms.yaml", """
            plans:
              free: { pages: 1 }
            sites:
              a: { pages: 100000 }
              b: { pages: 2 }
            """)
        let results = buildSites(repo, ["a", "b"])
        #expect(results.map(\.status) == [.built, .failed])
        #expect(quota(results[1])?.message.hasSuffix("; sbcms.yaml (sites: b) allows 2 (pages)") == true)
    }

    @Test func aBrokenFarmConfigFailsEverySite() throws {
        let repo = try farm()
        try repo.write("sbcms.yaml", "plans:\n  gold: { pages: 10 }\n")
        let results = buildSites(repo, ["a", "b"])
        #expect(results.map(\.status) == [.failed, .failed])
        for (result, site) in zip(results, ["a", "b"]) {
            #expect(errorPositions(result) == ["unknown-plan@sbcms.yaml:2:3"])
            #expect(result.diagnostics.first?.site == site)
        }
        #expect(!repo.exists("output/a") && !repo.exists("output/b"))
    }

    @Test func farmConfigWarningsDoNotStopABuild() throws {
        let repo = try farm()
        try repo.write("sbcms.yaml", "plans:\n  free: { pages: 100 }\nretries: 3\n")
        let result = try #require(buildSites(repo, ["a"]).first)
        #expect(result.status == .built)
        #expect(result.diagnostics.map { "\($0.code)@\($0.file ?? ""):\($0.line):\($0.column)" } == ["unknown-key@sbcms.yaml:3:1"])
    }
}

/// A thread-safe fake clock: 1, 2, 3, then 100 for every later reading.
private final class TickCounter: @unchecked Sendable {
    private let lock = PosixLock()
    private var count = 0

    func next() -> Double {
        lock.withLock {
            count += 1
            return count <= 3 ? Double(count) : 100
        }
    }
}
