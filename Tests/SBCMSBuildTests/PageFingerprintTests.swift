import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSTestSupport
import Testing

/// Page fingerprints: a page whose layout closure and context did not change is not rendered,
/// and the fingerprint code covers every key layouts can read.
@Suite struct PageFingerprintTests {
    @Test func pagesWithAnUnchangedFingerprintAreNotRenderedAgain() throws {
        let repo = try IncrementalBuildTests.makeRepository()
        _ = buildWithCache(repo, ["golden"])
        // Mark two pages in place (same inode): only a page that is rendered again loses the mark.
        for page in ["blog/first-steps/index.html", "blog/second-post/index.html"] {
            let path = repo.root + "/output/golden/" + page
            try FileSystem.write(try FileSystem.readBytes(path) + Array("<!-- mark -->".utf8), to: path)
        }
        try IncrementalBuildTests.replace(repo, IncrementalBuildTests.blog + "2026-02-10-second-post.md", "Back to", "Go back to")
        let result = try #require(buildWithCache(repo, ["golden"]).first)
        #expect(result.status == .built)
        #expect(try repo.read("output/golden/blog/first-steps/index.html").hasSuffix("<!-- mark -->"))
        #expect(!(try repo.read("output/golden/blog/second-post/index.html").contains("<!-- mark -->")))
    }

    @Test func postAPIFilesWithAnUnchangedFingerprintAreNotWrittenAgain() throws {
        let repo = try IncrementalBuildTests.makeRepository()
        _ = buildWithCache(repo, ["golden"])
        for file in ["api/v1/posts/first-steps.json", "api/v1/posts/second-post.json"] {
            let path = repo.root + "/output/golden/" + file
            try FileSystem.write(try FileSystem.readBytes(path) + Array(" ".utf8), to: path)
        }
        try IncrementalBuildTests.replace(repo, IncrementalBuildTests.blog + "2026-02-10-second-post.md", "Back to", "Go back to")
        #expect(buildWithCache(repo, ["golden"]).first?.status == .built)
        #expect(try repo.read("output/golden/api/v1/posts/first-steps.json").hasSuffix("}\n "))
        let edited = try repo.read("output/golden/api/v1/posts/second-post.json")
        #expect(edited.hasSuffix("}\n") && edited.contains("Go back to"))
    }

    @Test func aLayoutEditReRendersOnlyThePagesUsingIt() throws {
        let repo = try IncrementalBuildTests.makeRepository()
        _ = buildWithCache(repo, ["golden"])
        for page in ["blog/first-steps/index.html", "blog/tags/index.html"] {
            let path = repo.root + "/output/golden/" + page
            try FileSystem.write(try FileSystem.readBytes(path) + Array("<!-- mark -->".utf8), to: path)
        }
        try IncrementalBuildTests.replace(repo, "themes/default/layouts/taxonomy.mustache", "</h1>", "</h1><!-- edited -->")
        #expect(buildWithCache(repo, ["golden"]).first?.status == .built)
        #expect(try repo.read("output/golden/blog/first-steps/index.html").hasSuffix("<!-- mark -->"))
        let tags = try repo.read("output/golden/blog/tags/index.html")
        #expect(!tags.contains("<!-- mark -->") && tags.contains("<!-- edited -->"))
    }

    @Test func generatedFingerprintCodeIsUpToDate() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        try repo.run(["python3", FixtureRepository.projectRoot + "/scripts/gen-context-fingerprints", "--check"])
    }
}
