import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// Reads and checks a site's courses: every `courses/<id>/course.yaml` with its lesson files
/// (Markdown, quiz and flashcard YAML), then renders their Markdown once every page's URL is
/// known.
struct CourseCatalogBuilder: Sendable {
    let source: SiteSource
    let options: ContentOptions

    /// What a lesson's file held, read and checked.
    enum LessonContent: Sendable {
        case markdown(ParsedFile<LessonFrontMatter>)
        case quiz(QuizSpec)
        case deck(DeckSpec)
        case none
    }

    struct PreparedLesson: Sendable {
        var spec: LessonSpec
        var moduleID: String
        var title: String
        var url: String
        var content: LessonContent
    }

    /// One course folder after reading: nil `spec` when course.yaml could not be used.
    struct PreparedCourse: Sendable {
        var spec: CourseSpec?
        var lessons: [PreparedLesson] = []
        var diagnostics: [Diagnostic] = []
        var files: [SourceFile]
        var failed: Bool { spec == nil || diagnostics.containsErrors }
    }

    func prepare() -> PreparedSection<CourseCatalog> {
        let config = source.config
        var diagnostics: [Diagnostic] = []
        var folders: [String: [SourceFile]] = [:]
        for file in source.courseFiles {
            let parts = file.path.split(separator: "/")
            guard parts.count >= 3 else {
                diagnostics.append(.warning(
                    "unused-course-file", at: SourceLocation(site: config.id, file: file.displayPath),
                    "files directly in courses/ are not read; each course is a folder",
                    hint: "move it into a course folder, `courses/<course-id>/`"))
                continue
            }
            folders[String(parts[1]), default: []].append(file)
        }
        let groups = folders
        let read = Parallel.map(groups.keys.sorted()) { id in readCourse(id, files: groups[id] ?? []) }

        var pages: [PageReference] = []
        var unbuilt: Set<String> = []
        var failed: Set<String> = []
        var built: [PreparedCourse] = []
        for course in read {
            diagnostics += course.diagnostics
            let markdownFiles = course.files.map(\.path).filter { $0.hasSuffix(".md") }
            guard let spec = course.spec, !course.failed else {
                failed.formUnion(markdownFiles)
                continue
            }
            if spec.status == .draft && !options.includeDrafts {
                unbuilt.formUnion(markdownFiles)
                continue
            }
            for lesson in course.lessons {
                guard let file = lesson.spec.file else { continue }
                pages.append(PageReference(kind: .lesson, title: lesson.title, url: lesson.url, path: file.path))
            }
            built.append(course)
        }
        let courses = built
        return PreparedSection(pages: pages, unbuiltPages: unbuilt, failedPages: failed, diagnostics: diagnostics) { renderer in
            Self.finish(courses, renderer: renderer)
        }
    }

    /// Reads one course folder: course.yaml, then each lesson's file.
    private func readCourse(_ id: String, files: [SourceFile]) -> PreparedCourse {
        let config = source.config
        let folder = "courses/\(id)/"
        var course = PreparedCourse(spec: nil, files: files)
        guard let yamlFile = files.first(where: { $0.path == folder + "course.yaml" }) else {
            let siteFolder = files.first.map { String($0.displayPath.dropLast($0.path.count)) } ?? ""
            let display = siteFolder + folder + "course.yaml"
            course.diagnostics.append(.error(
                "missing-course-file", at: SourceLocation(site: config.id, file: display),
                "the course folder \(folder) has no course.yaml",
                hint: "add \(folder)course.yaml with `title:` and `modules:`"))
            return course
        }
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let reader = CourseFileReader(site: config, courseFiles: byPath, filePaths: source.filePaths,
                                      courseYAMLPath: yamlFile.path)
        let (spec, specDiagnostics) = reader.read(yamlFile, id: id)
        course.diagnostics += specDiagnostics
        guard let spec else { return course }
        course.spec = spec
        var used: Set<String> = [yamlFile.path]
        for module in spec.modules {
            for lesson in module.lessons {
                if let file = lesson.file { used.insert(file.path) }
                let (content, title, lessonDiagnostics) = readLesson(lesson)
                course.diagnostics += lessonDiagnostics
                guard let title else { continue }
                course.lessons.append(PreparedLesson(
                    spec: lesson, moduleID: module.id, title: title,
                    url: "/courses/\(id)/\(module.id)/\(lesson.id)/", content: content))
            }
        }
        for file in files where !used.contains(file.path) {
            course.diagnostics.append(.warning(
                "unused-course-file", at: SourceLocation(site: config.id, file: file.displayPath),
                "no lesson of \(folder)course.yaml uses this file; it is not published",
                hint: "add a lesson with `file: \(file.path.dropFirst(folder.count))`, or move images to media/"))
        }
        return course
    }

    private func readLesson(_ lesson: LessonSpec) -> (LessonContent, String?, [Diagnostic]) {
        let config = source.config
        var content = LessonContent.none
        var diagnostics: [Diagnostic] = []
        var fileTitle: String?
        if let file = lesson.file {
            switch lesson.type {
            case .text, .video:
                let parsed = MarkdownFileReader.parse(file, site: config, requireFrontMatter: false,
                                                      splits: options.markdownSplits) { markdown, file in
                    LessonFrontMatter.read(markdown, file: file, site: config)
                }
                diagnostics += parsed.diagnostics
                fileTitle = parsed.frontMatter?.title
                if parsed.frontMatter != nil { content = .markdown(parsed) }
            case .quiz:
                let (quiz, quizDiagnostics) = QuizFileReader(site: config).read(file)
                diagnostics += quizDiagnostics
                if let quiz { content = .quiz(quiz) }
            case .flashcard:
                let (deck, deckDiagnostics) = FlashcardFileReader(site: config).read(file)
                diagnostics += deckDiagnostics
                if let deck { content = .deck(deck) }
            }
        }
        let title = lesson.title ?? fileTitle
        if title == nil {
            diagnostics.append(.error(
                "missing-key", at: lesson.location,
                "lesson '\(lesson.id)' has no `title` (neither in course.yaml nor in its file's front matter)",
                hint: "add `title: ...` to the lesson in course.yaml"))
        }
        return (content, title, diagnostics)
    }

    /// Renders every lesson's Markdown (bodies, quiz prompts, card faces) and assembles the catalog.
    private static func finish(_ prepared: [PreparedCourse], renderer: BodyRenderer) -> FinishedSection<CourseCatalog> {
        let jobs = prepared.indices.flatMap { course in prepared[course].lessons.indices.map { (course, $0) } }
        let rendered = Parallel.map(jobs) { job -> (Lesson, [(path: String, body: RenderedBody)]) in
            renderLesson(prepared[job.0].lessons[job.1], renderer: renderer)
        }
        var bodies: [(path: String, body: RenderedBody)] = []
        var lessons: [[Lesson]] = prepared.map { _ in [] }
        for (job, result) in zip(jobs, rendered) {
            lessons[job.0].append(result.0)
            bodies += result.1
        }
        var courses: [Course] = []
        for (index, course) in prepared.enumerated() {
            guard let spec = course.spec else { continue }
            let modules = spec.modules.map { module in
                CourseModule(id: module.id, title: module.title, description: module.description,
                             lessons: lessons[index].filter { $0.moduleID == module.id })
            }
            courses.append(Course(
                id: spec.id, source: spec.file, title: spec.title, description: spec.description,
                instructor: spec.instructor, difficulty: spec.difficulty, price: spec.price, currency: spec.currency,
                status: spec.status, image: spec.image, modules: modules, url: "/courses/\(spec.id)/"))
        }
        courses.sort { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
        return FinishedSection(section: CourseCatalog(courses: courses), bodies: bodies)
    }

    private static func renderLesson(_ prepared: PreparedLesson, renderer: BodyRenderer)
        -> (Lesson, [(path: String, body: RenderedBody)]) {
        let spec = prepared.spec
        var lesson = Lesson(id: spec.id, title: prepared.title, type: spec.type, durationMinutes: spec.durationMinutes,
                            moduleID: prepared.moduleID, url: prepared.url, source: spec.file, body: nil,
                            params: YAMLMap(), video: spec.video, quiz: nil, deck: nil)
        var bodies: [(path: String, body: RenderedBody)] = []
        guard let file = spec.file else { return (lesson, bodies) }
        switch prepared.content {
        case .none:
            break
        case .markdown(let parsed):
            let body = renderer.render(parsed.body, lineOffset: parsed.bodyLineOffset, file: file)
            lesson.body = body.document
            lesson.params = parsed.frontMatter?.params ?? YAMLMap()
            bodies.append((file.path, body))
        case .quiz(let quiz):
            let questions = quiz.questions.map { question -> QuizQuestion in
                let body = CourseYAML.render(question.prompt, node: question.promptNode, lines: quiz.lines, file: file,
                                             with: renderer)
                bodies.append((file.path, body))
                return QuizQuestion(id: question.id, kind: question.kind, promptHTML: body.document.html,
                                    promptInlineHTML: inlineHTML(body.document.html), choices: question.choices)
            }
            lesson.quiz = Quiz(passScore: quiz.passScore, questions: questions)
        case .deck(let deck):
            let cards = deck.cards.map { card -> Flashcard in
                let front = CourseYAML.render(card.front, node: card.frontNode, lines: deck.lines, file: file, with: renderer)
                let back = CourseYAML.render(card.back, node: card.backNode, lines: deck.lines, file: file, with: renderer)
                bodies += [(file.path, front), (file.path, back)]
                return Flashcard(id: card.id, frontHTML: front.document.html, frontInlineHTML: inlineHTML(front.document.html),
                                 backHTML: back.document.html)
            }
            lesson.deck = FlashcardDeck(cards: cards)
        }
        return (lesson, bodies)
    }

    /// `<p>text</p>` → `text`; nil when the HTML is not exactly one paragraph.
    static func inlineHTML(_ html: String) -> String? {
        var trimmed = Substring(html)
        while trimmed.last == "\n" { trimmed = trimmed.dropLast() }
        guard trimmed.hasPrefix("<p>"), trimmed.hasSuffix("</p>") else { return nil }
        let inner = trimmed.dropFirst(3).dropLast(4)
        guard !inner.contains("<p>"), !inner.contains("</p>") else { return nil }
        return String(inner)
    }
}
