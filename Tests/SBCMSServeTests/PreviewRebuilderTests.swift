import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSServe
import SBCMSSource
import SBCMSTestSupport
import Testing

/// Which edits the rebuilder answers with the fast path (only the outputs that show one post)
/// and which with a build of the site.
@Suite struct PreviewRebuilderTests {
    static let post = "blog/2026-01-05-first-steps.md"

    private func makeRebuilder() throws -> (FixtureRepository, PreviewRebuilder) {
        let repo = try FixtureRepository()
        try repo.copySites(from: FixtureRepository.projectRoot + "/Tests/Fixtures/golden")
        var options = BuildOptions(now: ContentDate(secondsSince1970: Int64(Date().timeIntervalSince1970)),
                                   outputDirectory: repo.root + "/.sbcms-cache/serve")
        options.cacheDirectory = repo.root + "/.sbcms-cache"
        let rebuilder = PreviewRebuilder(workspace: Workspace(root: repo.root), siteID: "golden", options: options)
        return (repo, rebuilder)
    }

    private func absolute(_ repo: FixtureRepository, _ path: String) -> String { repo.root + "/sites/golden/" + path }

    private func replace(_ repo: FixtureRepository, _ path: String, _ old: String, _ new: String) throws {
        let text = try repo.read("sites/golden/" + path)
        #expect(text.contains(old))
        try repo.write("sites/golden/" + path, text.replacingOccurrences(of: old, with: new))
    }

    @Test func aBodyEditRendersOnlyThePagesThatShowThePost() throws {
        let (repo, rebuilder) = try makeRebuilder()
        #expect(rebuilder.rebuild().status == .built)
        try replace(repo, Self.post, "no guesswork.", "no guesswork, none.")
        let outcome = rebuilder.rebuild(changedFiles: [absolute(repo, Self.post)])
        #expect(outcome.status == .built && outcome.editedPage == Self.post)
        #expect(outcome.changedPaths.contains("/blog/first-steps/"))
        #expect(try String(contentsOfFile: rebuilder.siteOutputDirectory + "/blog/first-steps/index.html", encoding: .utf8)
            .contains("no guesswork, none."))
    }

    @Test func anEditorsAtomicSaveIsOneEditedPost() throws {
        let (repo, rebuilder) = try makeRebuilder()
        #expect(rebuilder.rebuild().status == .built)
        let text = try repo.read("sites/golden/" + Self.post).replacingOccurrences(of: "no guesswork.", with: "no guesswork, saved.")
        let temporary = absolute(repo, "blog/.first-steps.md.swx123")
        try text.write(toFile: temporary, atomically: false, encoding: .utf8)
        #expect(rename(temporary, absolute(repo, Self.post)) == 0)
        let outcome = rebuilder.rebuild(changedFiles: [temporary, absolute(repo, Self.post)])
        #expect(outcome.editedPage == Self.post)
    }

    @Test(arguments: [
        ("title", "title: First steps with the toolchain", "title: Toolchain basics"),
        ("broken link", "no guesswork.", "no [guesswork](missing.md)."),
    ])
    func editsOtherPagesSeeBuildTheSite(name: String, old: String, new: String) throws {
        let (repo, rebuilder) = try makeRebuilder()
        #expect(rebuilder.rebuild().status == .built)
        try replace(repo, Self.post, old, new)
        let outcome = rebuilder.rebuild(changedFiles: [absolute(repo, Self.post)])
        #expect(outcome.editedPage == nil, "\(name)")
        #expect(outcome.status == (name == "broken link" ? .failed : .built), "\(name)")
    }

    @Test func changesOutsideThePostBuildTheSite() throws {
        let (repo, rebuilder) = try makeRebuilder()
        #expect(rebuilder.rebuild().status == .built)
        try replace(repo, Self.post, "no guesswork.", "no guesswork, twice.")
        try repo.write("sites/golden/blog/2026-06-01-new.md", "---\ntitle: New\ndate: 2026-01-01\n---\nNew post.\n")
        let both = rebuilder.rebuild(changedFiles: [absolute(repo, Self.post), absolute(repo, "blog/2026-06-01-new.md")])
        #expect(both.editedPage == nil && both.status == .built)
        let layout = repo.root + "/themes/default/layouts/post.mustache"
        try (try String(contentsOfFile: layout, encoding: .utf8) + "\n").write(toFile: layout, atomically: true, encoding: .utf8)
        #expect(rebuilder.rebuild(changedFiles: [layout]).editedPage == nil)
    }
}
