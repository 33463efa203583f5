/// Placeholder until the section is implemented: a site's courses.
public struct CourseCatalog: Sendable {
    public static let empty = CourseCatalog()
    /// True when the site has no courses to build.
    public var isEmpty: Bool { true }
}
