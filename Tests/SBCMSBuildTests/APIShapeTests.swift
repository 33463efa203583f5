import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSSource
import SBCMSTestSupport
import Testing

/// The static JSON API: every file under `/api/v1/` has the `{data, meta, links}` shape, lists
/// are paginated consistently, and the blog's collections hold what the pages show.
@Suite struct APIShapeTests {
    /// Builds the repository's own demo sites (sites/ and templates/) at the current time.
    private func buildDemoSites() throws -> (FixtureRepository, [SiteBuildResult]) {
        let repo = try FixtureRepository()
        try FileManager.default.copyItem(atPath: FixtureRepository.projectRoot + "/sites", toPath: repo.root + "/sites")
        let templates = FixtureRepository.projectRoot + "/templates"
        if FileManager.default.fileExists(atPath: templates) {
            try FileManager.default.copyItem(atPath: templates, toPath: repo.root + "/templates")
        }
        let now = ContentDate(secondsSince1970: Int64(Date().timeIntervalSince1970))
        let options = BuildOptions(now: now, outputDirectory: repo.root + "/output")
        let workspace = Workspace(root: repo.root)
        return (repo, BuildFarm(workspace: workspace, options: options).build(siteIDs: workspace.siteIDs()))
    }

    private func object(_ repo: FixtureRepository, _ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: repo.root + "/" + path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(path) is not a JSON object")
    }

    @Test func everyAPIFileOfTheDemoSitesHasTheResponseShape() throws {
        let (repo, results) = try buildDemoSites()
        #expect(!results.isEmpty)
        for result in results {
            #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
            let site = result.siteID
            let baseURL = try #require(try String(contentsOfFile: repo.root + "/sites/\(site)/site.yaml", encoding: .utf8)
                .split(separator: "\n").first { $0.hasPrefix("base_url:") }?
                .dropFirst("base_url:".count).trimmingCharacters(in: .whitespaces))
            let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
            let files = repo.files(under: "output/\(site)/api").filter { $0.hasSuffix(".json") }
            #expect(files.contains("v1/index.json") && files.contains("v1/posts.json"))
            for file in files {
                let path = "output/\(site)/api/\(file)"
                let document = try object(repo, path)
                #expect(Set(document.keys) == ["data", "meta", "links"], "\(path): keys \(document.keys.sorted())")
                #expect(document["data"] != nil, "\(path): no data")
                let meta = try #require(document["meta"] as? [String: Any], "\(path): meta is not an object")
                let links = try #require(document["links"] as? [String: Any], "\(path): links is not an object")
                #expect(meta["site"] as? String == site, "\(path): meta.site")
                #expect(links["self"] as? String == base + "api/" + file, "\(path): links.self")
                if let pagination = meta["pagination"] as? [String: Any] {
                    #expect(document["data"] is [Any], "\(path): a paginated document's data is a list")
                    for key in ["first", "last", "prev", "next"] {
                        #expect(links.keys.contains(key), "\(path): links.\(key) missing")
                    }
                    let page = pagination["page"] as? Int ?? 0
                    let totalPages = pagination["total_pages"] as? Int ?? 0
                    #expect((1...max(1, totalPages)).contains(page), "\(path): page \(page) of \(totalPages)")
                    #expect((links["next"] is NSNull) == (page == totalPages), "\(path): links.next")
                    #expect((links["prev"] is NSNull) == (page == 1), "\(path): links.prev")
                }
            }
        }
    }

    @Test func followingNextLinksVisitsEveryItemOnce() throws {
        let (repo, results) = try buildDemoSites()
        for result in results {
            let site = result.siteID
            let prefix = try #require(try object(repo, "output/\(site)/api/v1/index.json")["links"] as? [String: Any])["self"]
                as? String
            let apiBase = try #require(prefix?.replacingOccurrences(of: "v1/index.json", with: ""))
            let collections = try #require((try object(repo, "output/\(site)/api/v1/index.json")["data"] as? [String: Any])?["collections"]
                as? [String: String])
            for (name, firstURL) in collections.sorted(by: { $0.key < $1.key }) {
                var next: String? = firstURL
                var seen = 0
                var total: Int?
                var visited: Set<String> = []
                while let url = next {
                    #expect(url.hasPrefix(apiBase), "\(site) \(name): \(url) is not under \(apiBase)")
                    guard visited.insert(url).inserted else { Issue.record("\(url) visited twice"); break }
                    let document = try object(repo, "output/\(site)/api/" + url.dropFirst(apiBase.count))
                    guard let pagination = (document["meta"] as? [String: Any])?["pagination"] as? [String: Any] else { break }
                    total = pagination["total_items"] as? Int
                    let items = document["data"] as? [Any] ?? []
                    #expect(items.count <= pagination["per_page"] as? Int ?? 0)
                    seen += items.count
                    next = (document["links"] as? [String: Any])?["next"] as? String
                }
                if let total { #expect(seen == total, "\(site) \(name): \(seen) items of \(total)") }
            }
        }
    }

    @Test func postsCollectionListsListedPostsAndEveryBuiltPostHasAFile() throws {
        let repo = try FixtureRepository()
        try repo.copySites(from: GoldenOutputTests.fixture)
        let result = try #require(buildSites(repo, ["golden"]).first)
        #expect(result.status == .built)
        let list = try object(repo, "output/golden/api/v1/posts.json")
        let slugs = (list["data"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
        // posts_per_page does not apply to the API: one page of 20 holds every listed post.
        #expect(slugs == ["hidden", "third-without-date-prefix", "second-post", "first-steps"])
        // Archived posts keep their page and their API file, but are not listed; drafts have neither.
        #expect(repo.exists("output/golden/api/v1/posts/archived.json"))
        #expect(!slugs.contains("archived"))
        #expect(!repo.exists("output/golden/api/v1/posts/draft.json"))
        let post = try object(repo, "output/golden/api/v1/posts/second-post.json")
        let data = try #require(post["data"] as? [String: Any])
        #expect(data["title"] as? String == "Second post: details & <escapes>")
        #expect((data["content_html"] as? String)?.contains("<h2") == true)
        #expect(data["url"] as? String == "/blog/second-post/")
        let tags = try object(repo, "output/golden/api/v1/tags.json")
        let terms = try #require(tags["data"] as? [[String: Any]])
        #expect(terms.map { $0["slug"] as? String ?? "" } == ["linux", "toolchain"])
        #expect(terms.allSatisfy { ($0["count"] as? Int ?? 0) > 0 })
    }

    @Test func apiListsArePaginatedBySettingsApiPerPage() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("paged", extra: "  api_per_page: 2")
        for day in 1...5 {
            try repo.write("sites/paged/blog/2026-01-0\(day)-post-\(day).md", post("title: Post \(day)"))
        }
        #expect(buildSites(repo, ["paged"]).first?.status == .built)
        #expect(repo.exists("output/paged/api/v1/posts/page/3.json"))
        #expect(!repo.exists("output/paged/api/v1/posts/page/4.json"))
        let second = try object(repo, "output/paged/api/v1/posts/page/2.json")
        let links = try #require(second["links"] as? [String: Any])
        #expect(links["prev"] as? String == "https://paged.example.com/api/v1/posts.json")
        #expect(links["next"] as? String == "https://paged.example.com/api/v1/posts/page/3.json")
        let titles = (second["data"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(titles == ["Post 3", "Post 2"])
    }
}
