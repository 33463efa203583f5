import SBCMSContent

/// JSON-LD of the courses section: `ItemList` on the catalog, `Course` on course pages,
/// `LearningResource` on lessons.
extension SiteRenderer {
    func catalogJSONLD() -> String {
        let items = graph.courses.courses.enumerated().map { index, course in
            "{\"@type\":\"ListItem\",\"position\":\(index + 1),\"url\":\(script(absolute(course.url))),\"name\":\(script(course.title))}"
        }
        return "{\"@context\":\"https://schema.org\",\"@type\":\"ItemList\",\"name\":\(script("Courses · " + config.name)),"
            + "\"itemListElement\":[\(items.joined(separator: ","))]}"
    }

    func courseJSONLD(_ course: Course) -> String {
        let duration = script(CourseFormatting.isoDuration(course.durationMinutes))
        var fields = [
            "\"@context\":\"https://schema.org\"", "\"@type\":\"Course\"",
            "\"name\":\(script(course.title))",
            "\"description\":\(script(course.description.isEmpty ? course.title : course.description))",
            "\"url\":\(script(absolute(course.url)))",
            "\"courseCode\":\(script(course.id))",
            "\"inLanguage\":\(script(config.language))",
            "\"provider\":{\"@type\":\"Organization\",\"name\":\(script(config.name)),\"sameAs\":\(script(config.baseURL))}",
            "\"timeRequired\":\(duration)",
            "\"numberOfLessons\":\(course.lessonCount)",
        ]
        if let instructor = course.instructor {
            fields.append("\"instructor\":{\"@type\":\"Person\",\"name\":\(script(instructor))}")
        }
        if let difficulty = course.difficulty {
            fields.append("\"educationalLevel\":\(script(difficulty.rawValue.capitalized))")
        }
        if let image = course.image { fields.append("\"image\":\(script(absolute(image)))") }
        var instance = "{\"@type\":\"CourseInstance\",\"courseMode\":\"online\",\"courseWorkload\":\(duration)"
        if let instructor = course.instructor {
            instance += ",\"instructor\":{\"@type\":\"Person\",\"name\":\(script(instructor))}"
        }
        fields.append("\"hasCourseInstance\":[\(instance)}]")
        if let price = course.price {
            fields.append("\"offers\":[{\"@type\":\"Offer\",\"category\":\(script(price == 0 ? "Free" : "Paid")),"
                + "\"price\":\(script(CourseFormatting.amount(price))),\"priceCurrency\":\(script(course.currency))}]")
        }
        let sections = course.modules.map { module in
            "{\"@type\":\"Syllabus\",\"name\":\(script(module.title)),"
                + "\"timeRequired\":\(script(CourseFormatting.isoDuration(module.durationMinutes)))"
                + (module.description.map { ",\"description\":\(script($0))" } ?? "") + "}"
        }
        fields.append("\"syllabusSections\":[\(sections.joined(separator: ","))]")
        return "{" + fields.joined(separator: ",") + "}"
    }

    func lessonJSONLD(_ lesson: Lesson, position: Int, course: Course) -> String {
        var fields = [
            "\"@context\":\"https://schema.org\"", "\"@type\":\"LearningResource\"",
            "\"name\":\(script(lesson.title))",
            "\"url\":\(script(absolute(lesson.url)))",
            "\"learningResourceType\":\(script(CourseFormatting.resourceType(lesson.type)))",
            "\"position\":\(position)",
            "\"inLanguage\":\(script(config.language))",
            "\"isPartOf\":{\"@type\":\"Course\",\"name\":\(script(course.title)),\"url\":\(script(absolute(course.url)))}",
        ]
        if let minutes = lesson.durationMinutes {
            fields.append("\"timeRequired\":\(script(CourseFormatting.isoDuration(minutes)))")
        }
        if let difficulty = course.difficulty {
            fields.append("\"educationalLevel\":\(script(difficulty.rawValue.capitalized))")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
