import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// The portfolio of `Tests/Fixtures/portfolio-site`: projects in every status, a featured one,
/// one without completion date, `Swift` and `swift` as one technology, a gallery of plain
/// paths and `{ src, alt, caption }` maps, links between projects, posts and docs. Its
/// portfolio layouts are plain-text overrides, so the golden files show structure, not CSS.
@Suite struct PortfolioTests {
    static let fixture = FixtureRepository.projectRoot + "/Tests/Fixtures/portfolio-site"
    static let expected = FixtureRepository.projectRoot + "/Tests/Fixtures/portfolio-site-expected"

    private func buildWorks(overrides: Bool = true) throws -> (FixtureRepository, SiteBuildResult) {
        let repo = try FixtureRepository()
        try repo.copySites(from: Self.fixture)
        if !overrides { try repo.remove("sites/works/layouts") }
        // Outside git, docs take their dates from file times: fix them so builds compare equal.
        try repo.setModificationDates(under: "sites/works", to: DocsTreeTests.fixedDate)
        let result = try #require(buildSites(repo, ["works"]).first)
        return (repo, result)
    }

    /// The files of the section: every page under portfolio/ and its API files.
    private static let goldenPaths = ["portfolio", "api/v1/projects", "api/v1/projects.json", "api/v1/technologies.json"]

    @Test func portfolioPagesAndAPIMatchTheRecordedFiles() throws {
        let (repo, result) = try buildWorks()
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        // Gather the section's files into one folder and compare it with the recorded one.
        let selection = repo.root + "/selection"
        for path in Self.goldenPaths {
            let target = selection + "/" + path
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: repo.root + "/output/works/" + path, toPath: target)
        }
        if GoldenTree.isRecording {
            try GoldenTree.record(actual: selection, expected: Self.expected)
            return
        }
        let differences = GoldenTree.compare(actual: selection, expected: Self.expected)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    @Test func projectsAreFeaturedFirstThenNewestCompletionThenUndatedByTitle() throws {
        let (repo, _) = try buildWorks()
        let list = try repo.read("output/works/portfolio/index.html")
        let titles = list.split(separator: "\n").filter { $0.hasPrefix("- ") }.map { $0.dropFirst(2).prefix { $0 != "<" } }
        #expect(titles.map { $0.trimmingCharacters(in: .whitespaces) } == [
            "Tide Tables", "Buoy Logger", "anchor watch", "Harbour Planner", "Sea Charts",
        ])
        let json = try JSONSerialization.jsonObject(with: Data(try repo.read("output/works/api/v1/projects.json").utf8)) as? [String: Any]
        let slugs = (json?["data"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
        #expect(slugs == ["tide-tables", "buoy-logger"], "page 1 of 3 (api_per_page: 2)")
    }

    @Test func technologiesGroupWithoutCase() throws {
        let (repo, _) = try buildWorks()
        let swift = try repo.read("output/works/portfolio/technologies/swift/index.html")
        #expect(swift.contains("technology: Swift (2)"))
        #expect(swift.contains("- Tide Tables </portfolio/tide-tables/>\n- Buoy Logger </portfolio/buoy-logger/>"))
        #expect(!repo.exists("output/works/portfolio/technologies/swift-2"))
        let overview = try repo.read("output/works/portfolio/technologies/index.html")
        #expect(overview.contains("- Swift (2) </portfolio/technologies/swift/>"))
        let buoy = try repo.read("output/works/portfolio/buoy-logger/index.html")
        #expect(buoy.contains("technologies: Swift </portfolio/technologies/swift/> Rust </portfolio/technologies/rust/>"),
                "a project written `swift` links to the one term, named as first written")
        let terms = try JSONSerialization.jsonObject(with: Data(try repo.read("output/works/api/v1/technologies.json").utf8)) as? [String: Any]
        let counts = (terms?["data"] as? [[String: Any]] ?? []).map { "\($0["slug"] ?? ""):\($0["count"] ?? "")" }
        #expect(counts == ["kotlin:1", "rust:2", "sqlite:2", "swift:2", "typescript:1"])
    }

    @Test func plusAndSharpKeepLanguagesApart() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("langs")
        try repo.write("sites/langs/portfolio/engine.md", "---\ntitle: Engine\ntechnologies: [C, C++, \"C#\", F#]\n---\nBody.\n")
        let result = try #require(buildSites(repo, ["langs"]).first)
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        for slug in ["c", "c-plus-plus", "c-sharp", "f-sharp"] {
            #expect(repo.exists("output/langs/portfolio/technologies/\(slug)/index.html"), "\(slug)")
        }
    }

    @Test func projectPageHasGalleryLinksBacklinksAndJSONLD() throws {
        let (repo, _) = try buildWorks()
        let page = try repo.read("output/works/portfolio/tide-tables/index.html")
        #expect(page.contains("- /media/shots/tide-chart.png alt=\"Tide chart\""), "alt made from the file name")
        #expect(page.contains("- /media/shots/harbour_map-v2.png alt=\"Map of the harbour with tide gauges\" caption=\"The gauges we read\""))
        #expect(page.contains("linked from: Launch notes (post)"))
        #expect(page.contains("<a href=\"/blog/launch/\">launch notes</a>"), "a link to a post resolves")
        #expect(page.contains("\"@type\":\"CreativeWork\""))
        #expect(page.contains("\"dateCreated\":\"2025-01-10\",\"datePublished\":\"2025-06-30\""))
        #expect(page.contains("\"sameAs\":[\"https://github.com/robin/tide-tables\",\"https://tides.example.com/\"]"))
        #expect(page.contains("\"author\":{\"@type\":\"Person\",\"name\":\"Robin Vale\"}"))
        let planner = try repo.read("output/works/portfolio/planner/index.html")
        #expect(planner.contains("linked from: Handbook (doc)"), "slug: planner, linked from a doc")
        let post = try repo.read("output/works/blog/launch/index.html")
        #expect(post.contains("href=\"/portfolio/tide-tables/#how-it-works\""), "a post links to a project's heading")
        #expect(post.contains("<li><a href=\"/portfolio/tide-tables/\">Tide Tables</a> <span class=\"backlink-kind\">project</span></li>"),
                "the post lists the project that links to it")
    }

    @Test func realThemesRenderTheSection() throws {
        for theme in ["default", "minimal"] {
            let repo = try FixtureRepository()
            try repo.copySites(from: Self.fixture)
            try repo.remove("sites/works/layouts")
            let config = try repo.read("sites/works/site.yaml").replacingOccurrences(of: "theme: default", with: "theme: \(theme)")
            try repo.write("sites/works/site.yaml", config)
            let result = try #require(buildSites(repo, ["works"]).first)
            #expect(result.status == .built, "\(theme): \(result.diagnostics.map(\.formatted))")
            let page = try repo.read("output/works/portfolio/tide-tables/index.html")
            #expect(page.contains("<a href=\"/portfolio/\" aria-current=\"page\">Portfolio</a>"), "\(theme): nav")
            #expect(page.contains("href=\"https://github.com/robin/tide-tables\" rel=\"noopener\""), "\(theme)")
            #expect(page.contains("href=\"https://tides.example.com/\" rel=\"noopener\""), "\(theme)")
            #expect(page.contains("<img src=\"/media/shots/tide-chart.png\" alt=\"Tide chart\" loading=\"lazy\">"), "\(theme)")
            #expect(page.contains("<figcaption>The gauges we read</figcaption>"), "\(theme)")
            #expect(page.contains("<a href=\"/portfolio/technologies/swift/\">Swift</a>")
                    || page.contains("<a class=\"tag\" href=\"/portfolio/technologies/swift/\">Swift</a>"), "\(theme)")
            #expect(page.contains("<h2 id=\"how-it-works\">"), "\(theme): body with headings")
            #expect(page.contains("href=\"#how-it-works\""), "\(theme): table of contents")
            #expect(page.contains("Launch notes"), "\(theme): backlinks")
            #expect(page.contains("<time datetime=\"2025-06-30\">June 30, 2025</time>"), "\(theme)")
            let list = try repo.read("output/works/portfolio/index.html")
            #expect(list.contains("Tide Tables") && list.contains("Sea Charts"), "\(theme)")
            let technology = try repo.read("output/works/portfolio/technologies/swift/index.html")
            #expect(technology.contains("Buoy Logger"), "\(theme)")
            let overview = try repo.read("output/works/portfolio/technologies/index.html")
            #expect(overview.contains("/portfolio/technologies/typescript/"), "\(theme)")
        }
    }

    @Test func sitemapNavAndAPIIndexIncludeTheSection() throws {
        let (repo, _) = try buildWorks()
        let sitemap = try repo.read("output/works/sitemap.xml")
        #expect(sitemap.contains("<loc>https://works.example.com/portfolio/</loc><lastmod>2026-01-05T00:00:00Z</lastmod>"))
        #expect(sitemap.contains("<loc>https://works.example.com/portfolio/tide-tables/</loc><lastmod>2025-06-30T00:00:00Z</lastmod>"))
        #expect(sitemap.contains("<loc>https://works.example.com/portfolio/sea-charts/</loc></url>"))
        #expect(sitemap.contains("<loc>https://works.example.com/portfolio/technologies/</loc>"))
        #expect(sitemap.contains("<loc>https://works.example.com/portfolio/technologies/swift/</loc><lastmod>2025-11-15T00:00:00Z</lastmod>"))
        let home = try repo.read("output/works/index.html")
        #expect(home.contains("href=\"/portfolio/\""), "nav has Portfolio")
        let index = try repo.read("output/works/api/v1/index.json")
        #expect(index.contains("\"projects\": \"https://works.example.com/api/v1/projects.json\""))
        #expect(index.contains("\"technologies\": \"https://works.example.com/api/v1/technologies.json\""))
        let graph = try repo.read("output/works/api/v1/graph.json")
        #expect(graph.contains("\"kind\": \"project\""))
    }

    @Test func everyAPIFileHasTheDataMetaLinksShape() throws {
        let (repo, _) = try buildWorks()
        let files = ["api/v1/projects.json", "api/v1/technologies.json"]
            + repo.files(under: "output/works/api/v1/projects").map { "api/v1/projects/" + $0 }
        #expect(files.count == 2 + 2 + 5, "\(files)")
        for file in files {
            let object = try JSONSerialization.jsonObject(with: Data(try repo.read("output/works/" + file).utf8)) as? [String: Any]
            #expect(object?.keys.sorted() == ["data", "links", "meta"], "\(file)")
            #expect((object?["meta"] as? [String: Any])?["site"] as? String == "works", "\(file)")
            let selfURL = (object?["links"] as? [String: Any])?["self"] as? String
            #expect(selfURL == "https://works.example.com/" + file, "\(file)")
        }
        let project = try JSONSerialization.jsonObject(with: Data(try repo.read("output/works/api/v1/projects/tide-tables.json").utf8)) as? [String: Any]
        let data = try #require(project?["data"] as? [String: Any])
        #expect((data["content_html"] as? String)?.contains("<h2 id=\"how-it-works\">") == true)
        #expect((data["images"] as? [[String: Any]])?.count == 2)
        #expect((data["backlinks"] as? [[String: Any]])?.first?["url"] as? String == "/blog/launch/")
        #expect(data["featured_image"] as? String == "/media/cover.png")
        #expect((data["params"] as? [String: Any])?["client"] as? String == "Harbour Board")
        let page2 = try JSONSerialization.jsonObject(with: Data(try repo.read("output/works/api/v1/projects/page/2.json").utf8)) as? [String: Any]
        let links = page2?["links"] as? [String: Any]
        #expect(links?["prev"] as? String == "https://works.example.com/api/v1/projects.json")
        #expect(links?["next"] as? String == "https://works.example.com/api/v1/projects/page/3.json")
    }

    @Test func buildIsDeterministic() throws {
        let (first, _) = try buildWorks(overrides: false)
        let (second, _) = try buildWorks(overrides: false)
        #expect(GoldenTree.compare(actual: first.root + "/output/works", expected: second.root + "/output/works").isEmpty)
    }
}
