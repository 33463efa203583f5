import Foundation
import SBCMSBuild
import SBCMSContent
import SBCMSCore
import SBCMSMarkdown
import SBCMSSource
import SBCMSTestSupport
import Testing

/// The Markdown render cache is shared by every site, re-renders a body whose links now resolve
/// differently, and treats damaged entries as misses.
@Suite struct MarkdownCacheTests {
    static func builder(_ repo: FixtureRepository) -> SiteBuilder {
        var options = BuildOptions(now: fixedNow, outputDirectory: repo.root + "/output")
        options.cacheDirectory = repo.root + "/.sbcms-cache"
        return SiteBuilder(workspace: Workspace(root: repo.root), options: options)
    }

    static func cacheEntries(_ repo: FixtureRepository) -> [String] {
        repo.files(under: ".sbcms-cache/markdown")
    }

    @Test func sitesShareRenderedBodies() throws {
        let repo = try FixtureRepository()
        let body = "A body both sites publish, with **bold** text.\n\n## A heading\n\nMore.\n"
        for id in ["alpha", "beta"] {
            try repo.writeSite(id)
            try repo.write("sites/\(id)/blog/2026-01-01-shared.md", post("title: Shared in \(id)", body: body))
        }
        try repo.write("sites/alpha/blog/2026-01-02-own.md", post("title: Only alpha", body: "Alpha's own text.\n"))
        let builder = Self.builder(repo)
        #expect(builder.build(siteID: "alpha").status == .built)
        let afterAlpha = try #require(builder.markdownCache).statistics
        #expect(afterAlpha.hits == 0 && afterAlpha.stores == 2)
        #expect(builder.build(siteID: "beta").status == .built)
        let afterBeta = try #require(builder.markdownCache).statistics
        #expect(afterBeta.hits == 1 && afterBeta.stores == 2)
        #expect(Self.cacheEntries(repo).count == 2)
        #expect(try repo.read("output/beta/blog/shared/index.html").contains("<strong>bold</strong>"))
    }

    @Test func bodyWhoseLinkTargetMovedIsRenderedAgain() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("blog")
        try repo.write("sites/blog/blog/2026-01-01-target.md", post("title: Target", body: "The target.\n"))
        try repo.write("sites/blog/blog/2026-01-02-source.md",
                       post("title: Source", body: "See [the target](2026-01-01-target.md).\n"))
        #expect(Self.builder(repo).build(siteID: "blog").status == .built)
        #expect(try repo.read("output/blog/blog/source/index.html").contains("href=\"/blog/target/\""))

        try repo.write("sites/blog/blog/2026-01-01-target.md", post("title: Target\nslug: moved", body: "The target.\n"))
        let builder = Self.builder(repo)
        #expect(builder.build(siteID: "blog").status == .built)
        let statistics = try #require(builder.markdownCache).statistics
        #expect(statistics.hits == 2)
        #expect(statistics.stores == 1, "only the body whose link now resolves elsewhere is rendered again")
        let html = try repo.read("output/blog/blog/source/index.html")
        #expect(html.contains("href=\"/blog/moved/\""))
        #expect(!html.contains("href=\"/blog/target/\""))
    }

    @Test func damagedEntriesAreMisses() throws {
        let repo = try FixtureRepository()
        try repo.copySites(from: GoldenOutputTests.fixture)
        #expect(Self.builder(repo).build(siteID: "golden").status == .built)
        let entries = Self.cacheEntries(repo)
        #expect(entries.count >= 4)
        for (index, entry) in entries.enumerated() {
            let path = repo.root + "/.sbcms-cache/markdown/" + entry
            let bytes = try FileSystem.readBytes(path)
            switch index % 3 {
            case 0: try FileSystem.write(bytes.prefix(bytes.count / 2), to: path)
            case 1: try FileSystem.write(Array("garbage that is not an entry".utf8), to: path)
            default: try FileSystem.write([UInt8](), to: path)
            }
            #expect(CacheMarkdownStore(cacheDirectory: repo.root + "/.sbcms-cache").load(key: String(entry.split(separator: "/").last!)) == nil)
        }
        try? repo.remove(".sbcms-cache/sites")
        let builder = Self.builder(repo)
        let result = builder.build(siteID: "golden")
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        let statistics = try #require(builder.markdownCache).statistics
        #expect(statistics.hits == 0 && statistics.stores == entries.count)
        _ = buildWithCache(repo, ["golden"], output: "cold", cache: nil)
        #expect(GoldenTree.compare(actual: repo.root + "/output/golden", expected: repo.root + "/cold/golden").isEmpty)
    }

    @Test func unchangedBodiesComeFromTheCache() throws {
        let repo = try FixtureRepository()
        try repo.copySites(from: GoldenOutputTests.fixture)
        #expect(Self.builder(repo).build(siteID: "golden").status == .built)
        let count = Self.cacheEntries(repo).count
        try? repo.remove(".sbcms-cache/sites")
        let builder = Self.builder(repo)
        #expect(builder.build(siteID: "golden").status == .built)
        let statistics = try #require(builder.markdownCache).statistics
        #expect(statistics.hits == count && statistics.stores == 0 && statistics.misses == 0)
    }
}

/// The Markdown cache does not grow without end: entries unused for 30 days are removed, at
/// most once a day.
@Suite struct MarkdownCachePruningTests {
    static let day: Int64 = 24 * 3600 * 1_000_000_000

    @Test func entriesUnusedForThirtyDaysArePrunedAndUsedOnesStay() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let store = CacheMarkdownStore(cacheDirectory: repo.root + "/cache")
        let document = MarkdownRenderer().render("Hello *world*.")
        store.store(CachedMarkdown(document: document, links: []), key: "aa11")
        store.store(CachedMarkdown(document: document, links: []), key: "bb22")
        let now = FileSystem.Identity.wallClockNanoseconds()
        FileSystem.touch(store.path(forKey: "aa11"), nanoseconds: now - 40 * Self.day)
        FileSystem.touch(store.path(forKey: "bb22"), nanoseconds: now - 40 * Self.day)
        // Using an entry makes it young again.
        #expect(store.load(key: "bb22") != nil)
        #expect(store.pruneIfDue(nowNanoseconds: now) == 1)
        #expect(!FileSystem.exists(store.path(forKey: "aa11")))
        #expect(store.load(key: "bb22")?.document.html == document.html)
    }

    @Test func pruningRunsAtMostOnceADay() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let store = CacheMarkdownStore(cacheDirectory: repo.root + "/cache")
        store.store(CachedMarkdown(document: MarkdownRenderer().render("x"), links: []), key: "cc33")
        let now = FileSystem.Identity.wallClockNanoseconds()
        #expect(store.pruneIfDue(nowNanoseconds: now) == 0)
        FileSystem.touch(store.path(forKey: "cc33"), nanoseconds: now - 40 * Self.day)
        #expect(store.pruneIfDue(nowNanoseconds: now + Self.day / 2) == 0, "pruned less than a day ago")
        #expect(store.pruneIfDue(nowNanoseconds: now + 2 * Self.day) == 1)
    }
}
