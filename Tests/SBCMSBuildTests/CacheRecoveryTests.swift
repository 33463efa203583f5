import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSTestSupport
import Testing

/// Damaged or stale records never break a build: they are ignored and the build is complete.
@Suite struct CacheRecoveryTests {
    @Test func damagedRecordsAreIgnored() throws {
        let repo = try IncrementalBuildTests.makeRepository()
        _ = buildWithCache(repo, ["golden"])
        try FileSystem.write(Array("not a tree".utf8), to: repo.root + "/output/.sbcms/golden/tree.bin")
        try FileSystem.write(Array("not a state".utf8), to: repo.root + "/.sbcms-cache/sites/golden.state")
        try IncrementalBuildTests.replace(repo, IncrementalBuildTests.blog + "2026-02-10-second-post.md", "Back to", "Go back to")
        let result = try #require(buildWithCache(repo, ["golden"]).first)
        #expect(result.status == .built)
        #expect(result.filesKept == 0 && result.filesWritten == result.files)
        let changes = try ChangesFile(repo, site: "golden")
        #expect(changes.added.count == result.files && changes.removed.isEmpty)
        _ = buildWithCache(repo, ["golden"], output: "cold", cache: nil)
        #expect(GoldenTree.compare(actual: repo.root + "/output/golden", expected: repo.root + "/cold/golden").isEmpty)
    }

    @Test func stagingFoldersOfDeadProcessesAreRemoved() throws {
        let repo = try IncrementalBuildTests.makeRepository()
        // Process ids are below 2^22 on Linux: this one cannot be alive.
        for folder in [".staging-golden-99999999", ".old-golden-99999999", ".staging-golden-x-1"] {
            try repo.write("output/\(folder)/index.html", "half-written")
        }
        #expect(buildWithCache(repo, ["golden"]).first?.status == .built)
        #expect(!repo.exists("output/.staging-golden-99999999"))
        #expect(!repo.exists("output/.old-golden-99999999"))
        #expect(repo.exists("output/.staging-golden-x-1"), "another site's folder is left alone")
    }

    @Test func restoredOutputIsVerifiedByContent() throws {
        let repo = try IncrementalBuildTests.makeRepository()
        _ = buildWithCache(repo, ["golden"])
        // CI restores output/ from an archive: a new folder with the same bytes. Its records
        // are used once every file is checked; a tampered copy is rebuilt from scratch.
        for tamper in [false, true] {
            try FileManager.default.moveItem(atPath: repo.root + "/output/golden", toPath: repo.root + "/moved")
            try FileManager.default.copyItem(atPath: repo.root + "/moved", toPath: repo.root + "/output/golden")
            try FileManager.default.removeItem(atPath: repo.root + "/moved")
            if tamper { try FileSystem.write(Array("tampered".utf8), to: repo.root + "/output/golden/index.html") }
            try IncrementalBuildTests.replace(repo, IncrementalBuildTests.blog + "2026-02-10-second-post.md",
                                              tamper ? "Go back to" : "Back to", tamper ? "Return to" : "Go back to")
            let result = try #require(buildWithCache(repo, ["golden"]).first)
            #expect(result.status == .built)
            #expect(try ChangesFile(repo, site: "golden").removed.isEmpty)
            if tamper {
                #expect(result.filesKept == 0)
                #expect(try repo.read("output/golden/index.html") != "tampered")
            } else {
                #expect(result.filesKept > result.filesWritten)
                #expect(try ChangesFile(repo, site: "golden").added.isEmpty)
            }
            _ = buildWithCache(repo, ["golden"], output: "cold", cache: nil)
            #expect(GoldenTree.compare(actual: repo.root + "/output/golden", expected: repo.root + "/cold/golden").isEmpty)
        }
    }
}
