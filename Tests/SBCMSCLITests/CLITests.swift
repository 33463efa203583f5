import Foundation
import SBCMSTestSupport
import Testing

/// Runs the real `sbcms` binary and checks what it prints and its exit status.
@Suite struct CLITests {
    private func repoWithSites() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("templates/new/post.md", "---\ntitle: {{title}}\ndate: {{date}}\nstatus: draft\n---\nWrite here.\n")
        try repo.write("templates/new/site.yaml", "name: {{site_id}}\nbase_url: https://{{site_id}}.example.com/\ntheme: default\n")
        try repo.writeSite("good")
        try repo.write("sites/good/blog/2026-01-01-hello.md", "---\ntitle: Hello\n---\nHello world.\n")
        try repo.writeSite("bad")
        try repo.write("sites/bad/blog/2026-01-01-broken.md", "---\ntitle: Broken\ndate: 2026-13-01\n---\nBody\n")
        return repo
    }

    @Test func helpExplainsTheCommands() throws {
        let output = try CommandRunner.run(["--help"], in: "/")
        #expect(output.status == 0)
        #expect(output.stdout.contains("build"))
        #expect(output.stdout.contains("new"))
        let build = try CommandRunner.run(["build", "--help"], in: "/")
        #expect(build.status == 0)
        for flag in ["--site", "--all", "--drafts", "--future", "--output", "--base-url", "--format", "--quiet", "--verbose", "--root"] {
            #expect(build.stdout.contains(flag), "build --help lacks \(flag)")
        }
    }

    @Test func versionSaysMimallocServesMalloc() throws {
        let output = try CommandRunner.run(["--version"], in: "/")
        #expect(output.status == 0)
        #expect(output.stdout.contains("malloc: mimalloc 2."), "\(output.stdout)")
    }

    @Test func badUsageExits64() throws {
        let repo = try repoWithSites()
        #expect(try CommandRunner.run(["build"], in: repo.root).status == 64)
        #expect(try CommandRunner.run(["build", "--all", "--site", "good"], in: repo.root).status == 64)
        #expect(try CommandRunner.run(["build", "--bogus"], in: repo.root).status == 64)
    }

    @Test func failedSiteExits1AndTheOtherStillBuilds() throws {
        let repo = try repoWithSites()
        let output = try CommandRunner.run(["build", "--all"], in: repo.root)
        #expect(output.status == 1)
        #expect(output.stderr.contains("sites/bad/blog/2026-01-01-broken.md:3:7: error[invalid-date]:"))
        #expect(output.stderr.contains("built good"))
        #expect(repo.exists("output/good/blog/hello/index.html"))
        #expect(!repo.exists("output/bad"))
    }

    @Test func successExits0WithRootAndOutputOptions() throws {
        let repo = try repoWithSites()
        let output = try CommandRunner.run(["build", "--root", repo.root, "--site", "good", "--output", repo.root + "/public",
                                            "--base-url", "https://preview.example.org"], in: "/")
        #expect(output.status == 0, "\(output.stderr)")
        let html = try repo.read("public/good/blog/hello/index.html")
        #expect(html.contains("https://preview.example.org/blog/hello/"))
    }

    @Test func jsonDiagnostics() throws {
        let repo = try repoWithSites()
        let output = try CommandRunner.run(["build", "--site", "bad", "--format", "json"], in: repo.root)
        #expect(output.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.first?["code"] as? String == "invalid-date")
        #expect(diagnostics?.first?["line"] as? Int == 3)
        #expect(diagnostics?.first?["column"] as? Int == 7)
        #expect(diagnostics?.first?["file"] as? String == "sites/bad/blog/2026-01-01-broken.md")
        #expect(diagnostics?.first?["site"] as? String == "bad")
    }

    @Test func unknownSiteFails() throws {
        let repo = try repoWithSites()
        let output = try CommandRunner.run(["build", "--site", "nope"], in: repo.root)
        #expect(output.status == 1)
        #expect(output.stderr.contains("error[unknown-site]"))
    }

    @Test func newSiteAndPostUseTheScaffoldsAndRefuseToOverwrite() throws {
        let repo = try repoWithSites()
        let site = try CommandRunner.run(["new", "site", "fresh"], in: repo.root)
        #expect(site.status == 0, "\(site.stderr)")
        #expect(try repo.read("sites/fresh/site.yaml").contains("base_url: https://fresh.example.com/"))
        let post = try CommandRunner.run(["new", "post", "--site", "fresh", "Hello, New World!"], in: repo.root)
        #expect(post.status == 0, "\(post.stderr)")
        let created = repo.files(under: "sites/fresh/blog")
        #expect(created.count == 1)
        #expect(created.first?.hasSuffix("-hello-new-world.md") == true)
        let text = try repo.read("sites/fresh/blog/" + (created.first ?? ""))
        #expect(text.contains("title: \"Hello, New World!\""))
        let again = try CommandRunner.run(["new", "post", "--site", "fresh", "Hello, New World!"], in: repo.root)
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"))
        #expect(try CommandRunner.run(["new", "site", "fresh"], in: repo.root).status != 0)
        #expect(try CommandRunner.run(["new", "site", "Bad_ID"], in: repo.root).status == 64)
    }
}
