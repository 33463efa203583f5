import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// The relationship graphs: valid XML (parsed by libxml2 through FoundationXML), accessible,
/// linked, byte-identical across builds, and laid out without overlapping nodes for large casts.
@Suite struct CharacterGraphTests {
    private func parse(_ text: String) throws -> XMLElement {
        let document = try XMLDocument(data: Data(text.utf8))
        return try #require(document.rootElement())
    }

    /// An attribute by name (FoundationXML's `attribute(forName:)` misses them on namespaced elements).
    private func attribute(_ node: XMLNode, _ name: String) -> String? {
        (node as? XMLElement)?.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }

    @Test func everyGraphFileIsValidAccessibleSVG() throws {
        let (repo, _) = try CharacterFixture.build()
        let files = repo.files(under: "output/cast/characters").filter { $0.hasSuffix(".svg") }
        #expect(files == ["ada/graph.svg", "bram/graph.svg", "cleo/graph.svg", "graph.svg"])
        for file in files {
            let root = try parse(try repo.read("output/cast/characters/" + file))
            #expect(root.name == "svg")
            #expect(attribute(root, "role") == "img")
            let children = (root.children ?? []).compactMap { $0 as? XMLElement }.map { $0.name ?? "" }
            #expect(Array(children.prefix(2)) == ["title", "desc"], "\(file)")
        }
        let cast = try parse(try repo.read("output/cast/characters/graph.svg"))
        let links = try cast.nodes(forXPath: "//*[local-name()='a']").compactMap { attribute($0, "href") }
        #expect(links == ["/characters/ada/", "/characters/bram/", "/characters/cleo/"])
        let labels = try cast.nodes(forXPath: "//*[local-name()='a']/*[local-name()='text']").map { $0.stringValue ?? "" }
        #expect(labels == ["Ada <Quill> & Co", "Bram", "Cleo"])
        let legend = try cast.nodes(forXPath: "//*[local-name()='g'][@class='legend']/*[local-name()='text']").map { $0.stringValue ?? "" }
        #expect(legend.dropFirst() == ["ally", "rival", "teacher"])
        let description = try cast.nodes(forXPath: "//*[local-name()='desc']").first?.stringValue ?? ""
        #expect(description.contains("Ada <Quill> & Co → ally → Bram (met at the \"harbour\")"))
    }

    @Test func theNeighbourhoodGraphHoldsTheCharacterAndItsDirectRelations() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("site")
        let characters = [
            "a": "relationships:\n  - { to: b, kind: ally }",
            "b": "relationships:\n  - { to: c, kind: ally }",
            "c": "relationships:\n  - { to: d, kind: ally }",
            "d": "",
        ]
        for (slug, extra) in characters { try repo.write("sites/site/characters/\(slug).md", "---\nname: \(slug.uppercased())\n\(extra)\n---\nBio.\n") }
        let result = try #require(buildSites(repo, ["site"]).first)
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        let graph = try parse(try repo.read("output/site/characters/b/graph.svg"))
        let links = try graph.nodes(forXPath: "//*[local-name()='a']").compactMap { attribute($0, "href") }
        #expect(links == ["/characters/a/", "/characters/b/", "/characters/c/"])
        #expect(try graph.nodes(forXPath: "//*[local-name()='line'][*[local-name()='title']]").count == 2)
    }

    @Test func pagesEmbedTheSameSVGInline() throws {
        let (repo, _) = try CharacterFixture.build(themeLayouts: true)
        let page = try repo.read("output/cast/characters/index.html")
        let start = try #require(page.range(of: "<svg "))
        let end = try #require(page.range(of: "</svg>"))
        let inline = String(page[start.lowerBound..<end.upperBound])
        _ = try parse(inline)
        let file = try repo.read("output/cast/characters/graph.svg")
        #expect(file.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + inline))
        #expect(page.contains("<a href=\"/characters/graph.svg\">"))
    }

    @Test func graphsAreByteIdenticalAcrossBuilds() throws {
        let (first, _) = try CharacterFixture.build()
        let (second, _) = try CharacterFixture.build()
        for file in first.files(under: "output/cast/characters") {
            #expect(try first.read("output/cast/characters/" + file) == second.read("output/cast/characters/" + file), "\(file)")
        }
    }

    @Test func aLargeCastIsLaidOutWithoutOverlappingNodes() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("site")
        let count = 300
        for number in 0..<count {
            let slug = "c\(String(number + 1000))"
            let next = "c\(String((number + 1) % count + 1000))"
            let far = "c\(String((number * 7) % count + 1000))"
            var relations = "relationships:\n  - { to: \(next), kind: kind-\(number % 11) }"
            if far != slug { relations += "\n  - { to: \(far), kind: rival, note: \"#\(number) & <co>\" }" }
            try repo.write("sites/site/characters/\(slug).md",
                           "---\nname: Character number \(number) with a long name\n\(relations)\ntimeline:\n  - { date: 1900-01-01, event: E\(number) }\n---\nBio.\n")
        }
        let result = try #require(buildSites(repo, ["site"]).first)
        #expect(result.status == .built, "\(result.diagnostics.prefix(3).map(\.formatted))")
        let graph = try parse(try repo.read("output/site/characters/graph.svg"))
        let circles = try graph.nodes(forXPath: "//*[local-name()='circle']").compactMap { node -> (Double, Double)? in
            guard let x = attribute(node, "cx").flatMap(Double.init), let y = attribute(node, "cy").flatMap(Double.init) else { return nil }
            return (x, y)
        }
        #expect(circles.count == count)
        // Neighbours on the circle are at least 20 px apart, so radial labels (12 px) never touch.
        for index in circles.indices {
            let (x1, y1) = circles[index], (x2, y2) = circles[(index + 1) % circles.count]
            #expect(((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)).squareRoot() >= 20)
        }
        let legend = try graph.nodes(forXPath: "//*[local-name()='g'][@class='legend']/*[local-name()='text']")
        #expect(legend.count == 13)
    }
}
