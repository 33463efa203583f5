import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// Characters of `Tests/Fixtures/characters-site`: pages and API files match the recorded
/// ones (plain-text layouts, so the goldens do not depend on the theme), relationships show
/// both ways, timelines are sorted, and a private character leaves no trace in the output.
@Suite struct CharacterTests {
    @Test func pagesGraphsAndAPIMatchTheRecordedFiles() throws {
        let (repo, result) = try CharacterFixture.build()
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        let pairs = [("characters", "characters"), ("api/v1/characters", "api/v1/characters"),
                     ("api/v1/characters.json", "api/v1/characters.json")]
        for (actualPath, expectedPath) in pairs {
            let actual = repo.root + "/output/cast/" + actualPath
            let expected = CharacterFixture.expected + "/" + expectedPath
            if actualPath.hasSuffix(".json") {
                if GoldenTree.isRecording {
                    try FileManager.default.createDirectory(atPath: (expected as NSString).deletingLastPathComponent,
                                                            withIntermediateDirectories: true)
                    try? FileManager.default.removeItem(atPath: expected)
                    try FileManager.default.copyItem(atPath: actual, toPath: expected)
                    continue
                }
                #expect(try repo.read("output/cast/" + actualPath) == String(contentsOfFile: expected, encoding: .utf8))
                continue
            }
            if GoldenTree.isRecording {
                try GoldenTree.record(actual: actual, expected: expected)
                continue
            }
            let differences = GoldenTree.compare(actual: actual, expected: expected)
            #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        }
    }

    @Test func relationshipsShowOnBothPagesAndTheTargetShowsTheInverse() throws {
        let (repo, _) = try CharacterFixture.build()
        let ada = try repo.read("output/cast/characters/ada/index.html")
        #expect(ada.contains("outgoing: Ally Bram </characters/bram/> note: met at the &quot;harbour&quot;"))
        #expect(ada.contains("incoming: Teacher of Cleo </characters/cleo/> note: teaches her to draw maps"))
        let bram = try repo.read("output/cast/characters/bram/index.html")
        #expect(bram.contains("incoming: Ally of Ada &lt;Quill&gt; &amp; Co </characters/ada/> note: met at the &quot;harbour&quot;"))
        #expect(bram.contains("outgoing: Rival Cleo </characters/cleo/>"))
    }

    @Test func profileFieldsFollowTheTemplateOrderWithLabelsAndTypes() throws {
        let (repo, _) = try CharacterFixture.build()
        let ada = try repo.read("output/cast/characters/ada/index.html")
        let expected = """
            fields:
              Species (species, string): human
              Age (age, integer): 36
              Height (m) (height_m, number): 1.7
              Born (born, date): 1930-07-08
              Alignment (alignment, enum): good
              Skills (skills, list): cartography, fencing items: [cartography] [fencing]
              Lucky numbers (lucky_numbers, list): 3, 7 items: [3] [7]
            """
        #expect(ada.contains(expected))
        let json = try repo.read("output/cast/api/v1/characters/ada.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let profile = try #require((object["data"] as? [String: Any])?["profile"] as? [String: Any])
        #expect(profile["age"] as? Int == 36)
        #expect(profile["height_m"] as? Double == 1.7)
        #expect(profile["born"] as? String == "1930-07-08")
        #expect(profile["lucky_numbers"] as? [Int] == [3, 7])
    }

    @Test func timelinesAreSortedByDateThenCharacterThenEvent() throws {
        let (repo, _) = try CharacterFixture.build()
        let timeline = try repo.read("output/cast/characters/timeline/index.html")
        #expect(timeline == """
            title: Timeline
            1802-11-30 Bram </characters/bram/>: Wakes up under the hill.
            1930-07-08 Ada &lt;Quill&gt; &amp; Co </characters/ada/>: Born in the lighthouse.
            1955-03-01 Ada &lt;Quill&gt; &amp; Co </characters/ada/>: Draws the first map of the bay.
            1955-03-01 Bram </characters/bram/>: Carries the ink barrels.
            1955-03-01T10:00:00Z Cleo </characters/cleo/>: Arrives by boat.

            """)
        let bram = try repo.read("output/cast/characters/bram/index.html")
        #expect(bram.contains("  1802-11-30 (1802-11-30) Wakes up under the hill.\n  1955-03-01 (1955-03-01) Carries the ink barrels."))
    }

    @Test func aPrivateCharacterAppearsNowhereInTheOutput() throws {
        let (repo, result) = try CharacterFixture.build()
        #expect(result.status == .built)
        let files = repo.files(under: "output/cast")
        #expect(!files.isEmpty)
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: repo.root + "/output/cast/" + file))
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(CharacterFixture.privateName), "\(file) mentions the private character")
            #expect(!text.contains("quillon"), "\(file) mentions the private character's slug")
        }
        // Its bio links to Ada, but that link is no backlink: only the post does.
        let ada = try repo.read("output/cast/characters/ada/index.html")
        #expect(ada.contains("linked from: Meet the cast (post)\n"))
    }

    @Test func aLinkToAPrivateCharacterIsAnError() throws {
        let (_, result) = try CharacterFixture.build([
            "characters/secret.md": "---\nname: Secret\npublic: false\n---\nHidden.\n",
            "blog/2026-01-01-p.md": post("title: P", body: "See [the secret](../characters/secret.md).\n"),
        ])
        #expect(errorPositions(result) == ["link-to-unpublished@sites/site/blog/2026-01-01-p.md:4:5"])
    }

    @Test func theDefaultThemeRendersEveryCharactersPage() throws {
        let (repo, result) = try CharacterFixture.build(themeLayouts: true)
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        let list = try repo.read("output/cast/characters/index.html")
        #expect(list.contains("<a href=\"/characters/\" aria-current=\"page\">Characters</a>") || list.contains("href=\"/characters/\""))
        #expect(list.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(list.contains("<a href=\"/characters/ada/\">Ada &lt;Quill&gt; &amp; Co</a>"))
        let ada = try repo.read("output/cast/characters/ada/index.html")
        #expect(ada.contains("<dt>Height (m)</dt>\n<dd>1.7</dd>"))
        #expect(ada.contains("\"@type\":\"Person\""))
        #expect(ada.contains("Teacher of <a href=\"/characters/cleo/\">Cleo</a>"))
        #expect(try repo.read("output/cast/characters/timeline/index.html").contains("<time datetime=\"1802-11-30\">1802-11-30</time>"))
        for page in ["characters/index.html", "characters/ada/index.html", "characters/timeline/index.html"] {
            #expect(!(try repo.read("output/cast/" + page)).contains("}}"), "\(page) shows Mustache text")
        }
        let sitemap = try repo.read("output/cast/sitemap.xml")
        #expect(sitemap.contains("https://cast.example.com/characters/ada/"))
        #expect(sitemap.contains("https://cast.example.com/characters/timeline/"))
        let index = try repo.read("output/cast/api/v1/index.json")
        #expect(index.contains("\"characters\": \"https://cast.example.com/api/v1/characters.json\""))
    }

    @Test func theMinimalThemeRendersEveryCharactersPage() throws {
        let (repo, result) = try CharacterFixture.build(themeLayouts: true, theme: "minimal")
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        let list = try repo.read("output/cast/characters/index.html")
        #expect(list.contains("<a href=\"/characters/ada/\">Ada &lt;Quill&gt; &amp; Co</a> <small>(Hero)</small>"))
        #expect(list.contains("<figure class=\"cast-graph\">"))
        let bram = try repo.read("output/cast/characters/bram/index.html")
        #expect(bram.contains("<li>Ally of <a href=\"/characters/ada/\">Ada &lt;Quill&gt; &amp; Co</a> — met at the &quot;harbour&quot;</li>"))
        #expect(try repo.read("output/cast/characters/timeline/index.html").contains("<time datetime=\"1955-03-01T10:00:00Z\">1955-03-01T10:00:00Z</time>"))
    }

    @Test func everyCharactersAPIFileHasTheDataMetaLinksShape() throws {
        let (repo, _) = try CharacterFixture.build()
        let files = ["api/v1/characters.json"] + repo.files(under: "output/cast/api/v1/characters").map { "api/v1/characters/" + $0 }
        #expect(files.count == 4)
        for file in files {
            let text = try repo.read("output/cast/" + file)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(file)")
            #expect(object["data"] != nil, "\(file)")
            #expect((object["meta"] as? [String: Any])?["site"] as? String == "cast", "\(file)")
            #expect((object["links"] as? [String: Any])?["self"] is String, "\(file)")
        }
        let list = try #require(try JSONSerialization.jsonObject(with: Data(repo.read("output/cast/api/v1/characters.json").utf8)) as? [String: Any])
        let names = (list["data"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
        #expect(names == ["ada", "bram", "cleo"])
    }

    @Test func paginatedCharacterListsLinkTheirPages() throws {
        var files: [String: String] = [:]
        for number in 1...5 { files["characters/c\(number).md"] = "---\nname: C\(number)\n---\nBio.\n" }
        let repo = try FixtureRepository()
        try repo.writeSite("site", extra: "  api_per_page: 2")
        for (path, text) in files { try repo.write("sites/site/" + path, text) }
        let result = try #require(buildSites(repo, ["site"]).first)
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        #expect(repo.exists("output/site/api/v1/characters/page/3.json"))
        let second = try repo.read("output/site/api/v1/characters/page/2.json")
        #expect(second.contains("\"next\": \"https://site.example.com/api/v1/characters/page/3.json\""))
    }
}
