import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// Broken links of every kind, in docs and posts, reported at the link's own line and column.
@Suite struct DocsErrorTests {
    private func build(_ files: [String: String]) throws -> (FixtureRepository, SiteBuildResult) {
        let repo = try FixtureRepository()
        try repo.writeSite("site")
        for (path, text) in files { try repo.write("sites/site/" + path, text) }
        let result = try #require(buildSites(repo, ["site"]).first)
        return (repo, result)
    }

    @Test func everyKindOfBrokenLinkIsReportedAtItsPosition() throws {
        let body = """
            ## Start

            A [missing page](nope.md) and a [missing anchor](other.md#nowhere).
            An image that is not there: ![chart](../../media/chart.png)
            [Outside](../../../secrets.md) and [the post](../../blog/2026-01-01-p.md#missing-heading).
            [fine](other.md#real) and [self](#start) and [bad self](#stop).
            """
        let (repo, result) = try build([
            "docs/guide/page.md": post("title: Page", body: body),
            "docs/guide/other.md": post("title: Other", body: "## Real\n"),
            "blog/2026-01-01-p.md": post("title: P", body: "## Heading\n"),
        ])
        #expect(result.status == .failed)
        #expect(errorPositions(result) == [
            "broken-link@sites/site/docs/guide/page.md:6:3",
            "broken-anchor@sites/site/docs/guide/page.md:6:33",
            "missing-image@sites/site/docs/guide/page.md:7:29",
            "link-outside-site@sites/site/docs/guide/page.md:8:1",
            "broken-anchor@sites/site/docs/guide/page.md:8:36",
            "broken-anchor@sites/site/docs/guide/page.md:9:46",
        ])
        #expect(!repo.exists("output/site"))
    }

    @Test func fileDeeperThanFiveLevelsIsAnError() throws {
        let (_, result) = try build(["docs/a/b/c/d/e/too-deep.md": post("title: Deep")])
        #expect(errorPositions(result) == ["docs-too-deep@sites/site/docs/a/b/c/d/e/too-deep.md:1:1"])
        #expect(result.diagnostics.first?.message.contains("docs/a/b/c/d/e/too-deep.md") == true)
    }

    @Test func twoPagesWithOneURLAreAnError() throws {
        let (_, result) = try build([
            "docs/setup.md": post("title: Setup"),
            "docs/install.md": post("title: Install\nslug: setup"),
        ])
        #expect(errorPositions(result) == ["duplicate-url@sites/site/docs/setup.md:1:1"])
    }

    @Test func docFrontMatterIsChecked() throws {
        let (_, result) = try build(["docs/page.md": post("description: no title\norder: first")])
        #expect(errorPositions(result) == [
            "missing-key@sites/site/docs/page.md:2:1",
            "invalid-type@sites/site/docs/page.md:3:8",
        ])
    }

    @Test func siteWithDocsNeedsADocLayout() throws {
        let repo = try FixtureRepository()
        try repo.remove("themes/default/layouts/doc.mustache")
        try repo.writeSite("site")
        try repo.write("sites/site/docs/index.md", post("title: Home"))
        let result = try #require(buildSites(repo, ["site"]).first)
        #expect(result.diagnostics.map(\.code) == ["missing-layout"])
    }
}
