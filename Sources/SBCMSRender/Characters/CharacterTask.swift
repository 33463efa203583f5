/// Placeholder until the section is implemented: the characters files a build writes.
public enum CharacterTask: Sendable, Hashable {
    /// True for tasks that produce an HTML page.
    public var isPage: Bool {
        switch self {}
    }
}
