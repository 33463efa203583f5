/// Placeholder until the section is implemented: a site's projects.
public struct Portfolio: Sendable {
    public static let empty = Portfolio()
    /// True when the site has no projects to build.
    public var isEmpty: Bool { true }
}
