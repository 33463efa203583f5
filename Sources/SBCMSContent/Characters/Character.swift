import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// A public character after its front matter was checked and its bio rendered.
public struct Character: Sendable {
    public var source: SourceFile
    public var name: String
    public var slug: String
    /// `/characters/<slug>/`.
    public var url: String
    /// The template the profile follows, if any.
    public var template: CharacterTemplate?
    /// The profile's fields with values, in the template's order.
    public var profile: [ProfileEntry]
    /// Site-relative image paths under media/ (`media/ink.png`).
    public var images: [String]
    public var tags: [String]
    /// The character's own timeline entries, sorted by date then event.
    public var timeline: [CharacterTimelineEntry]
    /// The bio, rendered.
    public var bio: MarkdownDocument
    /// The bio as written (for the Markdown export).
    public var bioMarkdown: String
    public var history: PageHistory?

    /// The first image as a site-relative URL (`/media/ink.png`).
    public var imageURL: String? { images.first.map { "/" + $0 } }
}

/// A dated event of a character's life.
public struct CharacterTimelineEntry: Sendable, Hashable {
    public var date: ContentDate
    /// The date as written (`1930-07-08`).
    public var dateText: String
    public var event: String
}

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

/// One entry of the merged timeline of all public characters.
public struct CastTimelineEntry: Sendable, Hashable {
    public var character: Int
    public var entry: CharacterTimelineEntry
}
