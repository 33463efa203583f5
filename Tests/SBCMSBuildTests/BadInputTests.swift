import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSTestSupport
import Testing

/// Every kind of bad input gives an exact diagnostic and never a crash; a broken site fails
/// alone and keeps its previous output.
@Suite struct BadInputTests {
    private func buildOne(_ files: [String: String], binary: [String: [UInt8]] = [:]) throws -> SiteBuildResult {
        let repo = try FixtureRepository()
        try repo.writeSite("bad")
        for (path, text) in files { try repo.write("sites/bad/" + path, text) }
        for (path, bytes) in binary { try repo.write("sites/bad/" + path, Data(bytes)) }
        let result = try #require(buildSites(repo, ["bad"]).first)
        #expect(result.status == .failed)
        #expect(!repo.exists("output/bad"))
        return result
    }

    @Test func emptyFile() throws {
        let result = try buildOne(["blog/2026-01-01-empty.md": ""])
        #expect(errorPositions(result) == ["front-matter-missing@sites/bad/blog/2026-01-01-empty.md:1:1"])
    }

    @Test func binaryFileNamedMarkdown() throws {
        let result = try buildOne([:], binary: ["blog/2026-01-01-image.md": [0x89, 0x50, 0x4E, 0x47, 0, 0, 0x1A, 0xFF]])
        #expect(errorPositions(result) == ["binary-file@sites/bad/blog/2026-01-01-image.md:1:1"])
    }

    @Test func unclosedFrontMatter() throws {
        let result = try buildOne(["blog/2026-01-01-open.md": "---\ntitle: Open\n\nNo closing line.\n"])
        #expect(errorPositions(result) == ["front-matter-unclosed@sites/bad/blog/2026-01-01-open.md:1:1"])
    }

    @Test func frontMatterThatIsAList() throws {
        let result = try buildOne(["blog/2026-01-01-list.md": "---\n- title\n- date\n---\nBody\n"])
        #expect(errorPositions(result) == ["front-matter@sites/bad/blog/2026-01-01-list.md:2:1"])
    }

    @Test func yamlSyntaxErrorAtItsRealLine() throws {
        let result = try buildOne(["blog/2026-01-01-syntax.md": "---\ntitle: Fine\ntags: [swift, linux\nauthor: me\n---\nBody\n"])
        #expect(errorPositions(result) == ["yaml@sites/bad/blog/2026-01-01-syntax.md:4:7"])
    }

    @Test func wrongTypes() throws {
        let result = try buildOne(["blog/2026-01-01-types.md": post("title: [not, a, string]\ntags: { a: 1 }\nstatus: live")])
        #expect(errorPositions(result) == [
            "invalid-type@sites/bad/blog/2026-01-01-types.md:2:8",
            "invalid-type@sites/bad/blog/2026-01-01-types.md:3:7",
            "invalid-value@sites/bad/blog/2026-01-01-types.md:4:9",
        ])
    }

    @Test func invalidDates() throws {
        let result = try buildOne([
            "blog/2026-01-01-dates.md": post("title: Dates\npublished_at: 2026-02-30\nupdated: soon"),
            "blog/undated.md": post("title: No date"),
        ])
        #expect(errorPositions(result) == [
            "invalid-date@sites/bad/blog/2026-01-01-dates.md:3:15",
            "invalid-date@sites/bad/blog/2026-01-01-dates.md:4:10",
            "missing-key@sites/bad/blog/undated.md:2:1",
        ])
    }

    @Test func missingTitle() throws {
        let result = try buildOne(["blog/2026-01-01-untitled.md": post("tags: [a]")])
        #expect(errorPositions(result) == ["missing-key@sites/bad/blog/2026-01-01-untitled.md:2:1"])
        #expect(result.diagnostics.first?.hint == "add a line such as `title: My post`")
    }

    @Test func duplicateSlugs() throws {
        let result = try buildOne([
            "blog/2026-01-01-hello.md": post("title: One"),
            "blog/2026-02-01-other.md": post("title: Two\nslug: hello"),
        ])
        #expect(errorPositions(result) == ["duplicate-slug@sites/bad/blog/2026-02-01-other.md:1:1"])
        #expect(result.diagnostics.first?.message.contains("sites/bad/blog/2026-01-01-hello.md") == true)
    }

    @Test func layoutSyntaxErrorAtTheLayoutsLine() throws {
        let result = try buildOne([
            "blog/2026-01-01-hello.md": post("title: One"),
            "layouts/post.mustache": "<h1>{{page.title}}</h1>\n<ul>\n{{#post.tags}}<li>{{name}}</li>\n{{/post.categories}}\n</ul>\n",
        ])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["layout-syntax"])
        #expect(errors.first?.file == "sites/bad/layouts/post.mustache")
        #expect(errors.first?.line == 4)
    }

    @Test func missingLayout() throws {
        let repo = try FixtureRepository()
        try repo.remove("themes/default/layouts/taxonomy.mustache")
        try repo.writeSite("bad")
        try repo.write("sites/bad/blog/2026-01-01-hello.md", post("title: One"))
        let result = try #require(buildSites(repo, ["bad"]).first)
        #expect(result.status == .failed)
        #expect(result.diagnostics.map(\.code) == ["missing-layout"])
        #expect(result.diagnostics.first?.message.contains("taxonomy") == true)
    }

    @Test func missingPartial() throws {
        let result = try buildOne([
            "blog/2026-01-01-hello.md": post("title: One"),
            "layouts/404.mustache": "<p>Lost</p>\n  {{> partials/nowhere}}\n",
        ])
        #expect(errorPositions(result) == ["missing-partial@sites/bad/layouts/404.mustache:2:3"])
    }

    @Test func mediaPathsInFrontMatterResolveLikeLinksAndStayInTheSite() throws {
        let result = try buildOne([
            "media/cover.png": "png",
            "blog/2026-01-01-relative.md": post("title: Relative\nfeatured_image: ../media/cover.png"),
            "blog/2026-01-02-rooted.md": post("title: Rooted\nfeatured_image: /media/cover.png"),
            "blog/2026-01-03-escape.md": post("title: Escape\nfeatured_image: ../../other-site/media/x.png"),
            "blog/2026-01-04-outside-media.md": post("title: Outside\nfeatured_image: blog/2026-01-01-relative.md"),
            "blog/2026-01-05-url.md": post("title: URL\nfeatured_image: https://example.com/x.png"),
        ])
        #expect(errorPositions(result) == [
            "path-outside-site@sites/bad/blog/2026-01-03-escape.md:3:17",
            "invalid-media-path@sites/bad/blog/2026-01-04-outside-media.md:3:17",
            "invalid-media-path@sites/bad/blog/2026-01-05-url.md:3:17",
        ])
    }

    @Test func brokenLinksAndImages() throws {
        let body = """
            Intro paragraph with [a good link](2026-01-02-target.md).

            See [missing](nothing-here.md) and ![gone](../media/gone.png).
            Also [bad anchor](2026-01-02-target.md#nope) and [escape](../../../etc/passwd.md).
            """
        let result = try buildOne([
            "blog/2026-01-01-source.md": post("title: Source", body: body),
            "blog/2026-01-02-target.md": post("title: Target", body: "## Real heading\n\nText.\n"),
        ])
        #expect(errorPositions(result) == [
            "broken-link@sites/bad/blog/2026-01-01-source.md:6:5",
            "missing-image@sites/bad/blog/2026-01-01-source.md:6:36",
            "broken-anchor@sites/bad/blog/2026-01-01-source.md:7:6",
            "link-outside-site@sites/bad/blog/2026-01-01-source.md:7:50",
        ])
    }

    @Test func invalidSiteConfigFailsOnlyThatSite() throws {
        let repo = try FixtureRepository()
        try repo.write("sites/broken/site.yaml", "name: Broken\nbase_url: not-a-url\n")
        try repo.writeSite("good")
        try repo.write("sites/good/blog/2026-01-01-hello.md", post("title: Hello"))
        let results = buildSites(repo, ["broken", "good"])
        #expect(results.map(\.status) == [.failed, .built])
        #expect(errorPositions(results[0]) == ["invalid-value@sites/broken/site.yaml:2:11"])
        #expect(repo.exists("output/good/blog/hello/index.html"))
    }

    @Test func failedBuildKeepsThePreviousOutput() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("keep")
        try repo.write("sites/keep/blog/2026-01-01-hello.md", post("title: Hello"))
        #expect(buildSites(repo, ["keep"]).first?.status == .built)
        let before = try repo.read("output/keep/blog/hello/index.html")
        try repo.write("sites/keep/blog/2026-01-01-hello.md", post("title: Hello", body: "[x](missing.md)\n"))
        #expect(buildSites(repo, ["keep"]).first?.status == .failed)
        #expect(try repo.read("output/keep/blog/hello/index.html") == before)
        #expect(repo.files(under: "output").allSatisfy { !$0.hasPrefix(".staging") })
    }

    @Test func allProblemsOfASiteAreReportedInOneRun() throws {
        let result = try buildOne([
            "blog/2026-01-01-a.md": "",
            "blog/2026-01-02-b.md": post("title: B\ndate: nope"),
            "blog/2026-01-03-c.md": "---\ntitle: C\n",
        ])
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 3)
    }
}

extension BadInputTests {
    @Test func absurdlyWideTableIsRefusedQuickly() throws {
        let header = "|" + String(repeating: " c |", count: 3000) + "\n"
        let rule = "|" + String(repeating: "---|", count: 3000) + "\n"
        let rows = String(repeating: "| x |\n", count: 200)
        let result = try buildOne(["blog/2026-01-01-wide.md": post("title: Wide", body: "Intro.\n\n" + header + rule + rows)])
        #expect(errorPositions(result) == ["table-too-wide@sites/bad/blog/2026-01-01-wide.md:6:1"])
    }
}
