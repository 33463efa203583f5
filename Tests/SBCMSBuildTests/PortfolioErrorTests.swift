import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// Invalid projects, each reported at the offending key or value with its exact position.
/// In `post(...)` files the front matter starts on line 2.
@Suite struct PortfolioErrorTests {
    private func build(_ files: [String: String], media: [String] = []) throws -> (FixtureRepository, SiteBuildResult) {
        let repo = try FixtureRepository()
        try repo.writeSite("site")
        for (path, text) in files { try repo.write("sites/site/" + path, text) }
        for path in media { try repo.write("sites/site/" + path, Data([0x89, 0x50, 0x4E, 0x47])) }
        let result = try #require(buildSites(repo, ["site"]).first)
        return (repo, result)
    }

    private func warningPositions(_ result: SiteBuildResult) -> [String] {
        result.diagnostics.filter { $0.severity == .warning }.map { "\($0.code)@\($0.file ?? "-"):\($0.line):\($0.column)" }
    }

    @Test func missingTitle() throws {
        let (repo, result) = try build(["portfolio/p.md": post("status: completed")])
        #expect(result.status == .failed)
        #expect(errorPositions(result) == ["missing-key@sites/site/portfolio/p.md:2:1"])
        #expect(!repo.exists("output/site"))
    }

    @Test func wrongTypes() throws {
        let (_, result) = try build(["portfolio/p.md": post("""
            title: P
            description: [a, b]
            technologies: { swift: 6 }
            featured: maybe
            start_date: [2025]
            """)])
        #expect(errorPositions(result) == [
            "invalid-type@sites/site/portfolio/p.md:3:14",
            "invalid-type@sites/site/portfolio/p.md:4:15",
            "invalid-type@sites/site/portfolio/p.md:5:11",
            "invalid-type@sites/site/portfolio/p.md:6:13",
        ])
    }

    @Test func technologyItemsMustBeNamesWithLetters() throws {
        let (_, result) = try build(["portfolio/p.md": post("title: P\ntechnologies: [Swift, 3, [x], \"--\"]")])
        #expect(errorPositions(result) == [
            "invalid-type@sites/site/portfolio/p.md:3:26",
            "invalid-value@sites/site/portfolio/p.md:3:31",
        ])
    }

    @Test func unknownStatus() throws {
        let (_, result) = try build(["portfolio/p.md": post("title: P\nstatus: shipped")])
        #expect(errorPositions(result) == ["invalid-value@sites/site/portfolio/p.md:3:9"])
        #expect(result.diagnostics.first?.message.contains("planning, development, completed") == true)
    }

    @Test func invalidDates() throws {
        let (_, result) = try build(["portfolio/p.md": post("title: P\nstart_date: 2025-13-01\ncompletion_date: someday")])
        #expect(errorPositions(result) == [
            "invalid-date@sites/site/portfolio/p.md:3:13",
            "invalid-date@sites/site/portfolio/p.md:4:18",
        ])
    }

    @Test func completionBeforeStart() throws {
        let (_, result) = try build(["portfolio/p.md": post("title: P\nstart_date: 2025-06-01\ncompletion_date: 2025-05-31")])
        #expect(errorPositions(result) == ["completion-before-start@sites/site/portfolio/p.md:4:18"])
    }

    @Test func completionDateOnAPlanningProjectIsAWarning() throws {
        let (_, result) = try build(["portfolio/p.md": post("title: P\nstatus: planning\ncompletion_date: 2025-05-31")])
        #expect(result.status == .built)
        #expect(errorPositions(result).isEmpty)
        #expect(warningPositions(result) == ["completion-date-while-planning@sites/site/portfolio/p.md:4:18"])
    }

    @Test func completedWithoutCompletionDateIsFine() throws {
        let (_, result) = try build(["portfolio/p.md": post("title: P\nstatus: completed")])
        #expect(result.status == .built)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
    }

    @Test func linksMustBeAbsoluteHTTP() throws {
        let (_, result) = try build(["portfolio/p.md": post("""
            title: P
            github_url: github.com/me/p
            demo_url: ftp://demo.example.com/
            """)])
        #expect(errorPositions(result) == [
            "invalid-url@sites/site/portfolio/p.md:3:13",
            "invalid-url@sites/site/portfolio/p.md:4:11",
        ])
        let (_, relative) = try build(["portfolio/p.md": post("title: P\ndemo_url: /demo/\ngithub_url: \"https:// x\"")])
        #expect(errorPositions(relative) == [
            "invalid-url@sites/site/portfolio/p.md:3:11",
            "invalid-url@sites/site/portfolio/p.md:4:13",
        ])
    }

    @Test func imagesMustBeExistingFilesUnderMedia() throws {
        let (_, result) = try build(["portfolio/p.md": post("""
            title: P
            images:
              - media/ok.png
              - media/missing.png
              - blog/photo.png
              - ../../secret.png
              - { alt: No source }
              - { src: media/gone.png, alt: Gone }
              - 42
              - ""
            featured_image: https://cdn.example.com/x.png
            """)], media: ["media/ok.png"])
        #expect(errorPositions(result) == [
            "missing-image@sites/site/portfolio/p.md:5:5",
            "invalid-media-path@sites/site/portfolio/p.md:6:5",
            "path-outside-site@sites/site/portfolio/p.md:7:5",
            "missing-key@sites/site/portfolio/p.md:8:5",
            "missing-image@sites/site/portfolio/p.md:9:12",
            "invalid-type@sites/site/portfolio/p.md:10:5",
            "invalid-media-path@sites/site/portfolio/p.md:11:5",
            "invalid-media-path@sites/site/portfolio/p.md:12:17",
        ])
    }

    @Test func unknownKeyInAnImageEntryIsAWarning() throws {
        let (repo, result) = try build(["portfolio/p.md": post("""
            title: P
            images:
              - { src: media/a.png, title: Board }
            """)], media: ["media/a.png"])
        #expect(result.status == .built)
        #expect(warningPositions(result) == ["unknown-key@sites/site/portfolio/p.md:4:25"])
        #expect(try repo.read("output/site/api/v1/projects/p.json").contains("\"alt\": \"A\""))
    }

    @Test func featuredImageOutsideTheSite() throws {
        let (_, result) = try build(["portfolio/p.md": post("title: P\nfeatured_image: /media/../../etc/passwd")])
        #expect(errorPositions(result) == ["path-outside-site@sites/site/portfolio/p.md:3:17"])
    }

    @Test func imagesMayBeRelativeToTheProjectFile() throws {
        let (repo, result) = try build(["portfolio/p.md": post("title: P\nimages: ../media/shot.png\nfeatured_image: /media/shot.png")],
                                       media: ["media/shot.png"])
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        #expect(try repo.read("output/site/portfolio/p/index.html").contains("alt=\"Shot\""))
    }

    @Test func duplicateSlugs() throws {
        let (_, result) = try build([
            "portfolio/alpha.md": post("title: Alpha"),
            "portfolio/beta.md": post("title: Beta\nslug: alpha"),
            "portfolio/gamma.md": post("title: Gamma\nslug: beta"),
        ])
        #expect(errorPositions(result) == ["duplicate-slug@sites/site/portfolio/beta.md:3:7"])
        let (_, byFileName) = try build([
            "portfolio/alpha.md": post("title: A\nslug: omega"),
            "portfolio/omega.md": post("title: Omega"),
        ])
        #expect(errorPositions(byFileName) == ["duplicate-slug@sites/site/portfolio/omega.md:1:1"])
    }

    @Test func invalidAndReservedSlugs() throws {
        let (_, result) = try build([
            "portfolio/a.md": post("title: A\nslug: Not A Slug"),
            "portfolio/b.md": post("title: B\nslug: technologies"),
            "portfolio/Big Project.md": post("title: C"),
        ])
        #expect(errorPositions(result) == [
            "invalid-slug@sites/site/portfolio/Big Project.md:1:1",
            "invalid-slug@sites/site/portfolio/a.md:3:7",
            "invalid-slug@sites/site/portfolio/b.md:3:7",
        ])
    }

    @Test func brokenLinkInABodyIsReportedAtItsPosition() throws {
        let (_, result) = try build([
            "portfolio/p.md": post("title: P", body: "Intro.\n\nSee [the post](../blog/2026-01-01-x.md#nowhere) and [gone](../docs/gone.md).\n"),
            "blog/2026-01-01-x.md": post("title: X", body: "## Real\n"),
        ])
        #expect(errorPositions(result) == [
            "broken-anchor@sites/site/portfolio/p.md:6:5",
            "broken-link@sites/site/portfolio/p.md:6:53",
        ])
    }

    @Test func unknownKeysArePassedToLayouts() throws {
        let (repo, result) = try build(["portfolio/p.md": post("title: P\nclient: Harbour Board")])
        #expect(result.diagnostics.isEmpty)
        let json = try repo.read("output/site/api/v1/projects/p.json")
        #expect(json.contains("\"client\": \"Harbour Board\""))
    }

    @Test func siteWithProjectsNeedsTheLayouts() throws {
        let repo = try FixtureRepository()
        try repo.remove("themes/default/layouts/project.mustache")
        try repo.writeSite("site")
        try repo.write("sites/site/portfolio/p.md", post("title: P"))
        let result = try #require(buildSites(repo, ["site"]).first)
        #expect(result.diagnostics.map(\.code) == ["missing-layout"])
        #expect(result.diagnostics.first?.message.contains("project") == true)
    }
}
