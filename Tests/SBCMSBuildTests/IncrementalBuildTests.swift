import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSTestSupport
import Testing

/// After each kind of edit, a build with the cache (in a new process's worth of state: a new
/// `BuildFarm`, everything read from disk) gives exactly the tree a cold build of the edited
/// sources gives, rewrites only the files whose bytes changed and reports them in changes.json.
@Suite struct IncrementalBuildTests {
    /// One kind of edit of the golden fixture (plus a small docs section).
    struct Edit: CustomTestStringConvertible, Sendable {
        var name: String
        var apply: @Sendable (FixtureRepository) throws -> Void
        var testDescription: String { name }
    }

    static let blog = "sites/golden/blog/"

    static func replace(_ repo: FixtureRepository, _ path: String, _ old: String, _ new: String) throws {
        let text = try repo.read(path)
        struct MissingText: Error { var path: String, text: String }
        guard text.contains(old) else { throw MissingText(path: path, text: old) }
        try repo.write(path, text.replacingOccurrences(of: old, with: new))
    }

    static let edits: [Edit] = [
        Edit(name: "body edit") { repo in
            try replace(repo, blog + "2026-01-05-first-steps.md", "no guesswork.", "no guesswork at all.")
        },
        Edit(name: "title edit") { repo in
            try replace(repo, blog + "2026-01-05-first-steps.md", "title: First steps with the toolchain", "title: Toolchain basics")
        },
        Edit(name: "new tag") { repo in
            try replace(repo, blog + "2026-01-05-first-steps.md", "tags: [linux, toolchain]", "tags: [linux, toolchain, compilers]")
        },
        Edit(name: "deleted post") { repo in
            try repo.remove(blog + "2026-04-01-archived.md")
        },
        Edit(name: "layout edit") { repo in
            try replace(repo, "themes/default/layouts/post.mustache", "</article>", "</article>\n<!-- edited -->")
        },
        Edit(name: "partial edit") { repo in
            try replace(repo, "themes/default/layouts/partials/footer.mustache", "</footer>", "<p>edited</p></footer>")
        },
        Edit(name: "site.yaml edit") { repo in
            try replace(repo, "sites/golden/site.yaml", "description: A fixture site", "description: An edited fixture site")
        },
        Edit(name: "theme asset edit") { repo in
            let path = "themes/default/assets/style.css"
            try repo.write(path, try repo.read(path) + "\n.edited { color: red; }\n")
        },
        Edit(name: "media edit") { repo in
            let path = repo.root + "/sites/golden/media/diagram.png"
            var bytes = try FileSystem.readBytes(path)
            bytes[bytes.count - 1] ^= 0xff
            try repo.write("sites/golden/media/diagram.png", Data(bytes))
        },
        Edit(name: "docs page edit") { repo in
            try replace(repo, "sites/golden/docs/guide.md", "Read this first.", "Read this first, then the rest.")
        },
        Edit(name: "new post that another post links to") { repo in
            try repo.write(blog + "2026-05-20-newcomer.md", post("title: Newcomer\ntags: [linux]", body: "A new post.\n"))
            try replace(repo, blog + "2026-01-05-first-steps.md", "no guesswork.", "no guesswork. See [the newcomer](2026-05-20-newcomer.md).")
        },
        Edit(name: "linked post changes its slug") { repo in
            try replace(repo, blog + "2026-01-05-first-steps.md", "title: First steps with the toolchain",
                        "title: First steps with the toolchain\nslug: toolchain-first-steps")
        },
    ]

    /// The golden fixture with a small docs section, every source aged (see `ageSources`).
    static func makeRepository() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.copySites(from: GoldenOutputTests.fixture)
        try repo.write("sites/golden/docs/index.md", "---\ntitle: Manual\n---\nWelcome. See [the guide](guide.md).\n")
        try repo.write("sites/golden/docs/guide.md", "---\ntitle: Guide\n---\nRead this first.\n\n## Setup\n\nSteps.\n")
        try ageSources(repo)
        return repo
    }

    @Test(arguments: edits)
    func incrementalBuildEqualsColdBuild(_ edit: Edit) throws {
        let repo = try Self.makeRepository()
        let first = try #require(buildWithCache(repo, ["golden"]).first)
        #expect(first.status == .built, "\(first.diagnostics.map(\.formatted))")
        let before = try OutputSnapshot(repo, "output/golden")

        try edit.apply(repo)
        let second = try #require(buildWithCache(repo, ["golden"]).first)
        #expect(second.status == .built, "\(second.diagnostics.map(\.formatted))")
        let cold = try #require(buildWithCache(repo, ["golden"], output: "cold", cache: nil).first)
        #expect(cold.status == .built)
        let differences = GoldenTree.compare(actual: repo.root + "/output/golden", expected: repo.root + "/cold/golden")
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")

        // Files whose bytes did not change were kept (same inode and modification time); the
        // changes file lists exactly what differs.
        let after = try OutputSnapshot(repo, "output/golden")
        let expectedChanges = ChangesFile(from: before, to: after)
        #expect(!(expectedChanges.added + expectedChanges.changed + expectedChanges.removed).isEmpty)
        for (path, file) in after.files {
            guard let old = before.files[path], old.sha256 == file.sha256 else { continue }
            #expect(old == file, "\(path) was rewritten though its bytes did not change")
        }
        #expect(try ChangesFile(repo, site: "golden") == expectedChanges)
        #expect(second.filesRemoved == expectedChanges.removed.count)
        #expect(second.filesWritten == expectedChanges.added.count + expectedChanges.changed.count)
        #expect(second.filesKept == after.files.count - second.filesWritten)
    }

    @Test func bodyEditChangesOnlyThePagesThatShowTheBody() throws {
        let repo = try Self.makeRepository()
        _ = buildWithCache(repo, ["golden"])
        try Self.replace(repo, Self.blog + "2026-02-10-second-post.md", "Back to", "Go back to")
        _ = buildWithCache(repo, ["golden"])
        let changes = try ChangesFile(repo, site: "golden")
        #expect(changes.added.isEmpty && changes.removed.isEmpty)
        #expect(changes.changed.contains("/blog/second-post/"))
        #expect(!changes.changed.contains("/blog/first-steps/"))
        #expect(!changes.changed.contains("/docs/guide/"))
        #expect(!changes.changed.contains { $0.hasPrefix("/media/") || $0.hasPrefix("/assets/") })
    }

    @Test func noChangeRebuildIsUpToDateAndTouchesNothing() throws {
        let repo = try Self.makeRepository()
        let first = try #require(buildWithCache(repo, ["golden"]).first)
        #expect(first.status == .built)
        let before = try OutputSnapshot(repo, "output/golden")
        let folder = FileSystem.identity(repo.root + "/output/golden")
        let manifest = try repo.read("output/.sbcms/golden/manifest.json")

        let second = try #require(buildWithCache(repo, ["golden"]).first)
        #expect(second.status == .upToDate)
        #expect(second.files == first.files && second.pages == first.pages)
        #expect(second.filesWritten == 0 && second.filesRemoved == 0)
        #expect(try OutputSnapshot(repo, "output/golden").files == before.files)
        #expect(FileSystem.identity(repo.root + "/output/golden") == folder)
        #expect(try repo.read("output/.sbcms/golden/manifest.json") == manifest)
    }

    @Test func rebuildWithoutCacheKeepsEveryUnchangedFile() throws {
        let repo = try Self.makeRepository()
        let first = try #require(buildWithCache(repo, ["golden"], cache: nil).first)
        let before = try OutputSnapshot(repo, "output/golden")
        let second = try #require(buildWithCache(repo, ["golden"], cache: nil).first)
        #expect(second.status == .built)
        #expect(second.filesWritten == 0 && second.filesKept == first.files && second.filesRemoved == 0)
        #expect(try OutputSnapshot(repo, "output/golden").files == before.files)
        #expect(try ChangesFile(repo, site: "golden") == ChangesFile(added: [], changed: [], removed: []))
        #expect(!repo.exists(".sbcms-cache"))
    }

    @Test func aScheduledPostEndsTheUpToDateWindow() throws {
        let repo = try Self.makeRepository()
        #expect(buildWithCache(repo, ["golden"]).first?.status == .built)
        #expect(!repo.exists("output/golden/blog/scheduled/index.html"))
        // Nothing changed on disk, but the scheduled post (2099-01-01) is due at this time.
        var options = BuildOptions(now: ContentDate(iso: "2100-01-01T00:00:00Z")!, outputDirectory: repo.root + "/output")
        options.cacheDirectory = repo.root + "/.sbcms-cache"
        let later = try #require(BuildFarm(workspace: .init(root: repo.root), options: options).build(siteIDs: ["golden"]).first)
        #expect(later.status == .built)
        #expect(repo.exists("output/golden/blog/scheduled/index.html"))
    }

    @Test func manifestListsEveryFileWithItsHashAndSize() throws {
        let repo = try Self.makeRepository()
        _ = buildWithCache(repo, ["golden"])
        struct Manifest: Decodable {
            struct File: Decodable {
                var path: String
                var sha256: String
                var size: Int
            }
            var site: String
            var files: [File]
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: repo.root + "/output/.sbcms/golden/manifest.json"))
        let manifest = try JSONDecoder().decode(Manifest.self, from: data)
        let snapshot = try OutputSnapshot(repo, "output/golden")
        #expect(manifest.site == "golden")
        #expect(manifest.files.map(\.path) == snapshot.files.keys.sorted())
        for file in manifest.files {
            #expect(file.sha256 == snapshot.files[file.path]?.sha256)
            let size = FileSystem.identity(repo.root + "/output/golden/" + file.path)?.size
            #expect(Int64(file.size) == size)
        }
        #expect(try ChangesFile(repo, site: "golden").added.count == manifest.files.count)
    }
}
