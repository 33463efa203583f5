import Foundation
import SBCMSTestSupport
import Testing

/// `--cache DIR` and `--no-cache`.
@Suite struct CacheOptionTests {
    private func repo() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.writeSite("notes")
        try repo.write("sites/notes/blog/2026-01-01-hello.md", "---\ntitle: Hello\n---\nHello world.\n")
        return repo
    }

    @Test func defaultCacheIsAtTheRoot() throws {
        let repo = try repo()
        #expect(try CommandRunner.run(["build", "--site", "notes"], in: repo.root).status == 0)
        #expect(!repo.files(under: ".sbcms-cache/markdown").isEmpty)
        #expect(repo.exists("output/.sbcms/notes/manifest.json"))
        #expect(repo.exists("output/.sbcms/notes/changes.json"))
    }

    @Test func aSecondBuildWithNoChangeIsUpToDate() throws {
        let repo = try repo()
        // Files written within the last moments are never trusted as unchanged: age them.
        for folder in ["sites", "themes"] { try repo.setModificationDates(under: folder, to: Date(timeIntervalSinceNow: -60)) }
        #expect(try CommandRunner.run(["build", "--site", "notes"], in: repo.root).status == 0)
        let second = try CommandRunner.run(["build", "--site", "notes"], in: repo.root)
        #expect(second.status == 0)
        #expect(second.stderr.contains("up to date notes: nothing changed"), "\(second.stderr)")
        #expect(second.stderr.contains("0 sites built, 1 up to date, 0 failed"), "\(second.stderr)")
    }

    @Test func cacheOptionIsRelativeToTheRoot() throws {
        let repo = try repo()
        #expect(try CommandRunner.run(["build", "--site", "notes", "--root", repo.root, "--cache", "ci/cache"], in: "/").status == 0)
        #expect(!repo.files(under: "ci/cache/markdown").isEmpty)
        #expect(!repo.exists(".sbcms-cache"))
    }

    @Test func noCacheNeitherReadsNorWrites() throws {
        let repo = try repo()
        let result = try CommandRunner.run(["build", "--site", "notes", "--no-cache"], in: repo.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!repo.exists(".sbcms-cache"))
        #expect(repo.exists("output/notes/index.html"))
        #expect(repo.exists("output/.sbcms/notes/manifest.json"))
    }
}
