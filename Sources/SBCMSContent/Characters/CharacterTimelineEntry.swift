import SBCMSCore

/// A dated event of a character's life.
public struct CharacterTimelineEntry: Sendable, Hashable {
    public var date: ContentDate
    /// The date as written (`1930-07-08`).
    public var dateText: String
    public var event: String
}

/// One entry of the merged timeline of all public characters.
public struct CastTimelineEntry: Sendable, Hashable {
    public var character: Int
    public var entry: CharacterTimelineEntry
}
