/// One file of the courses section: catalog, course and lesson pages, and the course API files.
public enum CourseTask: Sendable, Hashable {
    /// `/courses/`: every course.
    case catalog
    /// `ContentGraph.courses.courses[index]`: `/courses/<id>/`.
    case course(index: Int)
    /// Lesson `lesson` (0-based, across modules) of course `course`: `/courses/<id>/<module>/<lesson>/`.
    case lesson(course: Int, lesson: Int)
    /// Page `page` of `/api/v1/courses.json` (then `/api/v1/courses/page/N.json`).
    case apiList(page: Int)
    /// `/api/v1/courses/<id>.json`: one course with its modules and lessons.
    case apiCourse(index: Int)

    /// True for tasks that produce an HTML page.
    public var isPage: Bool {
        switch self {
        case .catalog, .course, .lesson: return true
        case .apiList, .apiCourse: return false
        }
    }
}
