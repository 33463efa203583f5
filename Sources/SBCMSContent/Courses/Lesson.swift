import SBCMSMarkdown
import SBCMSSource

/// What a lesson is.
public enum LessonType: String, Sendable, CaseIterable {
    /// A Markdown page.
    case text
    /// A video (a file played by `<video>`, or a YouTube / Vimeo embed), with optional notes.
    case video
    /// Questions answered in a form; graded by the server, never in the static output.
    case quiz
    /// A deck of cards with a Markdown front and back.
    case flashcard
}

/// One lesson of a course module.
public struct Lesson: Sendable {
    public var id: String
    public var title: String
    public var type: LessonType
    /// `duration:` in minutes, nil when not given.
    public var durationMinutes: Int?
    /// The module the lesson belongs to.
    public var moduleID: String
    /// `/courses/<course>/<module>/<lesson>/`.
    public var url: String
    /// The lesson's file (Markdown for text and video lessons, YAML for quizzes and decks).
    public var source: SourceFile?
    /// The rendered Markdown of a text lesson or of a video lesson's notes.
    public var body: MarkdownDocument?
    /// Front matter keys of the lesson's Markdown file other than `title`.
    public var params: YAMLMap
    public var video: LessonVideo?
    public var quiz: Quiz?
    public var deck: FlashcardDeck?
}

/// The video of a video lesson.
public struct LessonVideo: Sendable {
    /// The absolute http(s) URL as written.
    public var url: String
    /// For YouTube and Vimeo URLs: the player URL to put in an `<iframe>`; nil for video files.
    public var embedURL: String?
    /// `/media/...` URL of the poster image.
    public var poster: String?
    /// `/media/...` URL or absolute URL of the transcript.
    public var transcript: String?
    /// `/media/...` URL of a WebVTT captions file.
    public var captions: String?
}

/// A quiz as published: its questions and choices. The answers and explanations are checked
/// when the file is read and then dropped; they never reach this type.
public struct Quiz: Sendable {
    /// The score (percent) needed to pass, 0 to 100.
    public var passScore: Int
    public var questions: [QuizQuestion]
}

/// How a quiz question is answered.
public enum QuizQuestionKind: String, Sendable, CaseIterable {
    /// One choice (radio buttons).
    case single
    /// Any number of choices (checkboxes).
    case multiple
    /// True or false (radio buttons).
    case trueFalse = "true_false"
}

/// One question of a quiz, without its answer.
public struct QuizQuestion: Sendable {
    public var id: String
    public var kind: QuizQuestionKind
    /// The prompt rendered from Markdown.
    public var promptHTML: String
    /// The prompt without its `<p>` when it is one paragraph (fits in a `<legend>`); else nil.
    public var promptInlineHTML: String?
    /// The choices as plain text, in order; their 0-based index is the value a form sends.
    public var choices: [String]
}

/// A deck of flashcards.
public struct FlashcardDeck: Sendable {
    public var cards: [Flashcard]
}

/// One card: front and back rendered from Markdown.
public struct Flashcard: Sendable {
    public var id: String
    public var frontHTML: String
    /// The front without its `<p>` when it is one paragraph (fits in a `<summary>`); else nil.
    public var frontInlineHTML: String?
    public var backHTML: String
}
