import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSTestSupport
import Testing

/// Tenant isolation: a site reads only its own folder, its theme and templates/. Every escape
/// attempt is an error at the file that tries it, and the other tenant's bytes appear nowhere
/// in the site's output.
@Suite struct IsolationTests {
    /// Text that exists only in site `b`'s files.
    static let secret = "SECRET-OF-TENANT-B-7f3a9c"

    /// Site `a` (one post) and site `b`, whose post, media, layout and site.yaml carry the secret.
    private func tenants() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.writeSite("a")
        try repo.write("sites/a/blog/2026-01-01-own.md", post("title: A's own post"))
        try repo.writeSite("b", extra: "# \(Self.secret)")
        try repo.write("sites/b/blog/2026-01-01-private.md", post("title: B private", body: "\(Self.secret) in a post.\n"))
        try repo.write("sites/b/media/secret.txt", "\(Self.secret) in media\n")
        try repo.write("sites/b/layouts/partials/secret.mustache", "\(Self.secret) in a layout\n")
        return repo
    }

    private func symlink(_ repo: FixtureRepository, _ path: String, to destination: String) throws {
        let full = repo.root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: destination)
    }

    /// No file under `output/` except `output/b/` holds the secret, and no output file is a link.
    private func expectNoLeak(_ repo: FixtureRepository, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for file in repo.files(under: "output") where !file.hasPrefix("b/") {
            let path = repo.root + "/output/" + file
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
            #expect(!String(decoding: bytes, as: UTF8.self).contains(Self.secret), "output/\(file) holds b's bytes",
                    sourceLocation: sourceLocation)
            let type = (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType)
            #expect(type != .typeSymbolicLink, "output/\(file) is a link", sourceLocation: sourceLocation)
        }
    }

    @Test func aPostLinkedFromAnotherSiteIsNotRead() throws {
        let repo = try tenants()
        try symlink(repo, "sites/a/blog/2026-01-02-stolen.md", to: "../../b/blog/2026-01-01-private.md")
        let results = buildSites(repo, ["a", "b"])
        #expect(results.map(\.status) == [.failed, .built])
        #expect(errorPositions(results[0]) == ["path-outside-site@sites/a/blog/2026-01-02-stolen.md:0:0"])
        #expect(results[0].diagnostics.first?.message == "symbolic link points outside the site folder (or nowhere); it is not read")
        expectNoLeak(repo)
    }

    @Test func aMediaFileLinkedIntoAnotherSiteIsNotCopied() throws {
        let repo = try tenants()
        try symlink(repo, "sites/a/media/logo.txt", to: repo.root + "/sites/b/media/secret.txt")
        let results = buildSites(repo, ["a", "b"])
        #expect(results.map(\.status) == [.failed, .built])
        #expect(errorPositions(results[0]) == ["path-outside-site@sites/a/media/logo.txt:0:0"])
        expectNoLeak(repo)
    }

    @Test func aMediaFolderLinkedToAnotherSitesIsNotRead() throws {
        let repo = try tenants()
        try symlink(repo, "sites/a/media", to: "../b/media")
        let results = buildSites(repo, ["a", "b"])
        #expect(results.map(\.status) == [.failed, .built])
        #expect(errorPositions(results[0]) == ["path-outside-site@sites/a/media:0:0"])
        expectNoLeak(repo)
    }

    @Test func aThemeNameThatClimbsOutIsUnknown() throws {
        let repo = try tenants()
        try repo.writeSite("a", theme: "../sites/b")
        let result = try #require(buildSites(repo, ["a"]).first)
        #expect(result.status == .failed)
        #expect(errorPositions(result) == ["unknown-theme@sites/a/site.yaml:4:8"])
        expectNoLeak(repo)
    }

    @Test func aLinkInsideTheSiteIsCopiedAsARealFile() throws {
        let repo = try tenants()
        try repo.write("sites/a/media/original.txt", "A's own media\n")
        try symlink(repo, "sites/a/media/alias.txt", to: "original.txt")
        let result = try #require(buildSites(repo, ["a"]).first)
        #expect(result.status == .built)
        #expect(try repo.read("output/a/media/alias.txt") == "A's own media\n")
        expectNoLeak(repo)
    }

    @Test func dotDotInMediaPathsAndLinksIsAnError() throws {
        let repo = try tenants()
        try repo.write("sites/a/blog/2026-01-02-escape.md", post("title: Escape\nfeatured_image: ../../b/media/secret.txt"))
        try repo.write("sites/a/blog/2026-01-03-links.md", post(
            "title: Links", body: "[B's post](../../b/blog/2026-01-01-private.md) and ![img](../../b/media/secret.txt)\n"))
        let results = buildSites(repo, ["a", "b"])
        #expect(results.map(\.status) == [.failed, .built])
        #expect(errorPositions(results[0]) == [
            "path-outside-site@sites/a/blog/2026-01-02-escape.md:3:17",
            "link-outside-site@sites/a/blog/2026-01-03-links.md:4:1",
            "link-outside-site@sites/a/blog/2026-01-03-links.md:4:52",
        ])
        expectNoLeak(repo)
    }

    @Test func aThemeAssetLinkedToASiteFileIsNotRead() throws {
        let repo = try tenants()
        try FileManager.default.copyItem(atPath: repo.root + "/themes/default", toPath: repo.root + "/themes/shared")
        try symlink(repo, "themes/shared/assets/leak.css", to: repo.root + "/sites/b/media/secret.txt")
        try symlink(repo, "themes/shared/layouts/partials/leak.mustache", to: repo.root + "/sites/b/layouts/partials/secret.mustache")
        try repo.writeSite("a", theme: "shared")
        let results = buildSites(repo, ["a", "b"])
        #expect(results.map(\.status) == [.failed, .built])
        #expect(errorPositions(results[0]) == [
            "path-outside-site@themes/shared/assets/leak.css:0:0",
            "path-outside-site@themes/shared/layouts/partials/leak.mustache:0:0",
        ])
        expectNoLeak(repo)
    }

    @Test func aThemeWhoseLayoutsFolderIsALinkIsNotRead() throws {
        let repo = try tenants()
        try FileManager.default.createDirectory(atPath: repo.root + "/themes/borrowed", withIntermediateDirectories: true)
        try symlink(repo, "themes/borrowed/layouts", to: repo.root + "/themes/default/layouts")
        try symlink(repo, "themes/linked", to: repo.root + "/themes/default")
        try repo.writeSite("a", theme: "borrowed")
        try repo.writeSite("c", theme: "linked")
        try repo.write("sites/c/blog/2026-01-01-c.md", post("title: C"))
        let results = buildSites(repo, ["a", "c"])
        #expect(results.map(\.status) == [.failed, .failed])
        #expect(errorPositions(results[0]) == ["path-outside-site@themes/borrowed/layouts:0:0"])
        #expect(errorPositions(results[1]) == ["path-outside-site@themes/linked:0:0"])
        expectNoLeak(repo)
    }

    @Test func aSiteFolderLinkedToAnotherSiteIsNotBuilt() throws {
        let repo = try tenants()
        try symlink(repo, "sites/copycat", to: "b")
        let results = buildSites(repo, ["copycat", "b"])
        #expect(results.map(\.status) == [.failed, .built])
        #expect(errorPositions(results[0]) == ["path-outside-site@sites/copycat:0:0"])
        #expect(!repo.exists("output/copycat"))
        expectNoLeak(repo)
    }

    @Test func aSiteYAMLLinkedToAnotherSitesIsNotRead() throws {
        let repo = try tenants()
        try repo.remove("sites/a/site.yaml")
        try symlink(repo, "sites/a/site.yaml", to: "../b/site.yaml")
        let results = buildSites(repo, ["a", "b"])
        #expect(results.map(\.status) == [.failed, .built])
        #expect(errorPositions(results[0]) == ["path-outside-site@sites/a/site.yaml:0:0"])
        #expect(!repo.exists("output/a"))
        expectNoLeak(repo)
    }

    @Test func aLinkedTemplatesFolderIsNotRead() throws {
        let repo = try tenants()
        try repo.write("sites/b/private-templates/basic.yaml", "# \(Self.secret)\nname: Basic\n")
        try symlink(repo, "templates/characters", to: repo.root + "/sites/b/private-templates")
        let result = try #require(buildSites(repo, ["a"]).first)
        #expect(result.status == .failed)
        #expect(errorPositions(result) == ["path-outside-site@templates/characters:0:0"])
        expectNoLeak(repo)
    }
}
