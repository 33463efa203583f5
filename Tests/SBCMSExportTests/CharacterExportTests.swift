import Foundation
import SBCMSCore
import SBCMSExport
import SBCMSSource
import SBCMSTestSupport
import Testing
import ZIPFoundation

/// `sbcms export --kind characters` in its three formats, on the characters fixture of the
/// build tests (three public characters, one private one that must appear nowhere).
@Suite struct CharacterExportTests {
    static let fixture = FixtureRepository.projectRoot + "/Tests/Fixtures/characters-site"
    static let privateName = "Quillon Vantersby-Ashgrove"

    private func repository() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.copySites(from: Self.fixture)
        try FileManager.default.copyItem(atPath: Self.fixture + "/templates", toPath: repo.root + "/templates")
        return repo
    }

    private func export(_ repo: FixtureRepository, _ format: ExportFormat, images: ImageMode = .embed) throws -> (ExportResult, Data) {
        let exporter = CharactersExporter(workspace: Workspace(root: repo.root),
                                          options: ExportOptions(format: format, images: images, now: ExportFixture.now))
        let path = repo.root + "/out/cast-characters.\(format.fileExtension)"
        let result = try exporter.export(siteID: "cast", to: path)
        return (result, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func jsonHasEveryPublicProfileWithRelationshipsBothWaysAndTimelines() throws {
        let repo = try repository()
        let (result, data) = try export(repo, .json)
        #expect(result.pages == 3)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains(Self.privateName) && !text.contains("quillon"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["exported_at"] as? String == "2026-06-01T12:00:00Z")
        let characters = try #require(object["characters"] as? [[String: Any]])
        #expect(characters.compactMap { $0["slug"] as? String } == ["ada", "bram", "cleo"])
        let ada = characters[0]
        #expect((ada["profile"] as? [String: Any])?["age"] as? Int == 36)
        #expect(ada["url"] as? String == "https://cast.example.com/characters/ada/")
        let relations = (ada["relationships"] as? [[String: Any]] ?? []).map {
            "\($0["direction"] ?? "") \($0["kind"] ?? "") \($0["slug"] ?? "")"
        }
        #expect(relations == ["outgoing ally bram", "incoming teacher cleo"])
        let timeline = (object["timeline"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
        #expect(timeline == ["1802-11-30", "1930-07-08", "1955-03-01", "1955-03-01", "1955-03-01T10:00:00Z"])
        // The same input gives the same file.
        #expect(try export(repo, .json).1 == data)
    }

    @Test func markdownIsAZipOfOneFilePerCharacterWithAnIndexAndMedia() throws {
        let repo = try repository()
        let (result, _) = try export(repo, .markdown)
        #expect(result.mediaFiles == 1)
        let archive = try Archive(url: URL(fileURLWithPath: result.path), accessMode: .read)
        var files: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = String(decoding: data, as: UTF8.self)
        }
        #expect(files.keys.sorted() == ["characters/ada.md", "characters/bram.md", "characters/cleo.md", "characters/index.md",
                                        "media/ada.png"])
        for (path, text) in files { #expect(!text.contains(Self.privateName) && !text.contains("quillon"), "\(path)") }
        let ada = try #require(files["characters/ada.md"])
        #expect(ada.hasPrefix("---\nname: \"Ada <Quill> & Co\"\nslug: \"ada\"\ntemplate: \"hero.yaml\"\nprofile:\n  species: \"human\"\n  age: 36\n"))
        #expect(ada.contains("relationships:\n  - { to: \"bram\", kind: \"ally\", note: \"met at the \\\"harbour\\\"\" }\ntimeline:"))
        #expect(ada.contains("[post](https://cast.example.com/blog/intro/)"))
        #expect(ada.hasSuffix("## Relationships\n\n- Ally: [Bram](bram.md) — met at the \"harbour\"\n- Teacher of [Cleo](cleo.md) — teaches her to draw maps\n"))
        #expect(files["characters/index.md"]?.contains("- 1802-11-30: [Bram](bram.md) — Wakes up under the hill.") == true)
    }

    @Test func htmlIsOneSelfContainedFileWithInDocumentLinks() throws {
        let repo = try repository()
        let (result, data) = try export(repo, .html)
        #expect(result.mediaFiles == 1)
        let html = String(decoding: data, as: UTF8.self)
        #expect(!html.contains(Self.privateName) && !html.contains("quillon"))
        #expect(html.contains("<section id=\"character-ada\" class=\"character\" data-url=\"/characters/ada/\">"))
        #expect(html.contains("<h2>Ada &lt;Quill&gt; &amp; Co</h2>"))
        #expect(html.contains("<dt>Height (m)</dt><dd>1.7</dd>"))
        #expect(html.contains("<li>Teacher of <a href=\"#character-cleo\">Cleo</a> — teaches her to draw maps</li>"))
        #expect(html.contains("See her <a href=\"#character-bram\">friend</a> and the <a href=\"https://cast.example.com/blog/intro/\">post</a>"))
        #expect(html.contains("<img src=\"data:image/png;base64,"))
        let relative = String(decoding: try export(repo, .html, images: .relative).1, as: UTF8.self)
        #expect(relative.contains("<img src=\"media/ada.png\" alt=\"Ada &lt;Quill&gt; &amp; Co\">"))
    }

    @Test func refusesSitesWithoutCharactersAndFormatsThatDoNotApply() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("plain")
        try repo.write("sites/plain/blog/2026-01-01-hello.md", "---\ntitle: Hello\n---\nHi.\n")
        let exporter = CharactersExporter(workspace: Workspace(root: repo.root),
                                          options: ExportOptions(format: .json, now: ExportFixture.now))
        #expect {
            try exporter.export(siteID: "plain", to: repo.root + "/out.json")
        } throws: { error in
            guard case ExportError.noCharacters("plain") = error else { return false }
            return "\(error)".contains("sites/plain/characters/")
        }
        let pdf = CharactersExporter(workspace: Workspace(root: repo.root), options: ExportOptions(format: .pdf, now: ExportFixture.now))
        #expect {
            try pdf.export(siteID: "plain", to: repo.root + "/out.pdf")
        } throws: { error in
            guard case ExportError.unsupportedFormat(.characters, .pdf) = error else { return false }
            return true
        }
        let docs = DocsExporter(workspace: Workspace(root: repo.root), options: ExportOptions(format: .json, now: ExportFixture.now))
        #expect {
            try docs.export(siteID: "plain", to: repo.root + "/out.json")
        } throws: { error in
            guard case ExportError.unsupportedFormat(.docs, .json) = error else { return false }
            return true
        }
        #expect(!repo.exists("out.json") && !repo.exists("out.pdf"))
    }
}
