import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// Every invalid course, quiz, flashcard and lesson file, reported with its code at the exact
/// file, line and column.
@Suite struct CourseErrorTests {
    /// A course.yaml whose lessons are the given block-style YAML lines (each starting with
    /// `- ` at column 7, so the first lesson's `- ` is on line 6).
    static func course(_ lessons: String, head: String = "title: Course") -> String {
        """
        \(head)
        modules:
          - id: intro
            title: Intro
            lessons:
        \(lessons)
        """
    }

    /// One text lesson `a` (line 6) using `file: a.md` (line 9, value at column 15).
    static let textLesson = """
              - id: a
                title: A
                type: text
                file: a.md
        """

    static let quizLesson = """
              - id: q
                title: Q
                type: quiz
                file: q.yaml
        """

    static let deckLesson = """
              - id: d
                title: D
                type: flashcard
                file: d.yaml
        """

    private func build(_ files: [String: String]) throws -> SiteBuildResult {
        let repo = try FixtureRepository()
        try repo.writeSite("site")
        try repo.write("sites/site/blog/2026-01-01-p.md", post("title: P", body: "## Heading\n"))
        try repo.write("sites/site/media/poster.png", "png")
        for (path, text) in files { try repo.write("sites/site/" + path, text) }
        let result = try #require(buildSites(repo, ["site"]).first)
        if result.status == .failed { #expect(!repo.exists("output/site")) }
        return result
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        var errors: [String]
        var testDescription: String { name }
    }

    static let c = "courses/c/"
    static let yaml = "sites/site/courses/c/course.yaml"
    static let quizFile = "sites/site/courses/c/q.yaml"
    static let deckFile = "sites/site/courses/c/d.yaml"

    static let cases: [Case] = [
        Case(name: "course id is not a slug",
             files: ["courses/Swift_Basics/course.yaml": course(textLesson), "courses/Swift_Basics/a.md": "A\n"],
             errors: ["invalid-course-id@sites/site/courses/Swift_Basics/course.yaml:1:1"]),
        Case(name: "title is required",
             files: [c + "course.yaml": course(textLesson, head: "description: no title"), c + "a.md": "A\n"],
             errors: ["missing-key@\(yaml):1:1"]),
        Case(name: "a folder without course.yaml",
             files: [c + "a.md": "A\n"],
             errors: ["missing-course-file@\(yaml):0:0"]),
        Case(name: "module ids are unique",
             files: [c + "course.yaml": course(textLesson) + "\n  - id: intro\n    title: Again\n    lessons:\n"
                        + textLesson.replacingOccurrences(of: "a", with: "b"), c + "a.md": "A\n", c + "b.md": "B\n"],
             errors: ["duplicate-id@\(yaml):10:9"]),
        Case(name: "lesson ids are unique across modules",
             files: [c + "course.yaml": course(textLesson) + "\n  - id: more\n    title: More\n    lessons:\n" + textLesson,
                     c + "a.md": "A\n"],
             errors: ["duplicate-id@\(yaml):13:13"]),
        Case(name: "module id must be a slug",
             files: [c + "course.yaml": course(textLesson).replacingOccurrences(of: "id: intro", with: "id: Intro Part"),
                     c + "a.md": "A\n"],
             errors: ["invalid-slug@\(yaml):3:9"]),
        Case(name: "lesson file must exist",
             files: [c + "course.yaml": course(textLesson)],
             errors: ["missing-lesson-file@\(yaml):9:15"]),
        Case(name: "lesson file may not leave the site",
             files: [c + "course.yaml": course(textLesson.replacingOccurrences(of: "a.md", with: "../../../../secret.md"))],
             errors: ["path-outside-site@\(yaml):9:15"]),
        Case(name: "an absolute lesson file path leaves the site",
             files: [c + "course.yaml": course(textLesson.replacingOccurrences(of: "a.md", with: "/etc/passwd.md"))],
             errors: ["path-outside-site@\(yaml):9:15"]),
        Case(name: "lesson file must be inside the course folder",
             files: [c + "course.yaml": course(textLesson.replacingOccurrences(of: "a.md", with: "../../blog/2026-01-01-p.md"))],
             errors: ["lesson-outside-course@\(yaml):9:15"]),
        Case(name: "a quiz file must be YAML",
             files: [c + "course.yaml": course(quizLesson.replacingOccurrences(of: "q.yaml", with: "q.md")), c + "q.md": "x\n"],
             errors: ["invalid-lesson-file@\(yaml):9:15"]),
        Case(name: "a text lesson needs a file",
             files: [c + "course.yaml": course("      - id: a\n        title: A\n        type: text")],
             errors: ["missing-key@\(yaml):6:9"]),
        Case(name: "a quiz lesson needs a file",
             files: [c + "course.yaml": course("      - id: q\n        title: Q\n        type: quiz")],
             errors: ["missing-key@\(yaml):6:9"]),
        Case(name: "a flashcard lesson needs a file",
             files: [c + "course.yaml": course("      - id: d\n        title: D\n        type: flashcard")],
             errors: ["missing-key@\(yaml):6:9"]),
        Case(name: "two lessons cannot share a file",
             files: [c + "course.yaml": course(textLesson + "\n" + textLesson.replacingOccurrences(of: "id: a", with: "id: b")),
                     c + "a.md": "A\n"],
             errors: ["duplicate-lesson-file@\(yaml):13:15"]),
        Case(name: "a module needs a title",
             files: [c + "course.yaml": course(textLesson).replacingOccurrences(of: "    title: Intro\n", with: ""),
                     c + "a.md": "A\n"],
             errors: ["missing-key@\(yaml):3:5"]),
        Case(name: "course status must be known",
             files: [c + "course.yaml": course(textLesson, head: "title: Course\nstatus: hidden"), c + "a.md": "A\n"],
             errors: ["invalid-value@\(yaml):2:9"]),
        Case(name: "a lesson file's front matter is checked",
             files: [c + "course.yaml": course(textLesson), c + "a.md": "---\ntitle: [unclosed\n---\nBody.\n"],
             errors: ["yaml@sites/site/courses/c/a.md:3:1"]),
        Case(name: "a quiz file needs questions",
             files: [c + "course.yaml": course(quizLesson), c + "q.yaml": "pass_score: 50\n"],
             errors: ["missing-key@\(quizFile):1:1"]),
        Case(name: "a question needs an answer",
             files: [c + "course.yaml": course(quizLesson),
                     c + "q.yaml": "questions:\n  - id: q1\n    prompt: Pick\n    choices: [a, b]\n"],
             errors: ["missing-key@\(quizFile):2:5"]),
        Case(name: "a video lesson needs video.url",
             files: [c + "course.yaml": course("      - id: v\n        title: V\n        type: video")],
             errors: ["missing-key@\(yaml):6:9"]),
        Case(name: "a video map needs a url",
             files: [c + "course.yaml": course("      - id: v\n        title: V\n        type: video\n        video:\n          poster: media/poster.png")],
             errors: ["missing-key@\(yaml):10:11"]),
        Case(name: "video.url must be absolute http(s)",
             files: [c + "course.yaml": course("      - id: v\n        title: V\n        type: video\n        video:\n          url: media/v.mp4")],
             errors: ["invalid-value@\(yaml):10:16"]),
        Case(name: "a YouTube address needs a video id",
             files: [c + "course.yaml": course("      - id: v\n        title: V\n        type: video\n        video:\n          url: https://www.youtube.com/channel")],
             errors: ["invalid-value@\(yaml):10:16"]),
        Case(name: "the poster must exist under media/",
             files: [c + "course.yaml": course("      - id: v\n        title: V\n        type: video\n        video:\n          url: https://v.example.com/v.mp4\n          poster: media/missing.png")],
             errors: ["missing-image@\(yaml):11:19"]),
        Case(name: "the poster must be under media/",
             files: [c + "course.yaml": course("      - id: v\n        title: V\n        type: video\n        video:\n          url: https://v.example.com/v.mp4\n          poster: ../../secret.png")],
             errors: ["invalid-media-path@\(yaml):11:19"]),
        Case(name: "lesson type must be known",
             files: [c + "course.yaml": course(textLesson.replacingOccurrences(of: "type: text", with: "type: podcast")), c + "a.md": "A\n"],
             errors: ["invalid-value@\(yaml):8:15"]),
        Case(name: "difficulty must be known",
             files: [c + "course.yaml": course(textLesson, head: "title: Course\ndifficulty: expert"), c + "a.md": "A\n"],
             errors: ["invalid-value@\(yaml):2:13"]),
        Case(name: "duration must not be negative",
             files: [c + "course.yaml": course(textLesson + "\n        duration: -5"), c + "a.md": "A\n"],
             errors: ["invalid-value@\(yaml):10:19"]),
        Case(name: "duration must be a whole number of minutes",
             files: [c + "course.yaml": course(textLesson + "\n        duration: ten"), c + "a.md": "A\n"],
             errors: ["invalid-type@\(yaml):10:19"]),
        Case(name: "price must not be negative",
             files: [c + "course.yaml": course(textLesson, head: "title: Course\nprice: -1"), c + "a.md": "A\n"],
             errors: ["invalid-value@\(yaml):2:8"]),
        Case(name: "a lesson needs a title somewhere",
             files: [c + "course.yaml": course(textLesson.replacingOccurrences(of: "        title: A\n", with: "")), c + "a.md": "A\n"],
             errors: ["missing-key@\(yaml):6:9"]),
        Case(name: "a quiz answer must be a choice",
             files: [c + "course.yaml": course(quizLesson),
                     c + "q.yaml": "questions:\n  - id: q1\n    prompt: Pick\n    choices: [a, b]\n    answer: 2\n"],
             errors: ["invalid-answer@\(quizFile):5:13"]),
        Case(name: "a multiple answer lists at least one choice",
             files: [c + "course.yaml": course(quizLesson),
                     c + "q.yaml": "questions:\n  - id: q1\n    kind: multiple\n    prompt: Pick\n    choices: [a, b]\n    answer: []\n"],
             errors: ["invalid-answer@\(quizFile):6:13"]),
        Case(name: "a multiple answer is a list of choice indexes",
             files: [c + "course.yaml": course(quizLesson),
                     c + "q.yaml": "questions:\n  - id: q1\n    kind: multiple\n    prompt: Pick\n    choices: [a, b, c]\n    answer: [0, 5]\n"],
             errors: ["invalid-answer@\(quizFile):6:17"]),
        Case(name: "a single answer is one index",
             files: [c + "course.yaml": course(quizLesson),
                     c + "q.yaml": "questions:\n  - id: q1\n    prompt: Pick\n    choices: [a, b]\n    answer: [0]\n"],
             errors: ["invalid-answer@\(quizFile):5:13"]),
        Case(name: "question kind must be known",
             files: [c + "course.yaml": course(quizLesson),
                     c + "q.yaml": "questions:\n  - id: q1\n    kind: essay\n    prompt: Pick\n    choices: [a, b]\n    answer: 0\n"],
             errors: ["invalid-value@\(quizFile):3:11"]),
        Case(name: "true_false choices are True and False",
             files: [c + "course.yaml": course(quizLesson),
                     c + "q.yaml": "questions:\n  - id: q1\n    kind: true_false\n    prompt: Sure?\n    choices: [Yes, No]\n    answer: 0\n"],
             errors: ["invalid-choices@\(quizFile):5:14"]),
        Case(name: "question ids are unique",
             files: [c + "course.yaml": course(quizLesson),
                     c + "q.yaml": "questions:\n  - { id: q1, prompt: A, choices: [a, b], answer: 0 }\n  - { id: q1, prompt: B, choices: [a, b], answer: 1 }\n"],
             errors: ["duplicate-id@\(quizFile):3:11"]),
        Case(name: "pass_score is a percentage",
             files: [c + "course.yaml": course(quizLesson),
                     c + "q.yaml": "pass_score: 120\nquestions:\n  - { id: q1, prompt: A, choices: [a, b], answer: 0 }\n"],
             errors: ["invalid-value@\(quizFile):1:13"]),
        Case(name: "card ids are unique",
             files: [c + "course.yaml": course(deckLesson),
                     c + "d.yaml": "cards:\n  - { id: c1, front: A, back: B }\n  - { id: c1, front: C, back: D }\n"],
             errors: ["duplicate-id@\(deckFile):3:11"]),
        Case(name: "a card needs a back",
             files: [c + "course.yaml": course(deckLesson), c + "d.yaml": "cards:\n  - id: c1\n    front: A\n"],
             errors: ["missing-key@\(deckFile):2:5"]),
        Case(name: "a broken link in a lesson file is reported in that file",
             files: [c + "course.yaml": course(textLesson), c + "a.md": "---\ntitle: A\n---\nIntro.\n\nSee [gone](gone.md) and [p](../../blog/2026-01-01-p.md#nope).\n"],
             errors: ["broken-link@sites/site/courses/c/a.md:6:5", "broken-anchor@sites/site/courses/c/a.md:6:25"]),
        Case(name: "a broken link on a card is reported at its line and column",
             files: [c + "course.yaml": course(deckLesson),
                     c + "d.yaml": "cards:\n  - id: c1\n    front: A\n    back: \"See [gone](gone.md)\"\n  - id: c2\n    front: B\n    back: |\n      Text.\n      See [p](nope.md).\n"],
             errors: ["broken-link@\(deckFile):4:16", "broken-link@\(deckFile):9:11"]),
        Case(name: "a broken link in a quiz prompt is reported",
             files: [c + "course.yaml": course(quizLesson),
                     c + "q.yaml": "questions:\n  - id: q1\n    prompt: Read [this](nope.md) first\n    choices: [a, b]\n    answer: 0\n"],
             errors: ["broken-link@\(quizFile):3:18"]),
        Case(name: "invalid YAML in a quiz file",
             files: [c + "course.yaml": course(quizLesson), c + "q.yaml": "questions:\n  - id: [q1\n"],
             errors: ["yaml@\(quizFile):3:1"]),
    ]

    @Test(arguments: cases)
    func invalidCourseIsReportedAtItsPosition(_ testCase: Case) throws {
        let result = try build(testCase.files)
        #expect(result.status == .failed)
        #expect(errorPositions(result) == testCase.errors, "\(result.diagnostics.map(\.formatted))")
    }

    @Test func unknownKeysAreWarningsAtTheirPosition() throws {
        let yaml = Self.course(Self.textLesson + "\n        colour: blue", head: "title: Course\nlevel: easy")
        let result = try build([Self.c + "course.yaml": yaml, Self.c + "a.md": "A\n",
                                Self.c + "notes.txt": "not used"])
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        let warnings = result.diagnostics.filter { $0.severity == .warning }
            .map { "\($0.code)@\($0.file ?? "-"):\($0.line):\($0.column)" }
        #expect(warnings == [
            "unknown-key@\(Self.yaml):2:1",
            "unknown-key@\(Self.yaml):11:9",
            "unused-course-file@sites/site/courses/c/notes.txt:0:0",
        ])
    }

    @Test func everyProblemOfACourseIsReportedInOneRun() throws {
        let lessons = """
              - id: a
                title: A
                type: text
                file: a.md
                duration: -1
              - id: Bad Id
                title: B
                type: slides
        """
        let result = try build([Self.c + "course.yaml": Self.course(lessons, head: "title: Course\ndifficulty: easy")])
        #expect(errorPositions(result) == [
            "invalid-value@\(Self.yaml):2:13",
            "missing-lesson-file@\(Self.yaml):10:15",
            "invalid-value@\(Self.yaml):11:19",
            "invalid-slug@\(Self.yaml):12:13",
            "invalid-value@\(Self.yaml):14:15",
        ])
    }

    @Test func otherSitesStillBuild() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("bad")
        try repo.writeSite("good")
        try repo.write("sites/bad/courses/c/course.yaml", "title: [unclosed\n")
        let results = buildSites(repo, ["bad", "good"])
        #expect(results.map(\.status) == [.failed, .built])
        #expect(errorPositions(results[0]) == ["yaml@sites/bad/courses/c/course.yaml:2:1"])
    }

    @Test func siteWithCoursesNeedsTheCourseLayouts() throws {
        let repo = try FixtureRepository()
        try repo.remove("themes/default/layouts/lesson.mustache")
        try repo.writeSite("site")
        try repo.write("sites/site/courses/c/course.yaml", Self.course(Self.textLesson))
        try repo.write("sites/site/courses/c/a.md", "A\n")
        let result = try #require(buildSites(repo, ["site"]).first)
        #expect(result.diagnostics.map(\.code) == ["missing-layout"])
        #expect(result.diagnostics.first?.message.contains("lesson") == true)
    }
}
