/// What the `courses`, `course` and `lesson` layouts see, as `course`.
public struct CoursePageContext {
    /// Every course, on the catalog page (`/courses/`); empty elsewhere.
    public var catalog: [CourseSummary]
    /// The course of a course or lesson page, with its modules and lessons.
    public var current: CourseDetail?
    /// The lesson of a lesson page.
    public var lesson: LessonDetail?
}

/// A course as listed in the catalog.
public struct CourseSummary {
    public var id: String
    public var title: String
    public var description: String
    public var instructor: String?
    /// `beginner`, `intermediate` or `advanced`; nil when not given.
    public var difficulty: String?
    /// `Beginner`, `Intermediate`, `Advanced`.
    public var difficultyLabel: String?
    /// Total of the lessons' durations, in minutes.
    public var durationMinutes: Int
    /// `1 h 25 min`, `40 min`; nil when no lesson gives a duration.
    public var durationText: String?
    /// `PT1H25M`, for `<time datetime>`.
    public var durationISO: String
    public var lessonCount: Int
    /// `1 lesson`, `12 lessons`.
    public var lessonCountText: String
    public var moduleCount: Int
    public var url: String
    /// `/media/...` URL of the course image.
    public var image: String?
    /// `Free`, `49 USD`; nil when the course has no price.
    public var priceText: String?
    public var isFree: Bool
    public var isDraft: Bool
}

/// A course on its own page and beside its lessons.
public struct CourseDetail {
    public var summary: CourseSummary
    public var modules: [ModuleItem]
    /// The first lesson, for a "Start the course" link.
    public var firstLesson: LessonItem?
}

/// A module of a course with its lessons.
public struct ModuleItem {
    public var id: String
    public var title: String
    public var description: String?
    /// 1-based.
    public var number: Int
    public var durationText: String?
    public var lessons: [LessonItem]
    /// True on a lesson page for the module that holds the lesson.
    public var isCurrent: Bool
}

/// A lesson in a course outline.
public struct LessonItem {
    public var id: String
    public var title: String
    /// `text`, `video`, `quiz` or `flashcard`.
    public var type: String
    /// `Reading`, `Video`, `Quiz`, `Flashcards`.
    public var typeLabel: String
    public var url: String
    /// 1-based position in the whole course.
    public var position: Int
    public var durationMinutes: Int?
    public var durationText: String?
    /// True for the lesson being shown.
    public var isCurrent: Bool
}

/// The lesson of a lesson page.
public struct LessonDetail {
    public var item: LessonItem
    /// 1-based position in the course and the course's number of lessons: "lesson 3 of 12".
    public var position: Int
    public var total: Int
    public var module: ModuleItem
    public var previous: LessonItem?
    public var next: LessonItem?
    public var isText: Bool
    public var isVideo: Bool
    public var isQuiz: Bool
    public var isFlashcard: Bool
    public var video: VideoContext?
    public var quiz: QuizContext?
    public var deck: DeckContext?
}

/// A video lesson's player.
public struct VideoContext {
    /// The address as written (a file for `<video>`, or the YouTube / Vimeo page).
    public var url: String
    /// The player address for an `<iframe>` (YouTube / Vimeo); nil for files.
    public var embedURL: String?
    public var isEmbed: Bool
    public var poster: String?
    public var transcript: String?
    public var captions: String?
    /// `video/mp4`, `video/webm`, ... from the file extension; nil when unknown.
    public var mimeType: String?
}

/// A quiz as a form. There are no answers here: the server grades.
public struct QuizContext {
    /// Where the form posts: `/api/v1/courses/<course>/lessons/<lesson>/attempts`.
    public var action: String
    public var passScore: Int
    public var questionCount: Int
    public var questions: [QuestionContext]
}

/// One question of a quiz form.
public struct QuestionContext {
    public var id: String
    /// 1-based.
    public var number: Int
    /// `single`, `multiple` or `true_false`.
    public var kind: String
    public var isMultiple: Bool
    /// `radio` or `checkbox`.
    public var inputType: String
    /// The form field name: the question's id.
    public var fieldName: String
    public var promptHTML: String
    /// The prompt without `<p>` when it is one paragraph (for the `<legend>`); nil otherwise.
    public var promptInlineHTML: String?
    /// An id for the prompt's element when it is not inline (`aria-describedby`).
    public var promptID: String
    public var choices: [ChoiceContext]
}

/// One choice of a quiz question.
public struct ChoiceContext {
    /// 0-based; the value the form sends.
    public var index: Int
    public var text: String
    /// A page-unique id for `<input id>` / `<label for>`.
    public var inputID: String
}

/// A flashcard deck.
public struct DeckContext {
    public var count: Int
    public var cards: [CardContext]
}

/// One flashcard.
public struct CardContext {
    public var id: String
    /// 1-based.
    public var number: Int
    public var frontHTML: String
    /// The front without `<p>` when it is one paragraph (for the `<summary>`); nil otherwise.
    public var frontInlineHTML: String?
    public var backHTML: String
}
