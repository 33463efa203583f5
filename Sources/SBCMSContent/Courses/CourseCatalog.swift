/// A site's courses (`courses/<id>/course.yaml`), sorted by title then id.
public struct CourseCatalog: Sendable {
    public static let empty = CourseCatalog(courses: [])

    /// The built courses (drafts only in `--drafts` builds).
    public var courses: [Course]

    public init(courses: [Course]) {
        self.courses = courses
    }

    /// True when the site has no courses to build.
    public var isEmpty: Bool { courses.isEmpty }
}
