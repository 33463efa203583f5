import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// Page history from git: last change, last author and number of commits, read once per build.
@Suite struct PageHistoryTests {
    @Test func historyComesFromGitWithTwoAuthors() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("wiki")
        try repo.write("sites/wiki/layouts/doc.mustache",
                       "{{doc.lastModifiedISO}}|{{doc.lastEditedBy}}|{{doc.version}}\n")
        try repo.write("sites/wiki/docs/index.md", post("title: Home", body: "First version.\n"))
        try repo.write("sites/wiki/docs/other.md", post("title: Other"))
        try repo.run(["git", "init", "-q"])
        func commit(_ author: String, _ date: String) throws {
            try repo.run(["git", "add", "-A"])
            try repo.run(["git", "-c", "user.name=\(author)", "-c", "user.email=\(author.lowercased())@example.com",
                          "commit", "-q", "-m", "edit by \(author)"],
                         environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
        }
        try commit("Alice", "2026-02-01T10:00:00Z")
        try repo.write("sites/wiki/docs/index.md", post("title: Home", body: "Second version.\n"))
        try commit("Bob", "2026-03-05T16:30:00Z")

        let result = try #require(buildSites(repo, ["wiki"]).first)
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        #expect(try repo.read("output/wiki/docs/index.html") == "2026-03-05T16:30:00Z|Bob|2\n")
        #expect(try repo.read("output/wiki/docs/other/index.html") == "2026-02-01T10:00:00Z|Alice|1\n")
        let sitemap = try repo.read("output/wiki/sitemap.xml")
        #expect(sitemap.contains("<loc>https://wiki.example.com/docs/</loc><lastmod>2026-03-05T16:30:00Z</lastmod>"))
    }

    /// With a cache, the time comes from the cache's walk of the site (no second `stat`); it
    /// is the same whole second either way.
    @Test(arguments: [false, true])
    func outsideGitTheFileTimeIsUsedWithNoAuthor(withCache: Bool) throws {
        let repo = try FixtureRepository()
        try repo.writeSite("plain")
        try repo.write("sites/plain/layouts/doc.mustache",
                       "{{doc.lastModifiedISO}}|{{#doc.lastEditedBy}}{{.}}{{/doc.lastEditedBy}}|{{doc.version}}\n")
        try repo.write("sites/plain/docs/index.md", post("title: Home"))
        try repo.setModificationDates(under: "sites/plain/docs", to: Date(timeIntervalSince1970: 1_767_225_600.75))
        let results = withCache ? buildWithCache(repo, ["plain"]) : buildSites(repo, ["plain"])
        #expect(results.first?.status == .built)
        #expect(try repo.read("output/plain/docs/index.html") == "2026-01-01T00:00:00Z||1\n")
    }
}
