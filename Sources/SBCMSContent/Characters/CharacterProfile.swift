import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// A public character after its front matter was checked and its bio rendered.
public struct CharacterProfile: Sendable {
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
