import SBCMSSource

/// How hard a course is, as `difficulty:` says.
public enum CourseDifficulty: String, Sendable, CaseIterable {
    case beginner, intermediate, advanced
}

/// Whether a course is built: drafts only with `--drafts`.
public enum CourseStatus: String, Sendable, CaseIterable {
    case draft, published
}

/// One course: its description and its modules, each with its lessons.
public struct Course: Sendable {
    /// The folder name under `courses/`, a slug.
    public var id: String
    /// `courses/<id>/course.yaml`.
    public var source: SourceFile
    public var title: String
    public var description: String
    public var instructor: String?
    public var difficulty: CourseDifficulty?
    /// `price:`, nil when not given.
    public var price: Double?
    /// `currency:` (ISO 4217), default `USD`.
    public var currency: String
    public var status: CourseStatus
    /// `/media/...` URL of `image:`.
    public var image: String?
    public var modules: [CourseModule]
    /// `/courses/<id>/`.
    public var url: String

    /// Every lesson in reading order, across modules.
    public var lessons: [Lesson] { modules.flatMap(\.lessons) }

    /// The sum of the lessons' durations, in minutes.
    public var durationMinutes: Int { modules.reduce(0) { $0 + $1.durationMinutes } }

    public var lessonCount: Int { modules.reduce(0) { $0 + $1.lessons.count } }
}

/// A module of a course: a titled group of lessons.
public struct CourseModule: Sendable {
    public var id: String
    public var title: String
    public var description: String?
    public var lessons: [Lesson]

    /// The sum of the lessons' durations, in minutes.
    public var durationMinutes: Int { lessons.reduce(0) { $0 + ($1.durationMinutes ?? 0) } }
}
