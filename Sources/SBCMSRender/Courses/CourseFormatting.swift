import SBCMSContent

/// How course values are written for people and for machines.
enum CourseFormatting {
    /// `85` → `1 h 25 min`; `40` → `40 min`; `120` → `2 h`.
    static func duration(_ minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        if hours == 0 { return "\(rest) min" }
        return rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
    }

    /// `85` → `PT1H25M` (ISO 8601 duration); `0` → `PT0M`.
    static func isoDuration(_ minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if rest > 0 || hours == 0 { text += "\(rest)M" }
        return text
    }

    /// `49.0` → `49`; `19.5` → `19.50`.
    static func amount(_ price: Double) -> String {
        if price == price.rounded(), price < 1e15 { return String(Int(price)) }
        let cents = Int((price * 100).rounded())
        let fraction = cents % 100
        return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func price(_ course: Course) -> String? {
        guard let price = course.price else { return nil }
        return price == 0 ? "Free" : "\(amount(price)) \(course.currency)"
    }

    static func typeLabel(_ type: LessonType) -> String {
        switch type {
        case .text: return "Reading"
        case .video: return "Video"
        case .quiz: return "Quiz"
        case .flashcard: return "Flashcards"
        }
    }

    /// The schema.org `learningResourceType` of a lesson.
    static func resourceType(_ type: LessonType) -> String {
        switch type {
        case .text: return "reading"
        case .video: return "video"
        case .quiz: return "quiz"
        case .flashcard: return "flashcards"
        }
    }

    /// `video/mp4` for `.mp4` and `.m4v`, `video/webm`, `video/ogg`, `video/quicktime`; nil otherwise.
    static func videoMIMEType(_ url: String) -> String? {
        let path = url.prefix { $0 != "?" && $0 != "#" }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "mp4", "m4v": return "video/mp4"
        case "webm": return "video/webm"
        case "ogv", "ogg": return "video/ogg"
        case "mov": return "video/quicktime"
        default: return nil
        }
    }

    /// Where a quiz form posts its answers (served by the sbcms server, not by the static output).
    static func quizAction(course: Course, lesson: Lesson) -> String {
        "/api/v1/courses/\(course.id)/lessons/\(lesson.id)/attempts"
    }
}
