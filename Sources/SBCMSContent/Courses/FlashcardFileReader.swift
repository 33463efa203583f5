import SBCMSCore
import SBCMSSource

/// A flashcard file after it was read and checked.
struct DeckSpec: Sendable {
    struct Card: Sendable {
        var id: String
        var front: String
        var frontNode: YAMLNode
        var back: String
        var backNode: YAMLNode
    }

    var cards: [Card]
    var lines: [Substring]
}

/// Reads a flashcard file: `cards`, each with `id`, `front` and `back` (Markdown).
struct FlashcardFileReader {
    let site: SiteConfig

    static let knownKeys: Set<String> = ["cards"]
    static let cardKeys: Set<String> = ["id", "front", "back"]

    func read(_ file: SourceFile) -> (DeckSpec?, [Diagnostic]) {
        let (yaml, readDiagnostics) = CourseYAML.read(file, site: site, what: "flashcard file")
        guard let yaml else { return (nil, readDiagnostics) }
        let location = SourceLocation(site: site.id, file: file.displayPath)
        var reader = FieldReader(map: yaml.map, location: location, mapLine: 1, what: "flashcard file")
        if yaml.map["cards"] == nil {
            reader.report(.error("missing-key", at: location.at(line: 1, column: 1),
                                 "flashcard file has no `cards`, which is required",
                                 hint: "add `cards:` with at least one `{ id, front, back }`"))
        }
        var cards: [DeckSpec.Card] = []
        var seen: [String: Int] = [:]
        for (map, node) in CourseYAML.maps("cards", in: &reader, example: "{ id: c1, front: Term, back: Meaning }") {
            var cardReader = FieldReader(map: map, location: location, mapLine: node.line, what: "card")
            let id = CourseYAML.slug("id", in: &cardReader, at: node, example: "c1")
            let front = CourseYAML.required("front", in: &cardReader, at: node, example: "Term")
            let back = CourseYAML.required("back", in: &cardReader, at: node, example: "What the term means")
            CourseYAML.warnUnknown(&cardReader, known: Self.cardKeys)
            if let id, let front, let back, let frontNode = map["front"], let backNode = map["back"] {
                if CourseYAML.claim(id, "card", map: map, node: node, seen: &seen, reader: &cardReader,
                                    hint: "give every card of the deck its own id") {
                    cards.append(DeckSpec.Card(id: id, front: front, frontNode: frontNode, back: back, backNode: backNode))
                }
            }
            for diagnostic in cardReader.diagnostics { reader.report(diagnostic) }
        }
        if cards.isEmpty, let node = yaml.map["cards"], !reader.diagnostics.containsErrors {
            reader.report(.error("invalid-value", at: reader.location(of: node), "the deck has no cards",
                                 hint: "add at least one card under `cards:`"))
        }
        CourseYAML.warnUnknown(&reader, known: Self.knownKeys)
        guard !reader.diagnostics.containsErrors else { return (nil, reader.diagnostics) }
        return (DeckSpec(cards: cards, lines: yaml.lines), reader.diagnostics)
    }
}
