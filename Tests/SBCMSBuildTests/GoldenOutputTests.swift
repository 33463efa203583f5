import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSSource
import SBCMSTestSupport
import Testing

/// The fixture site `Tests/Fixtures/golden` is built and compared file by file with the
/// recorded tree in `Tests/Fixtures/golden-expected`. Re-record with SBCMS_RECORD_GOLDEN=1.
@Suite struct GoldenOutputTests {
    static let fixture = FixtureRepository.projectRoot + "/Tests/Fixtures/golden"
    static let expected = FixtureRepository.projectRoot + "/Tests/Fixtures/golden-expected"

    private func buildGolden() throws -> (FixtureRepository, SiteBuildResult) {
        let repo = try FixtureRepository()
        try FileManager.default.copyItem(atPath: Self.fixture + "/sites", toPath: repo.root + "/sites")
        let result = try #require(buildSites(repo, ["golden"]).first)
        return (repo, result)
    }

    @Test func outputMatchesTheRecordedTree() throws {
        let (repo, result) = try buildGolden()
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        let actual = repo.root + "/output/golden"
        if GoldenTree.isRecording {
            try GoldenTree.record(actual: actual, expected: Self.expected)
            return
        }
        let differences = GoldenTree.compare(actual: actual, expected: Self.expected)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    @Test func buildIsDeterministic() throws {
        let (first, _) = try buildGolden()
        let (second, _) = try buildGolden()
        #expect(GoldenTree.compare(actual: first.root + "/output/golden", expected: second.root + "/output/golden").isEmpty)
    }

    @Test func outputTreeHasEveryBlogURL() throws {
        let (repo, _) = try buildGolden()
        let files = Set(repo.files(under: "output/golden"))
        for expected in [
            "index.html", "404.html", "blog/index.html", "blog/page/2/index.html",
            "blog/first-steps/index.html", "blog/second-post/index.html",
            "blog/third-without-date-prefix/index.html", "blog/archived/index.html",
            "blog/categories/index.html", "blog/categories/swift/index.html", "blog/categories/ops/index.html",
            "blog/tags/index.html", "blog/tags/linux/index.html", "blog/tags/toolchain/index.html",
            "rss.xml", "atom.xml", "feed.json", "sitemap.xml", "robots.txt", "media/diagram.png",
        ] {
            #expect(files.contains(expected), "missing \(expected)")
        }
        #expect(!files.contains("blog/draft/index.html"))
        #expect(!files.contains("blog/scheduled/index.html"))
        #expect(files.contains { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
    }

    @Test func postPageCarriesSEOAndContent() throws {
        let (repo, _) = try buildGolden()
        let html = try repo.read("output/golden/blog/second-post/index.html")
        #expect(html.contains("<html lang=\"en\""))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://golden.example.com/blog/second-post/\""))
        #expect(html.contains("The SEO description of the second post."))
        #expect(html.contains("og:type"))
        #expect(html.contains("\"@type\":\"BlogPosting\""))
        #expect(html.contains("<del>strikethrough</del>"))
        #expect(html.contains("href=\"https://example.com/auto\""))
        #expect(html.contains("href=\"/blog/first-steps/\""))
        #expect(!html.contains("alert(\"dropped\")"))
        #expect(html.contains("Second post: details &amp; &lt;escapes&gt;"))
        let first = try repo.read("output/golden/blog/first-steps/index.html")
        #expect(first.contains("id=\"install\""))
        #expect(first.contains("class=\"language-bash\""))
        #expect(first.contains("href=\"/blog/second-post/#details\""))
        #expect(first.contains("src=\"/media/diagram.png\""))
        #expect(first.contains("<table>"))
        #expect(first.contains("type=\"checkbox\""))
        let hidden = try repo.read("output/golden/blog/hidden/index.html")
        #expect(hidden.contains("noindex"))
    }

    @Test func feedsAndSitemapFollowTheRules() throws {
        let (repo, _) = try buildGolden()
        let rss = try repo.read("output/golden/rss.xml")
        #expect(rss.contains("<rss version=\"2.0\""))
        #expect(rss.components(separatedBy: "<item>").count - 1 == 4)
        #expect(!rss.contains("An archived post"))
        #expect(rss.contains("src=&quot;https://golden.example.com/media/diagram.png&quot;"))
        let atom = try repo.read("output/golden/atom.xml")
        #expect(atom.contains("<updated>2026-05-01T00:00:00Z</updated>"))
        let json = try repo.read("output/golden/feed.json")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["version"] as? String == "https://jsonfeed.org/version/1.1")
        let sitemap = try repo.read("output/golden/sitemap.xml")
        #expect(sitemap.contains("<loc>https://golden.example.com/blog/second-post/</loc><lastmod>2026-03-01T08:30:00Z</lastmod>"))
        #expect(!sitemap.contains("/blog/hidden/"))
        #expect(!sitemap.contains("404"))
        let robots = try repo.read("output/golden/robots.txt")
        #expect(robots.contains("Sitemap: https://golden.example.com/sitemap.xml"))
    }

    @Test func siteLayoutOverridesTheTheme() throws {
        let (repo, _) = try buildGolden()
        #expect(try repo.read("output/golden/404.html").contains("Lost in the golden fixture"))
    }

    @Test func draftsAndFutureFlagsBuildThosePosts() throws {
        let repo = try FixtureRepository()
        try FileManager.default.copyItem(atPath: Self.fixture + "/sites", toPath: repo.root + "/sites")
        let result = try #require(buildSites(repo, ["golden"], drafts: true, future: true).first)
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        #expect(repo.exists("output/golden/blog/draft/index.html"))
        #expect(repo.exists("output/golden/blog/scheduled/index.html"))
    }
}
