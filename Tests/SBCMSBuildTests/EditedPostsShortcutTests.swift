import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSTestSupport
import Testing

/// A build in a new process after post edits renders only the outputs that show the edited
/// posts when nothing else can have changed, and its tree is the cold build's tree either way.
@Suite struct EditedPostsShortcutTests {
    static let blog = IncrementalBuildTests.blog
    static let shortcutStage = "render edited posts"

    /// Builds, applies `edit`, builds again in a new farm, and compares with a cold build;
    /// returns whether the second build took the short cut.
    func buildAfter(_ repo: FixtureRepository, _ edit: (FixtureRepository) throws -> Void) throws -> Bool {
        try edit(repo)
        let result = try #require(buildWithCache(repo, ["golden"]).first)
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        let cold = "cold-\(UUID().uuidString)"
        _ = buildWithCache(repo, ["golden"], output: cold, cache: nil)
        let differences = GoldenTree.compare(actual: repo.root + "/output/golden", expected: repo.root + "/\(cold)/golden")
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        return result.stageSeconds.contains { $0.stage == Self.shortcutStage }
    }

    @Test func aBodyEditRendersOnlyWhatShowsThePost() throws {
        let repo = try IncrementalBuildTests.makeRepository()
        _ = buildWithCache(repo, ["golden"])
        let before = try OutputSnapshot(repo, "output/golden")
        let tookShortcut = try buildAfter(repo) { repo in
            try IncrementalBuildTests.replace(repo, Self.blog + "2026-02-10-second-post.md", "Back to", "Go back to")
        }
        #expect(tookShortcut)
        let after = try OutputSnapshot(repo, "output/golden")
        #expect(after.files.keys.sorted() == before.files.keys.sorted())
        let changes = try ChangesFile(repo, site: "golden")
        #expect(changes.changed.contains("/blog/second-post/"))
        #expect(!changes.changed.contains("/blog/first-steps/"))
        #expect(ChangesFile(from: before, to: after) == changes)
    }

    @Test func editsInARowAndTwoPostsAtOnce() throws {
        let repo = try IncrementalBuildTests.makeRepository()
        _ = buildWithCache(repo, ["golden"])
        #expect(try buildAfter(repo) { repo in
            try IncrementalBuildTests.replace(repo, Self.blog + "2026-02-10-second-post.md", "Back to", "Go back to")
        })
        #expect(try buildAfter(repo) { repo in
            try IncrementalBuildTests.replace(repo, Self.blog + "2026-02-10-second-post.md", "Go back to", "Return to")
            try IncrementalBuildTests.replace(repo, Self.blog + "2026-01-05-first-steps.md", "no guesswork.", "no guesswork at all.")
        })
    }

    /// A previous file that cannot be kept (here: deleted by hand) abandons the short cut, and
    /// the ordinary build (with the quota's count started again) gives the cold tree.
    @Test func aMissingPreviousFileTakesTheWholeBuild() throws {
        let repo = try IncrementalBuildTests.makeRepository()
        _ = buildWithCache(repo, ["golden"])
        try repo.remove("output/golden/blog/first-steps/index.html")
        let tookShortcut = try buildAfter(repo) { repo in
            try IncrementalBuildTests.replace(repo, Self.blog + "2026-02-10-second-post.md", "Back to", "Go back to")
        }
        #expect(!tookShortcut)
        #expect(repo.exists("output/golden/blog/first-steps/index.html"))
    }

    /// Every edit another page can see takes the whole build.
    @Test(arguments: [
        "title", "tag", "new link", "new heading", "layout", "new post",
    ])
    func editsOtherPagesCanSeeTakeTheWholeBuild(_ kind: String) throws {
        let repo = try IncrementalBuildTests.makeRepository()
        _ = buildWithCache(repo, ["golden"])
        let path = Self.blog + "2026-01-05-first-steps.md"
        let tookShortcut = try buildAfter(repo) { repo in
            switch kind {
            case "title":
                try IncrementalBuildTests.replace(repo, path, "title: First steps with the toolchain", "title: Toolchain basics")
            case "tag":
                try IncrementalBuildTests.replace(repo, path, "tags: [linux, toolchain]", "tags: [linux, toolchain, compilers]")
            case "new link":
                try IncrementalBuildTests.replace(repo, path, "no guesswork.", "no guesswork. See [the guide](../docs/guide.md).")
            case "new heading":
                try IncrementalBuildTests.replace(repo, path, "## Next", "## Later\n\nMore.\n\n## Next")
            case "layout":
                try IncrementalBuildTests.replace(repo, path, "no guesswork.", "no guesswork at all.")
                try IncrementalBuildTests.replace(repo, "themes/default/layouts/post.mustache", "</article>", "</article>\n<!-- edited -->")
            default:
                try repo.write(Self.blog + "2026-05-20-newcomer.md", post("title: Newcomer", body: "A new post.\n"))
            }
        }
        #expect(!tookShortcut)
    }
}
