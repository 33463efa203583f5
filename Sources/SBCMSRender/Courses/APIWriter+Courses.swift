import SBCMSContent

/// Courses in the API: `/api/v1/courses.json` (paginated summaries) and
/// `/api/v1/courses/<id>.json` (a course with its modules and lessons). Quizzes carry their
/// questions and choices, never answers or explanations.
extension APIWriter {
    func courseList(page: Int) -> OutputFile {
        let courses = graph.courses.courses
        return listPage("courses", page: page, total: courses.count) { range in
            courses[range].map { .object(courseFields($0)) }
        }
    }

    func courseFile(_ course: Course) -> OutputFile {
        let url = APIPaths.item("courses", course.id)
        var position = 0
        let modules = course.modules.map { module -> JSONValue in
            .object([
                ("id", .string(module.id)),
                ("title", .string(module.title)),
                ("description", .optional(module.description)),
                ("duration_minutes", .int(module.durationMinutes)),
                ("lessons", .array(module.lessons.map { lesson in
                    position += 1
                    return lessonJSON(lesson, position: position, course: course)
                })),
            ])
        }
        let data = JSONValue.object(courseFields(course) + [("modules", .array(modules))])
        return OutputFile(path: APIPaths.outputPath(url), content: .text(document(data, selfURL: url)))
    }

    private func courseFields(_ course: Course) -> [(String, JSONValue)] {
        [
            ("id", .string(course.id)),
            ("title", .string(course.title)),
            ("description", .string(course.description)),
            ("instructor", .optional(course.instructor)),
            ("difficulty", .optional(course.difficulty?.rawValue)),
            ("duration_minutes", .int(course.durationMinutes)),
            ("duration", .string(CourseFormatting.isoDuration(course.durationMinutes))),
            ("module_count", .int(course.modules.count)),
            ("lesson_count", .int(course.lessonCount)),
            ("price", course.price.map { $0 == $0.rounded() && abs($0) < 1e15 ? .int(Int($0)) : .double($0) } ?? .null),
            ("currency", course.price == nil ? .null : .string(course.currency)),
            ("status", .string(course.status.rawValue)),
            ("image", .optional(course.image)),
            ("url", .string(course.url)),
            ("permalink", .string(renderer.absolute(course.url))),
            ("api_url", .string(renderer.absolute(APIPaths.item("courses", course.id)))),
        ]
    }

    private func lessonJSON(_ lesson: Lesson, position: Int, course: Course) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(lesson.id)),
            ("title", .string(lesson.title)),
            ("type", .string(lesson.type.rawValue)),
            ("position", .int(position)),
            ("duration_minutes", lesson.durationMinutes.map(JSONValue.int) ?? .null),
            ("url", .string(lesson.url)),
            ("permalink", .string(renderer.absolute(lesson.url))),
        ]
        if lesson.type == .text || lesson.body != nil {
            fields.append(("content_html", lesson.body.map { .html(BodyHTML($0)) } ?? .null))
        }
        if let video = lesson.video {
            fields.append(("video", .object([
                ("url", .string(video.url)),
                ("embed_url", .optional(video.embedURL)),
                ("poster", .optional(video.poster)),
                ("transcript", .optional(video.transcript)),
                ("captions", .optional(video.captions)),
            ])))
        }
        if let quiz = lesson.quiz {
            let questions = quiz.questions.map { question in
                JSONValue.object([
                    ("id", .string(question.id)),
                    ("kind", .string(question.kind.rawValue)),
                    ("prompt_html", .string(question.promptHTML)),
                    ("choices", .array(question.choices.map(JSONValue.string))),
                ])
            }
            fields.append(("quiz", .object([
                ("pass_score", .int(quiz.passScore)),
                ("question_count", .int(questions.count)),
                ("submit_url", .string(CourseFormatting.quizAction(course: course, lesson: lesson))),
                ("questions", .array(questions)),
            ])))
        }
        if let deck = lesson.deck {
            let cards = deck.cards.map { card in
                JSONValue.object([("id", .string(card.id)), ("front_html", .string(card.frontHTML)),
                                  ("back_html", .string(card.backHTML))])
            }
            fields.append(("flashcards", .object([("card_count", .int(cards.count)), ("cards", .array(cards))])))
        }
        return .object(fields)
    }
}
