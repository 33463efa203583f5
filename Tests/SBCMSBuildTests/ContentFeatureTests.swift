import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// Blog features seen through the built output of small inline sites.
@Suite struct ContentFeatureTests {
    @Test func unknownFrontMatterKeysReachLayouts() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("params")
        try repo.write("sites/params/layouts/post.mustache",
                       "{{page.params.series}}|{{post.params.series}}|{{#page.params.parts}}[{{.}}]{{/page.params.parts}}\n")
        try repo.write("sites/params/blog/2026-01-01-one.md", post("title: One\nseries: Linux notes\nparts: [a, b]"))
        #expect(buildSites(repo, ["params"]).first?.status == .built)
        #expect(try repo.read("output/params/blog/one/index.html") == "Linux notes|Linux notes|[a][b]\n")
    }

    @Test func rawHTMLIsDroppedUnlessTheSiteAllowsItAndThenSanitized() throws {
        let body = "<details><summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n<img src=x onerror=\"alert(1)\">\n\n<a href=\"javascript:alert(2)\">x</a>\n"
        let repo = try FixtureRepository()
        try repo.writeSite("strict")
        try repo.write("sites/strict/blog/2026-01-01-html.md", post("title: HTML", body: body))
        try repo.writeSite("open", extra: "  allow_raw_html: true")
        try repo.write("sites/open/blog/2026-01-01-html.md", post("title: HTML", body: body))
        #expect(buildSites(repo, ["strict", "open"]).map(\.status) == [.built, .built])
        let strict = try repo.read("output/strict/blog/html/index.html")
        #expect(!strict.contains("<details>"))
        #expect(!strict.contains("onerror"))
        #expect(strict.contains("Hidden <em>text</em>."))
        let open = try repo.read("output/open/blog/html/index.html")
        #expect(open.contains("<details><summary>More</summary>"))
        #expect(!open.contains("onerror"))
        #expect(!open.contains("javascript:"))
    }

    @Test func postsArePaginatedAndTermsHaveTheirOwnPages() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("many")
        for day in 1...5 {
            try repo.write("sites/many/blog/2026-01-0\(day)-post-\(day).md",
                           post("title: Post \(day)\ntags: [\(day % 2 == 0 ? "even" : "odd")]"))
        }
        #expect(buildSites(repo, ["many"]).first?.status == .built)
        // posts_per_page is 2: 5 posts make 3 blog pages, 3 odd posts make 2 tag pages.
        #expect(repo.exists("output/many/blog/page/3/index.html"))
        #expect(!repo.exists("output/many/blog/page/4/index.html"))
        #expect(repo.exists("output/many/blog/tags/odd/page/2/index.html"))
        #expect(!repo.exists("output/many/blog/tags/even/page/2/index.html"))
        let first = try repo.read("output/many/blog/index.html")
        #expect(first.contains("Post 5") && first.contains("Post 4") && !first.contains("Post 3"))
        #expect(first.contains("/blog/page/2/"))
    }

    @Test func readingTimeAndWordCount() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("words")
        try repo.write("sites/words/layouts/post.mustache", "{{post.wordCount}} words, {{post.readingMinutes}} min\n")
        let words = Array(repeating: "word", count: 650).joined(separator: " ")
        try repo.write("sites/words/blog/2026-01-01-long.md", post("title: Long", body: words + "\n"))
        #expect(buildSites(repo, ["words"]).first?.status == .built)
        #expect(try repo.read("output/words/blog/long/index.html") == "650 words, 3 min\n")
    }
}
