/// Placeholder until the section is implemented: a site's characters.
public struct CharacterCast: Sendable {
    public static let empty = CharacterCast()
    /// True when the site has no characters to build.
    public var isEmpty: Bool { true }
}
