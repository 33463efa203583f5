import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSSource
import SBCMSTestSupport
import Testing

/// The preview's fast path: an edit of one post's body renders only the outputs that show the
/// post, and the tree is then exactly what a cold build makes.
@Suite struct PreviewSessionTests {
    static let site = "field-notes"
    static let blog = "sites/field-notes/blog/"
    /// After every post of the demo site, so none is scheduled.
    static let now = ContentDate(iso: "2027-01-01T00:00:00Z") ?? ContentDate(secondsSince1970: 0)

    /// A copy of the demo site `field-notes` with a session that builds it into `preview/`.
    private func makeSession(theme: String? = nil) throws -> (FixtureRepository, PreviewSession) {
        let repo = try FixtureRepository()
        try FileManager.default.createDirectory(atPath: repo.root + "/sites", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: FixtureRepository.projectRoot + "/sites/" + Self.site,
                                         toPath: repo.root + "/sites/" + Self.site)
        if let theme {
            // The other theme also carries fewer posts in its feeds, so some edited posts are in
            // no feed.
            let config = try repo.read("sites/\(Self.site)/site.yaml")
                .replacingOccurrences(of: "theme: default", with: "theme: \(theme)")
                .replacingOccurrences(of: "  posts_per_page: 5", with: "  posts_per_page: 5\n  feed_limit: \(theme == "default" ? 20 : 3)")
            try repo.write("sites/\(Self.site)/site.yaml", config)
        }
        var options = BuildOptions(now: Self.now, outputDirectory: repo.root + "/preview")
        options.cacheDirectory = repo.root + "/.sbcms-cache"
        let session = PreviewSession(builder: SiteBuilder(workspace: Workspace(root: repo.root), options: options),
                                     siteID: Self.site)
        return (repo, session)
    }

    /// Differences between the session's output and a cold build of the same sources.
    private func differencesFromColdBuild(_ repo: FixtureRepository) -> [String] {
        FileSystem.removeTree(repo.root + "/cold")
        let options = BuildOptions(now: Self.now, outputDirectory: repo.root + "/cold")
        let cold = BuildFarm(workspace: Workspace(root: repo.root), options: options).build(siteIDs: [Self.site])
        guard cold.first?.status == .built else { return ["the cold build failed: \(cold.first?.diagnostics ?? [])"] }
        return GoldenTree.compare(actual: repo.root + "/preview/" + Self.site, expected: repo.root + "/cold/" + Self.site)
    }

    /// Puts a new first paragraph (so the excerpt changes where it is not set) and a last one.
    private func editBody(_ repo: FixtureRepository, _ file: String, _ words: String, folder: String = blog) throws {
        let text = try repo.read(folder + file)
        let end = try #require(text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex))
        try repo.write(folder + file, text[..<end.upperBound] + "\n\(words) opens this post now.\n\n"
                       + text[end.upperBound...] + "\nA closing line about \(words).\n")
    }

    static let docs = "sites/field-notes/docs/"

    /// Doc pages' "last updated" comes from git there, so an edit leaves it alone.
    private func commitEverything(_ repo: FixtureRepository) throws {
        try repo.run(["git", "init", "-q"])
        try repo.run(["git", "add", "sites"])
        try repo.run(["git", "-c", "user.name=Mara", "-c", "user.email=mara@example.com", "commit", "-q", "-m", "Site"])
    }

    @Test func outsideGitADocEditNeedsABuild() throws {
        let (repo, session) = try makeSession()
        #expect(session.build().status == .built)
        try editBody(repo, "getting-started/quick-start.md", "Capybara", folder: Self.docs)
        #expect(try session.applyEdit(path: "docs/getting-started/quick-start.md") == nil,
                "its modification time is its last update")
    }

    @Test(arguments: ["getting-started/quick-start.md", "reference/cli/commands/backup/index.md", "release-notes.md"])
    func docBodyEditsRenderOnlyTheirPageAndMatchAColdBuild(file: String) throws {
        let (repo, session) = try makeSession()
        try commitEverything(repo)
        #expect(session.build().status == .built)
        try editBody(repo, file, "Capybara", folder: Self.docs)
        let edit = try #require(try session.applyEdit(path: "docs/" + file))
        #expect(edit.renderedTasks == 1 && edit.changedFiles.count == 1)
        let differences = differencesFromColdBuild(repo)
        #expect(differences.isEmpty, "\(differences.prefix(5).joined(separator: "\n"))")
    }

    @Test(arguments: [("title: Quick start", "title: Quicker start"), ("---\n\n", "---\n\n## A new heading\n\n")])
    func docEditsOtherPagesCanSeeNeedABuild(old: String, new: String) throws {
        let (repo, session) = try makeSession()
        try commitEverything(repo)
        #expect(session.build().status == .built)
        try IncrementalBuildTests.replace(repo, Self.docs + "getting-started/quick-start.md", old, new)
        #expect(try session.applyEdit(path: "docs/getting-started/quick-start.md") == nil)
    }

    @Test(arguments: ["2026-05-14-a-weekend-with-io-uring.md", "2025-10-10-counting-retain-release.md",
                      "2025-01-14-swift-on-linux-in-2025.md"], ["default", "minimal"])
    func bodyEditsRenderOnlyWhatShowsThePostAndMatchAColdBuild(file: String, theme: String) throws {
        let (repo, session) = try makeSession(theme: theme)
        let first = session.build()
        #expect(first.status == .built, "\(first.diagnostics)")
        for round in ["Quokka", "Pangolin"] {
            try editBody(repo, file, round)
            let edit = try #require(try session.applyEdit(path: "blog/" + file))
            let slug = try #require(edit.changedFiles.first { $0.hasSuffix("/index.html") && $0.hasPrefix("blog/") && !$0.hasPrefix("blog/page") })
            #expect(try repo.read("preview/\(Self.site)/\(slug)").contains("\(round) opens this post now."))
            #expect(edit.renderedTasks < 20, "only the outputs that show the post are rendered")
            let differences = differencesFromColdBuild(repo)
            #expect(differences.isEmpty, "\(differences.prefix(5).joined(separator: "\n"))")
        }
        // A full build afterwards finds the tree it would have made.
        #expect(session.build().status == .built)
        #expect(differencesFromColdBuild(repo).isEmpty)
    }

    /// A page the fast path replaced is not vouched for by the output's record any more: when a
    /// later build finds the page's old fingerprint again (the edit undone after a failed build,
    /// or in a new process), it renders the page instead of keeping the replaced file.
    @Test(arguments: [false, true])
    func undoingAnEditAfterTheFastPathRestoresThePage(inANewSession: Bool) throws {
        var (repo, session) = try makeSession()
        #expect(session.build().status == .built)
        let file = "2025-10-10-counting-retain-release.md"
        let original = try repo.read(Self.blog + file)
        try editBody(repo, file, "Okapi")
        #expect(try session.applyEdit(path: "blog/" + file) != nil)
        if inANewSession {
            session = PreviewSession(builder: session.builder, siteID: Self.site)
        } else {
            try repo.write(Self.blog + file, "---\ntitle: [broken\n---\n")
            #expect(session.build().status == .failed)
        }
        try repo.write(Self.blog + file, original)
        #expect(session.build().status == .built)
        let differences = differencesFromColdBuild(repo)
        #expect(differences.isEmpty, "\(differences.prefix(5).joined(separator: "\n"))")
        #expect(!FileManager.default.fileExists(atPath: repo.root + "/preview/.sbcms/\(Self.site)/replaced"))
    }

    static let changesOthersSee: [(name: String, edit: @Sendable (FixtureRepository) throws -> Void)] = [
        ("title", { try IncrementalBuildTests.replace($0, blog + "2025-10-10-counting-retain-release.md",
                                                      "title: \"Counting retain/release traffic\"", "title: \"Counting ARC traffic\"") }),
        ("new link", { try IncrementalBuildTests.replace($0, blog + "2025-10-10-counting-retain-release.md",
                                                         "of our API server", "of our [API server](2025-02-08-sqlite-wal-mode-explained.md)") }),
        ("broken link", { try IncrementalBuildTests.replace($0, blog + "2025-10-10-counting-retain-release.md",
                                                            "of our API server", "of our [API server](missing.md)") }),
        ("tag", { try IncrementalBuildTests.replace($0, blog + "2025-10-10-counting-retain-release.md",
                                                    "tags: [memory,", "tags: [arc, memory,") }),
    ]

    @Test(arguments: changesOthersSee.indices)
    func editsOtherPagesCanSeeNeedABuild(index: Int) throws {
        let (repo, session) = try makeSession()
        #expect(session.build().status == .built)
        let before = try OutputSnapshot(repo, "preview/" + Self.site)
        try Self.changesOthersSee[index].edit(repo)
        #expect(try session.applyEdit(path: "blog/2025-10-10-counting-retain-release.md") == nil,
                "\(Self.changesOthersSee[index].name)")
        #expect(try OutputSnapshot(repo, "preview/" + Self.site).files == before.files, "nothing is written")
    }

    @Test func withoutASuccessfulBuildEveryEditNeedsABuild() throws {
        let (repo, session) = try makeSession()
        try editBody(repo, "2025-10-10-counting-retain-release.md", "Wombat")
        #expect(try session.applyEdit(path: "blog/2025-10-10-counting-retain-release.md") == nil)
        #expect(session.build().status == .built)
        try repo.write(Self.blog + "2025-10-10-counting-retain-release.md", "---\ntitle: [broken\n---\nText\n")
        #expect(session.build().status == .failed)
        try editBody(repo, "2025-01-14-swift-on-linux-in-2025.md", "Wombat")
        #expect(try session.applyEdit(path: "blog/2025-01-14-swift-on-linux-in-2025.md") == nil,
                "after a failed build the sources may differ anywhere")
    }
}
