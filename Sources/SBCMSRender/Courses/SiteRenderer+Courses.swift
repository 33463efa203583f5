import SBCMSContent
import SBCMSCore

/// Courses: the catalog (`courses` layout), course pages (`course`) and lesson pages (`lesson`).
extension SiteRenderer {
    /// The section's files, in a stable order.
    func coursePlan() -> [RenderTask] {
        let courses = graph.courses.courses
        guard !courses.isEmpty else { return [] }
        var tasks: [CourseTask] = [.catalog]
        for (index, course) in courses.enumerated() {
            tasks.append(.course(index: index))
            tasks += (0..<course.lessonCount).map { CourseTask.lesson(course: index, lesson: $0) }
        }
        let api = APIWriter(renderer: self)
        tasks += (1...api.pageCount(courses.count)).map { CourseTask.apiList(page: $0) }
        tasks += courses.indices.map { CourseTask.apiCourse(index: $0) }
        return tasks.map(RenderTask.courses)
    }

    func renderCourses(_ task: CourseTask) -> OutputFile {
        switch task {
        case .catalog: return renderCourseCatalog()
        case .course(let index): return renderCourse(index)
        case .lesson(let course, let lesson): return renderLesson(course: course, lesson: lesson)
        case .apiList(let page): return APIWriter(renderer: self).courseList(page: page)
        case .apiCourse(let index): return APIWriter(renderer: self).courseFile(graph.courses.courses[index])
        }
    }

    /// The section's indexable pages: the catalog, and every published course and lesson.
    func courseSitemapEntries() -> [SitemapEntry] {
        let courses = graph.courses.courses
        guard !courses.isEmpty else { return [] }
        var entries = [SitemapEntry(url: "/courses/", lastModified: nil)]
        for course in courses where course.status != .draft {
            entries.append(SitemapEntry(url: course.url, lastModified: nil))
            entries += course.lessons.map { SitemapEntry(url: $0.url, lastModified: nil) }
        }
        return entries
    }

    /// The layouts the section needs when the site has such content.
    static func courseLayouts(for graph: ContentGraph) -> [String] {
        graph.courses.isEmpty ? [] : ["courses", "course", "lesson"]
    }

    // MARK: Pages

    private func renderCourseCatalog() -> OutputFile {
        let url = "/courses/"
        let courses = graph.courses.courses
        let info = pageInfo(kind: "courses", title: "Courses", url: url,
                            description: "\(courses.count) course\(courses.count == 1 ? "" : "s") on \(config.name)")
        let context = CoursePageContext(catalog: courses.map(courseSummary), current: nil, lesson: nil)
        var page = PageContext(site: siteContext(activeURL: url), page: info, seo: seo(for: info, jsonLD: catalogJSONLD()),
                               post: nil, list: nil, taxonomy: nil, doc: nil)
        page.course = context
        return self.page("courses", url: url, page)
    }

    private func renderCourse(_ index: Int) -> OutputFile {
        let course = graph.courses.courses[index]
        let description = course.description.isEmpty ? "\(course.title), a course on \(config.name)" : course.description
        let info = pageInfo(kind: "course", title: course.title, url: course.url, description: description)
        var seo = seo(for: info, jsonLD: courseJSONLD(course))
        seo.noindex = course.status == .draft
        seo.image = course.image.map(absolute)
        if seo.image != nil { seo.twitterCard = "summary_large_image" }
        var page = PageContext(site: siteContext(activeURL: course.url), page: info, seo: seo, post: nil, list: nil,
                               taxonomy: nil, doc: nil)
        page.course = CoursePageContext(catalog: [], current: courseDetail(course, currentLesson: nil), lesson: nil)
        return self.page("course", url: course.url, page)
    }

    private func renderLesson(course courseIndex: Int, lesson position: Int) -> OutputFile {
        let course = graph.courses.courses[courseIndex]
        let lessons = course.lessons
        let lesson = lessons[position]
        let detail = courseDetail(course, currentLesson: lesson.id)
        let items = detail.modules.flatMap(\.lessons)
        let module = detail.modules.first { $0.id == lesson.moduleID } ?? detail.modules[0]
        let fallback = "Lesson \(position + 1) of \(lessons.count) of \(course.title)"
        let firstParagraph = lesson.body.map { Self.truncated($0.firstParagraph) } ?? ""
        var info = pageInfo(kind: "lesson", title: lesson.title, url: lesson.url,
                            description: firstParagraph.isEmpty ? fallback : firstParagraph)
        if let body = lesson.body { setBody(body, on: &info) }
        if !lesson.params.entries.isEmpty { info.params = YAMLValueBridge.dictionary(lesson.params) }
        if let path = lesson.source?.path { setBacklinks(of: path, on: &info) }
        let lessonDetail = LessonDetail(
            item: items[position], position: position + 1, total: lessons.count, module: module,
            previous: position > 0 ? items[position - 1] : nil,
            next: position + 1 < items.count ? items[position + 1] : nil,
            isText: lesson.type == .text, isVideo: lesson.type == .video, isQuiz: lesson.type == .quiz,
            isFlashcard: lesson.type == .flashcard,
            video: lesson.video.map(videoContext), quiz: lesson.quiz.map { quizContext($0, course: course, lesson: lesson) },
            deck: lesson.deck.map(deckContext))
        var seo = seo(for: info, jsonLD: lessonJSONLD(lesson, position: position + 1, course: course))
        seo.ogType = lesson.type == .video ? "video.other" : "article"
        seo.noindex = course.status == .draft
        if let poster = lesson.video?.poster {
            seo.image = absolute(poster)
            seo.twitterCard = "summary_large_image"
        }
        var page = PageContext(site: siteContext(activeURL: lesson.url), page: info, seo: seo, post: nil, list: nil,
                               taxonomy: nil, doc: nil)
        page.course = CoursePageContext(catalog: [], current: detail, lesson: lessonDetail)
        return self.page("lesson", url: lesson.url, page)
    }

    // MARK: Context pieces

    func courseSummary(_ course: Course) -> CourseSummary {
        let minutes = course.durationMinutes
        let hasDurations = course.lessons.contains { $0.durationMinutes != nil }
        return CourseSummary(
            id: course.id, title: course.title, description: course.description, instructor: course.instructor,
            difficulty: course.difficulty?.rawValue, difficultyLabel: course.difficulty?.rawValue.capitalized,
            durationMinutes: minutes, durationText: hasDurations ? CourseFormatting.duration(minutes) : nil,
            durationISO: CourseFormatting.isoDuration(minutes), lessonCount: course.lessonCount,
            lessonCountText: course.lessonCount == 1 ? "1 lesson" : "\(course.lessonCount) lessons",
            moduleCount: course.modules.count, url: course.url, image: course.image,
            priceText: CourseFormatting.price(course), isFree: course.price == 0, isDraft: course.status == .draft)
    }

    private func courseDetail(_ course: Course, currentLesson: String?) -> CourseDetail {
        var position = 0
        let modules = course.modules.enumerated().map { number, module -> ModuleItem in
            let lessons = module.lessons.map { lesson -> LessonItem in
                position += 1
                return LessonItem(
                    id: lesson.id, title: lesson.title, type: lesson.type.rawValue,
                    typeLabel: CourseFormatting.typeLabel(lesson.type), url: lesson.url, position: position,
                    durationMinutes: lesson.durationMinutes, durationText: lesson.durationMinutes.map(CourseFormatting.duration),
                    isCurrent: lesson.id == currentLesson)
            }
            let timed = module.lessons.contains { $0.durationMinutes != nil }
            return ModuleItem(id: module.id, title: module.title, description: module.description, number: number + 1,
                              durationText: timed ? CourseFormatting.duration(module.durationMinutes) : nil,
                              lessons: lessons, isCurrent: lessons.contains(where: \.isCurrent))
        }
        return CourseDetail(summary: courseSummary(course), modules: modules,
                            firstLesson: modules.lazy.flatMap(\.lessons).first)
    }

    private func videoContext(_ video: LessonVideo) -> VideoContext {
        VideoContext(url: video.url, embedURL: video.embedURL, isEmbed: video.embedURL != nil, poster: video.poster,
                     transcript: video.transcript, captions: video.captions,
                     mimeType: CourseFormatting.videoMIMEType(video.url))
    }

    private func quizContext(_ quiz: Quiz, course: Course, lesson: Lesson) -> QuizContext {
        let questions = quiz.questions.enumerated().map { number, question in
            QuestionContext(
                id: question.id, number: number + 1, kind: question.kind.rawValue,
                isMultiple: question.kind == .multiple, inputType: question.kind == .multiple ? "checkbox" : "radio",
                fieldName: question.id, promptHTML: question.promptHTML, promptInlineHTML: question.promptInlineHTML,
                promptID: "quiz-\(question.id)-prompt",
                choices: question.choices.enumerated().map { index, text in
                    ChoiceContext(index: index, text: text, inputID: "quiz-\(question.id)-\(index)")
                })
        }
        return QuizContext(action: CourseFormatting.quizAction(course: course, lesson: lesson), passScore: quiz.passScore,
                           questionCount: questions.count, questions: questions)
    }

    private func deckContext(_ deck: FlashcardDeck) -> DeckContext {
        DeckContext(count: deck.cards.count, cards: deck.cards.enumerated().map { number, card in
            CardContext(id: card.id, number: number + 1, frontHTML: card.frontHTML, frontInlineHTML: card.frontInlineHTML,
                        backHTML: card.backHTML)
        })
    }
}
