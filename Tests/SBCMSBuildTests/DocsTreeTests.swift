import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// The documentation tree of `Tests/Fixtures/docs-site`: five levels, ordering edge cases, a
/// folder without index.md. Its doc pages use a plain-text layout override, so the golden
/// files show the sidebar, breadcrumbs and prev/next themselves, independent of the theme.
@Suite struct DocsTreeTests {
    static let fixture = FixtureRepository.projectRoot + "/Tests/Fixtures/docs-site"
    static let expected = FixtureRepository.projectRoot + "/Tests/Fixtures/docs-site-expected"
    static let fixedDate = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    private func buildManual() throws -> (FixtureRepository, SiteBuildResult) {
        let repo = try FixtureRepository()
        try repo.copySites(from: Self.fixture)
        try repo.setModificationDates(under: "sites/manual", to: Self.fixedDate)
        let result = try #require(buildSites(repo, ["manual"]).first)
        return (repo, result)
    }

    @Test func docsPagesAndHierarchyMatchTheRecordedFiles() throws {
        let (repo, result) = try buildManual()
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        for folder in ["docs", "api"] {
            let actual = repo.root + "/output/manual/" + folder
            let expected = Self.expected + "/" + folder
            if GoldenTree.isRecording {
                try GoldenTree.record(actual: actual, expected: expected)
                continue
            }
            let differences = GoldenTree.compare(actual: actual, expected: expected)
            #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        }
    }

    @Test func siblingsAreOrderedByOrderThenTitleWithoutCase() throws {
        let (repo, _) = try buildManual()
        let home = try repo.read("output/manual/docs/index.html")
        #expect(home.contains("children: Introduction Guide Alpha notes Reference Zeta notes"))
        let guide = try repo.read("output/manual/docs/guide/index.html")
        #expect(guide.contains("children: First step Second step apple Banana"))
    }

    @Test func folderWithoutIndexGetsAGeneratedPage() throws {
        let (repo, _) = try buildManual()
        let reference = try repo.read("output/manual/docs/reference/index.html")
        #expect(reference.contains("title: Reference"))
        #expect(reference.contains("generated: true"))
        #expect(reference.contains("children: API"))
    }

    @Test func readingOrderIsDepthFirst() throws {
        let (repo, _) = try buildManual()
        let json = try repo.read("output/manual/api/v1/docs/hierarchy.json")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        var order: [String] = []
        func walk(_ node: [String: Any]) {
            order.append(node["url"] as? String ?? "?")
            for child in node["children"] as? [[String: Any]] ?? [] { walk(child) }
        }
        walk(try #require(object?["data"] as? [String: Any]))
        #expect(order == [
            "/docs/", "/docs/intro/", "/docs/guide/", "/docs/guide/a/", "/docs/guide/b/",
            "/docs/guide/same-order-y/", "/docs/guide/same-order-x/", "/docs/alpha/", "/docs/reference/",
            "/docs/reference/api/", "/docs/reference/api/v1/", "/docs/reference/api/v1/endpoints/",
            "/docs/reference/api/v1/endpoints/users/", "/docs/zeta/",
        ])
        // prev/next follow the same order across folders.
        let users = try repo.read("output/manual/docs/reference/api/v1/endpoints/users/index.html")
        #expect(users.contains("previous: Endpoints </docs/reference/api/v1/endpoints/>"))
        #expect(users.contains("next: Zeta notes </docs/zeta/>"))
    }

    @Test func linkGraphAndBacklinks() throws {
        let (repo, _) = try buildManual()
        let json = try repo.read("output/manual/api/v1/graph.json")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let data = try #require(object?["data"] as? [String: Any])
        let edges = (data["edges"] as? [[String: String]] ?? []).map { "\($0["source"] ?? "") -> \($0["target"] ?? "")" }
        #expect(edges.contains("/blog/welcome/ -> /docs/guide/a/"))
        #expect(edges.contains("/docs/zeta/ -> /blog/welcome/"))
        #expect(edges.contains("/docs/intro/ -> /docs/reference/api/v1/endpoints/users/"))
        let nodes = data["nodes"] as? [[String: String]] ?? []
        #expect(nodes.contains { $0["url"] == "/blog/welcome/" && $0["kind"] == "post" && $0["title"] == "Welcome" })
        #expect((object?["meta"] as? [String: Any])?["site"] as? String == "manual")
        let welcome = try repo.read("output/manual/blog/welcome/index.html")
        #expect(welcome.contains("Zeta notes"), "the post lists the doc that links to it")
        let sitemap = try repo.read("output/manual/sitemap.xml")
        #expect(sitemap.contains("<loc>https://manual.example.com/docs/reference/</loc><lastmod>2026-01-01T00:00:00Z</lastmod>"))
    }
}
