import Foundation
@testable import SBCMSBuild
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

    /// The keys of every entry in the cache, as a new process would find them.
    static func cacheEntries(_ repo: FixtureRepository) -> [String] {
        CacheMarkdownStore(cacheDirectory: repo.root + "/.sbcms-cache").keys.sorted()
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
        let reader = CacheMarkdownStore(cacheDirectory: repo.root + "/.sbcms-cache")
        for (index, key) in entries.enumerated() {
            let (packPath, offset, length) = try #require(reader.location(forKey: key))
            let handle = try #require(FileHandle(forUpdatingAtPath: packPath))
            try handle.seek(toOffset: UInt64(offset) + UInt64(index % 3 == 0 ? length / 2 : 0))
            switch index % 3 {
            case 0: try handle.write(contentsOf: Data(repeating: 0, count: length - length / 2))
            case 1: try handle.write(contentsOf: Data("garbage that is not an entry".utf8.prefix(length)))
            default: try handle.write(contentsOf: Data(repeating: 0xff, count: min(length, 3)))
            }
            try handle.close()
            #expect(CacheMarkdownStore(cacheDirectory: repo.root + "/.sbcms-cache").load(key: key) == nil)
        }
        try? repo.remove(".sbcms-cache/sites")
        let builder = Self.builder(repo)
        let result = builder.build(siteID: "golden")
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        let statistics = try #require(builder.markdownCache).statistics
        #expect(statistics.hits == 0 && statistics.stores == entries.count)
        // The bodies stored again win over the damaged entries.
        try? repo.remove(".sbcms-cache/sites")
        let again = Self.builder(repo)
        #expect(again.build(siteID: "golden").status == .built)
        let afterRepair = try #require(again.markdownCache).statistics
        #expect(afterRepair.hits == entries.count && afterRepair.stores == 0)
        _ = buildWithCache(repo, ["golden"], output: "cold", cache: nil)
        #expect(GoldenTree.compare(actual: repo.root + "/output/golden", expected: repo.root + "/cold/golden").isEmpty)
    }

    @Test func unchangedBodiesComeFromTheCache() throws {
        let repo = try FixtureRepository()
        try repo.copySites(from: GoldenOutputTests.fixture)
        #expect(Self.builder(repo).build(siteID: "golden").status == .built)
        let count = Self.cacheEntries(repo).count
        #expect(repo.files(under: ".sbcms-cache/markdown/packs").count == 2, "one pack and its index for the whole build")
        try? repo.remove(".sbcms-cache/sites")
        let builder = Self.builder(repo)
        #expect(builder.build(siteID: "golden").status == .built)
        let statistics = try #require(builder.markdownCache).statistics
        #expect(statistics.hits == count && statistics.stores == 0 && statistics.misses == 0)
        #expect(repo.files(under: ".sbcms-cache/markdown/packs").count == 2, "a build that stores nothing makes no pack")
    }
}
