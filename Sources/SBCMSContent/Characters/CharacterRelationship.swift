/// A relationship between two public characters (indexes into `CharacterCast.characters`),
/// as the source character wrote it.
public struct CharacterRelationship: Sendable, Hashable {
    public var from: Int
    public var to: Int
    /// `ally`, `rival`, `mentor`... as written.
    public var kind: String
    public var note: String?
}

/// A relationship as one of its two characters' pages shows it.
public struct CharacterRelationView: Sendable, Hashable {
    /// The relationship, in `CharacterCast.relationships`.
    public var relationship: Int
    /// The other character.
    public var other: Int
    /// True on the target's page: the relationship was written by the other character.
    public var isIncoming: Bool
}
