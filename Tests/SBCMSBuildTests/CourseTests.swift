import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// The courses of `Tests/Fixtures/courses-site`: two published courses (every lesson type,
/// a lesson file without front matter, a YouTube video) and a draft. Its course layouts are
/// plain-text overrides, so the golden files show the structure, independent of the theme.
@Suite struct CourseTests {
    static let fixture = FixtureRepository.projectRoot + "/Tests/Fixtures/courses-site"
    static let expected = FixtureRepository.projectRoot + "/Tests/Fixtures/courses-site-expected"

    private func buildAcademy(drafts: Bool = false, removeOverrides: Bool = false,
                              theme: String? = nil) throws -> (FixtureRepository, SiteBuildResult) {
        let repo = try FixtureRepository()
        try repo.copySites(from: Self.fixture)
        if removeOverrides { try repo.remove("sites/academy/layouts") }
        // Outside git, docs take their dates from file times: fix them so builds compare equal.
        try repo.setModificationDates(under: "sites/academy", to: DocsTreeTests.fixedDate)
        if let theme {
            let config = try repo.read("sites/academy/site.yaml")
            try repo.write("sites/academy/site.yaml", config.replacingOccurrences(of: "theme: default", with: "theme: \(theme)"))
        }
        let result = try #require(buildSites(repo, ["academy"], drafts: drafts).first)
        return (repo, result)
    }

    private func json(_ repo: FixtureRepository, _ path: String) throws -> [String: Any] {
        let text = try repo.read(path)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func coursePagesAndAPIMatchTheRecordedFiles() throws {
        let (repo, result) = try buildAcademy()
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let pairs = [("courses", "courses"), ("api/v1/courses", "api/courses")]
        for (actualFolder, expectedFolder) in pairs {
            let actual = repo.root + "/output/academy/" + actualFolder
            let expected = Self.expected + "/" + expectedFolder
            if GoldenTree.isRecording {
                try GoldenTree.record(actual: actual, expected: expected)
                continue
            }
            let differences = GoldenTree.compare(actual: actual, expected: expected)
            #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        }
        let list = try repo.read("output/academy/api/v1/courses.json")
        if GoldenTree.isRecording {
            try repo.write("list.json", list)
            try? FileManager.default.removeItem(atPath: Self.expected + "/api/courses.json")
            try FileManager.default.copyItem(atPath: repo.root + "/list.json", toPath: Self.expected + "/api/courses.json")
        } else {
            #expect(list == (try String(contentsOfFile: Self.expected + "/api/courses.json", encoding: .utf8)))
        }
    }

    @Test func courseOutputIsDeterministic() throws {
        let (first, _) = try buildAcademy(drafts: true, removeOverrides: true)
        let (second, _) = try buildAcademy(drafts: true, removeOverrides: true)
        #expect(GoldenTree.compare(actual: first.root + "/output/academy", expected: second.root + "/output/academy").isEmpty)
    }

    @Test func lessonsKnowTheirPositionAndNeighboursAcrossModules() throws {
        let (repo, _) = try buildAcademy()
        let quiz = try repo.read("output/academy/courses/swift-basics/practice/check-1/index.html")
        #expect(quiz.contains("position: lesson 4 of 5, module 2 Practice"))
        #expect(quiz.contains("previous: A lesson without front matter </courses/swift-basics/intro/plain/>"))
        #expect(quiz.contains("next: Key words </courses/swift-basics/practice/words/>"))
        let first = try repo.read("output/academy/courses/swift-basics/intro/hello/index.html")
        #expect(first.contains("previous: \n"))
        #expect(first.contains("outline: [hello] tour plain check-1 words"))
    }

    @Test func courseTotalsAndCatalog() throws {
        let (repo, _) = try buildAcademy()
        let catalog = try repo.read("output/academy/courses/index.html")
        #expect(catalog.contains("- SQLite Tuning </courses/sqlite-tuning/> advanced | 3 lessons | 27 min (PT27M) | jonas | 49 EUR"))
        #expect(catalog.contains("- Swift Basics </courses/swift-basics/> beginner | 5 lessons | 25 min (PT25M) | mara | Free"))
        #expect(!catalog.contains("Unfinished"))
        let course = try repo.read("output/academy/courses/swift-basics/index.html")
        #expect(course.contains("module 1 intro: Introduction (20 min) - Set up and say hello."))
        #expect(course.contains("\"@type\":\"Course\""))
        #expect(course.contains("\"timeRequired\":\"PT25M\""))
        #expect(course.contains("\"educationalLevel\":\"Beginner\""))
        #expect(course.contains("\"provider\":{\"@type\":\"Organization\",\"name\":\"Academy\""))
    }

    @Test func lessonTitlesComeFromCourseYAMLOrFrontMatter() throws {
        let repo = try FixtureRepository()
        try repo.copySites(from: Self.fixture)
        let yaml = try repo.read("sites/academy/courses/swift-basics/course.yaml")
        try repo.write("sites/academy/courses/swift-basics/course.yaml",
                       yaml.replacingOccurrences(of: "{ id: hello, title: Hello Swift, type: text", with: "{ id: hello, type: text"))
        let result = try #require(buildSites(repo, ["academy"]).first)
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        let page = try repo.read("output/academy/courses/swift-basics/intro/hello/index.html")
        #expect(page.contains("lesson: Hello, Swift </courses/swift-basics/intro/hello/>"))
        #expect(page.contains("params: level=first"))
    }

    @Test func lessonLinksResolveAndBecomeBacklinks() throws {
        let (repo, _) = try buildAcademy()
        let hello = try repo.read("output/academy/courses/swift-basics/intro/hello/index.html")
        #expect(hello.contains("<a href=\"/blog/optionals/#unwrapping\">the optionals post</a>"))
        #expect(hello.contains("<a href=\"/docs/#toolchain\">handbook</a>"))
        #expect(hello.contains("linked from: A lesson without front matter (lesson)"))
        let post = try repo.read("output/academy/blog/optionals/index.html")
        #expect(post.contains("Hello Swift"), "the post lists the lesson that links to it")
        #expect(post.contains("Key words"), "a flashcard's back links to the post")
        let graph = try repo.read("output/academy/api/v1/graph.json")
        #expect(graph.contains("\"kind\": \"lesson\""))
    }

    @Test func videoLessonsUseVideoOrAnEmbed() throws {
        let (repo, _) = try buildAcademy(removeOverrides: true)
        let tour = try repo.read("output/academy/courses/swift-basics/intro/tour/index.html")
        #expect(tour.contains("<video controls preload=\"metadata\" poster=\"/media/tour-poster.png\">"))
        #expect(tour.contains("<source src=\"https://videos.example.com/swift/tour.mp4\" type=\"video/mp4\">"))
        #expect(tour.contains("<track kind=\"captions\" src=\"/media/tour.vtt\""))
        #expect(tour.contains("<a href=\"/media/tour-transcript.txt\">Read the transcript</a>"))
        let explain = try repo.read("output/academy/courses/sqlite-tuning/indexes/explain/index.html")
        #expect(explain.contains("<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" title=\"Video: Reading EXPLAIN QUERY PLAN\""))
    }

    @Test func quizIsAFormWithFieldsetsAndFlashcardsAreDetails() throws {
        let (repo, _) = try buildAcademy(removeOverrides: true)
        let quiz = try repo.read("output/academy/courses/swift-basics/practice/check-1/index.html")
        #expect(quiz.contains("<form class=\"quiz\" method=\"post\" action=\"/api/v1/courses/swift-basics/lessons/check-1/attempts\">"))
        #expect(quiz.contains("<legend><span class=\"quiz-number\">Question 1.</span> What does <code>let</code> declare?</legend>"))
        #expect(quiz.contains("<input type=\"radio\" id=\"quiz-q1-1\" name=\"q1\" value=\"1\"> <label for=\"quiz-q1-1\">A constant</label>"))
        #expect(quiz.contains("<input type=\"checkbox\" id=\"quiz-q2-2\" name=\"q2\" value=\"2\">"))
        #expect(quiz.contains("<fieldset class=\"quiz-question\" aria-describedby=\"quiz-q2-prompt\">"))
        let deck = try repo.read("output/academy/courses/swift-basics/practice/words/index.html")
        #expect(deck.contains("<details class=\"flashcard\">\n<summary class=\"flashcard-front\"><code>let</code></summary>"))
        #expect(deck.contains("<div class=\"flashcard-back\"><p>A value that may be absent.</p>"))
        #expect(deck.contains("<script>"), "flashcards are enhanced by a script")
    }

    @Test func bothThemesBuildEveryCoursePage() throws {
        for theme in ["default", "minimal"] {
            let (repo, result) = try buildAcademy(drafts: true, removeOverrides: true, theme: theme)
            #expect(result.status == .built, "\(theme): \(result.diagnostics.map(\.formatted))")
            let files = Set(repo.files(under: "output/academy"))
            for page in ["courses/index.html", "courses/swift-basics/index.html", "courses/unfinished/index.html",
                         "courses/swift-basics/intro/hello/index.html", "courses/swift-basics/intro/tour/index.html",
                         "courses/swift-basics/practice/check-1/index.html", "courses/swift-basics/practice/words/index.html",
                         "courses/unfinished/one/draft-lesson/index.html"] {
                #expect(files.contains(page), "\(theme): missing \(page)")
            }
            let home = try repo.read("output/academy/index.html")
            #expect(home.contains("<a href=\"/courses/\">Courses</a>"), "\(theme): nav has Courses")
            let catalog = try repo.read("output/academy/courses/index.html")
            #expect(catalog.contains("Unfinished Course"))
            let lesson = try repo.read("output/academy/courses/swift-basics/intro/plain/index.html")
            #expect(lesson.contains("\"@type\":\"LearningResource\""))
            #expect(lesson.contains("aria-current=\"page\">A lesson without front matter</a>"))
            let draft = try repo.read("output/academy/courses/unfinished/index.html")
            #expect(draft.contains("<meta name=\"robots\" content=\"noindex\">"))
        }
    }

    @Test func draftCoursesAreBuiltOnlyWithDrafts() throws {
        let (repo, _) = try buildAcademy()
        #expect(!repo.exists("output/academy/courses/unfinished/index.html"))
        #expect(!repo.exists("output/academy/api/v1/courses/unfinished.json"))
        let (draftRepo, _) = try buildAcademy(drafts: true)
        #expect(draftRepo.exists("output/academy/courses/unfinished/one/draft-lesson/index.html"))
        let sitemap = try draftRepo.read("output/academy/sitemap.xml")
        #expect(!sitemap.contains("unfinished"), "drafts stay out of the sitemap")
    }

    @Test func linkToALessonOfADraftCourseIsUnpublished() throws {
        let repo = try FixtureRepository()
        try repo.copySites(from: Self.fixture)
        try repo.write("sites/academy/blog/2026-02-01-soon.md",
                       "---\ntitle: Soon\n---\nSee [the draft](../courses/unfinished/draft-lesson.md).\n")
        let result = try #require(buildSites(repo, ["academy"]).first)
        #expect(errorPositions(result) == ["link-to-unpublished@sites/academy/blog/2026-02-01-soon.md:4:5"])
    }

    @Test func sitemapListsCatalogCoursesAndLessons() throws {
        let (repo, _) = try buildAcademy()
        let sitemap = try repo.read("output/academy/sitemap.xml")
        for url in ["courses/", "courses/swift-basics/", "courses/swift-basics/intro/hello/",
                    "courses/swift-basics/practice/words/", "courses/sqlite-tuning/indexes/explain/"] {
            #expect(sitemap.contains("<loc>https://academy.example.com/\(url)</loc>"), "missing \(url)")
        }
    }

    @Test func everyCourseAPIFileHasTheDataMetaLinksShape() throws {
        let (repo, _) = try buildAcademy(drafts: true)
        let files = ["output/academy/api/v1/courses.json"]
            + repo.files(under: "output/academy/api/v1/courses").map { "output/academy/api/v1/courses/" + $0 }
        #expect(files.count == 4)
        for file in files {
            let object = try json(repo, file)
            #expect(object["data"] != nil, "\(file)")
            #expect((object["meta"] as? [String: Any])?["site"] as? String == "academy", "\(file)")
            #expect((object["links"] as? [String: Any])?["self"] is String, "\(file)")
        }
        let course = try json(repo, "output/academy/api/v1/courses/swift-basics.json")
        let data = try #require(course["data"] as? [String: Any])
        #expect(data["lesson_count"] as? Int == 5)
        #expect(data["duration_minutes"] as? Int == 25)
        let modules = try #require(data["modules"] as? [[String: Any]])
        let lessons = modules.flatMap { $0["lessons"] as? [[String: Any]] ?? [] }
        #expect(lessons.map { $0["id"] as? String ?? "" } == ["hello", "tour", "plain", "check-1", "words"])
        let quiz = try #require(lessons[3]["quiz"] as? [String: Any])
        #expect(quiz["pass_score"] as? Int == 80)
        let questions = try #require(quiz["questions"] as? [[String: Any]])
        #expect(questions.map { Set($0.keys) } == Array(repeating: ["id", "kind", "prompt_html", "choices"], count: 3))
        let cards = try #require((lessons[4]["flashcards"] as? [String: Any])?["cards"] as? [[String: Any]])
        #expect(cards.first?["front_html"] as? String == "<p><code>let</code></p>\n")
        let list = try json(repo, "output/academy/api/v1/courses.json")
        let meta = try #require(list["meta"] as? [String: Any])
        #expect((meta["pagination"] as? [String: Any])?["total_items"] as? Int == 3)
    }

    @Test func courseListIsPaginated() throws {
        let repo = try FixtureRepository()
        try repo.copySites(from: Self.fixture)
        try repo.write("sites/academy/site.yaml", try repo.read("sites/academy/site.yaml") + "  api_per_page: 1\n")
        let result = try #require(buildSites(repo, ["academy"]).first)
        #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        let second = try json(repo, "output/academy/api/v1/courses/page/2.json")
        let links = try #require(second["links"] as? [String: Any])
        #expect(links["prev"] as? String == "https://academy.example.com/api/v1/courses.json")
        #expect(links["next"] is NSNull)
        #expect((second["data"] as? [[String: Any]])?.first?["id"] as? String == "swift-basics")
    }

    /// Answers and explanations never reach any output file: pages, API, feeds, sitemap, search.
    @Test func answersAndExplanationsAppearNowhereInTheOutput() throws {
        for theme in ["default", "minimal"] {
            for overrides in [false, true] {
                let (repo, result) = try buildAcademy(drafts: true, removeOverrides: !overrides, theme: theme)
                #expect(result.status == .built)
                let files = repo.files(under: "output/academy")
                #expect(files.count > 30)
                for file in files {
                    let data = try Data(contentsOf: URL(fileURLWithPath: repo.root + "/output/academy/" + file))
                    let text = String(decoding: data, as: UTF8.self)
                    for secret in ["EXPLANATION-", "ZX81", "QW42", "MN07", "PL55", "explanation", "\"answer\"",
                                   "answer_key", "correct"] {
                        #expect(!text.lowercased().contains(secret.lowercased()), "\(theme): \(file) contains \(secret)")
                    }
                }
            }
        }
    }
}
