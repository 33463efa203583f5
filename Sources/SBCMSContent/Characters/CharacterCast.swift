import SBCMSCore

/// A site's public characters (`characters/*.md` without `public: false`), their
/// relationships and the merged timeline. Private characters are not in it at all.
public struct CharacterCast: Sendable {
    public static let empty = CharacterCast(characters: [], relationships: [])

    /// Sorted by slug: the graph's order.
    public var characters: [CharacterProfile]
    /// Relationships between public characters, in the source characters' order, then as written.
    public var relationships: [CharacterRelationship]
    /// Character index → its relationships both ways, outgoing first (as written), then incoming
    /// (by the other character's slug).
    public var relations: [[CharacterRelationView]]
    /// Every public character's timeline entry, by date, then character name, then event.
    public var timeline: [CastTimelineEntry]
    /// Character indexes in list order: by name (ignoring case), then slug.
    public var listOrder: [Int]
    /// The distinct relationship kinds, sorted: the graph legend's order.
    public var kinds: [String]

    /// True when the site has no public characters to build.
    public var isEmpty: Bool { characters.isEmpty }

    public init(characters: [CharacterProfile], relationships: [CharacterRelationship]) {
        self.characters = characters
        self.relationships = relationships
        var relations = Array(repeating: [CharacterRelationView](), count: characters.count)
        for (index, relationship) in relationships.enumerated() {
            relations[relationship.from].append(CharacterRelationView(relationship: index, other: relationship.to, isIncoming: false))
        }
        for (index, relationship) in relationships.enumerated() {
            relations[relationship.to].append(CharacterRelationView(relationship: index, other: relationship.from, isIncoming: true))
        }
        self.relations = relations
        var timeline: [CastTimelineEntry] = []
        for (index, character) in characters.enumerated() {
            timeline += character.timeline.map { CastTimelineEntry(character: index, entry: $0) }
        }
        timeline.sort { left, right in
            let leftName = characters[left.character].name, rightName = characters[right.character].name
            return (left.entry.date, leftName, characters[left.character].slug, left.entry.event)
                < (right.entry.date, rightName, characters[right.character].slug, right.entry.event)
        }
        self.timeline = timeline
        listOrder = characters.indices.sorted { left, right in
            (characters[left].name.lowercased(), characters[left].slug) < (characters[right].name.lowercased(), characters[right].slug)
        }
        kinds = Set(relationships.map(\.kind)).sorted()
    }
}
