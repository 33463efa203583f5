import SBCMSCore
import SBCMSSource

/// A course.yaml after it was read and checked, before the lesson files are read.
struct CourseSpec: Sendable {
    var id: String
    var file: SourceFile
    var title: String
    var description: String
    var instructor: String?
    var difficulty: CourseDifficulty?
    var price: Double?
    var currency: String
    var status: CourseStatus
    var image: String?
    var modules: [ModuleSpec]
}

/// A module entry of course.yaml.
struct ModuleSpec: Sendable {
    var id: String
    var title: String
    var description: String?
    var lessons: [LessonSpec]
}

/// A lesson entry of course.yaml.
struct LessonSpec: Sendable {
    var id: String
    /// nil when course.yaml gives none: the Markdown file's front matter must.
    var title: String?
    /// The lesson entry's position, for problems that concern the whole entry.
    var location: SourceLocation
    var type: LessonType
    var file: SourceFile?
    var durationMinutes: Int?
    var video: LessonVideo?
}

/// Reads `courses/<id>/course.yaml`: every problem at the line and column of its key or value.
struct CourseFileReader {
    let site: SiteConfig
    /// Every file of the course folder, by site-relative path.
    let courseFiles: [String: SourceFile]
    /// Every file of the site (media checks).
    let filePaths: Set<String>
    /// Checks media paths against `filePaths`, relative to course.yaml.
    let media: MediaPathChecker

    init(site: SiteConfig, courseFiles: [String: SourceFile], filePaths: Set<String>, courseYAMLPath: String) {
        self.site = site
        self.courseFiles = courseFiles
        self.filePaths = filePaths
        media = MediaPathChecker(filePath: courseYAMLPath, filePaths: filePaths)
    }

    static let knownKeys: Set<String> = [
        "title", "description", "instructor", "difficulty", "price", "currency", "status", "image", "modules",
    ]
    static let moduleKeys: Set<String> = ["id", "title", "description", "lessons"]
    static let lessonKeys: Set<String> = ["id", "title", "type", "file", "duration", "video"]
    static let videoKeys: Set<String> = ["url", "poster", "transcript", "captions"]

    func read(_ file: SourceFile, id: String) -> (CourseSpec?, [Diagnostic]) {
        let (yaml, readDiagnostics) = CourseYAML.read(file, site: site, what: "course.yaml")
        guard let yaml else { return (nil, readDiagnostics) }
        let location = SourceLocation(site: site.id, file: file.displayPath)
        var reader = FieldReader(map: yaml.map, location: location, mapLine: 1, what: "course.yaml")
        if !Slug.isValid(id) {
            reader.report(.error("invalid-course-id", at: location.at(line: 1, column: 1),
                                 "the course folder name '\(id)' is not a valid slug; it becomes the course's URL",
                                 hint: "rename the folder to `courses/\(Slug.make(id).isEmpty ? "my-course" : Slug.make(id))/`"))
        }
        let title = reader.string("title", required: true, example: "Swift Basics")
        let description = reader.string("description") ?? ""
        let instructor = reader.string("instructor")
        let difficulty = reader.choice("difficulty", in: CourseDifficulty.allCases.map(\.rawValue))
            .flatMap(CourseDifficulty.init(rawValue:))
        let status = reader.choice("status", in: CourseStatus.allCases.map(\.rawValue))
            .flatMap(CourseStatus.init(rawValue:)) ?? .published
        let price = readPrice(&reader)
        var currency = "USD"
        if let text = reader.string("currency"), let node = yaml.map["currency"] {
            if text.count == 3, text.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                currency = text
            } else {
                reader.report(.error("invalid-value", at: reader.location(of: node),
                                     "`currency` must be a three-letter ISO 4217 code, found '\(text)'",
                                     hint: "write `currency: USD` or `currency: EUR`"))
            }
        }
        let image = reader.string("image").flatMap { path in
            media.check(path, node: yaml.map["image"], key: "image", reader: &reader)
        }.map { "/" + $0 }
        if yaml.map["modules"] == nil || yaml.map["modules"]?.value == .null {
            reader.report(.error("missing-key", at: location.at(line: 1, column: 1),
                                 "course.yaml has no `modules`, which is required",
                                 hint: "add `modules:` with at least one module and its `lessons:`"))
        }
        var modules: [ModuleSpec] = []
        var moduleIDs: [String: Int] = [:]
        var lessonIDs: [String: Int] = [:]
        var lessonFiles: [String: Int] = [:]
        for (map, node) in CourseYAML.maps("modules", in: &reader, example: "{ id: intro, title: Introduction, lessons: [...] }") {
            var moduleReader = FieldReader(map: map, location: location, mapLine: node.line, what: "module")
            if let module = readModule(&moduleReader, node: node, courseID: id, lessonIDs: &lessonIDs,
                                       lessonFiles: &lessonFiles) {
                if CourseYAML.claim(module.id, "module", map: map, node: node, seen: &moduleIDs, reader: &moduleReader,
                                    hint: "give every module of the course its own id") {
                    modules.append(module)
                }
            }
            for diagnostic in moduleReader.diagnostics { reader.report(diagnostic) }
        }
        CourseYAML.warnUnknown(&reader, known: Self.knownKeys)
        let diagnostics = readDiagnostics + reader.diagnostics
        guard let title, !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (CourseSpec(id: id, file: file, title: title, description: description, instructor: instructor,
                           difficulty: difficulty, price: price, currency: currency, status: status, image: image,
                           modules: modules), diagnostics)
    }

    private func readPrice(_ reader: inout FieldReader) -> Double? {
        guard let node = reader.map["price"], node.value != .null else { return nil }
        let price: Double
        switch node.value {
        case .int(let number): price = Double(number)
        case .double(let number): price = number
        default:
            reader.report(.error("invalid-type", at: reader.location(of: node),
                                 "`price` must be a number, found \(node.value.typeDescription)",
                                 hint: "write `price: 0` for a free course or e.g. `price: 49`"))
            return nil
        }
        guard price >= 0, price.isFinite else {
            reader.report(.error("invalid-value", at: reader.location(of: node),
                                 "`price` must not be negative, found \(node.value.scalarText ?? "")",
                                 hint: "write `price: 0` for a free course"))
            return nil
        }
        return price
    }

    private func readModule(_ reader: inout FieldReader, node: YAMLNode, courseID: String,
                            lessonIDs: inout [String: Int], lessonFiles: inout [String: Int]) -> ModuleSpec? {
        let id = CourseYAML.slug("id", in: &reader, at: node, example: "intro")
        let title = CourseYAML.required("title", in: &reader, at: node, example: "Introduction")
        let description = reader.string("description")
        if reader.map["lessons"] == nil {
            reader.report(.error("missing-key", at: reader.location(of: node),
                                 "module has no `lessons`, which is required",
                                 hint: "add `lessons:` with at least one lesson"))
        }
        var lessons: [LessonSpec] = []
        for (map, lessonNode) in CourseYAML.maps("lessons", in: &reader, example: "{ id: hello, title: Hello, type: text, file: lessons/hello.md }") {
            var lessonReader = FieldReader(map: map, location: reader.location, mapLine: lessonNode.line, what: "lesson")
            if let lesson = readLesson(&lessonReader, node: lessonNode, courseID: courseID) {
                if let line = lessonIDs[lesson.id], let idNode = map["id"] {
                    lessonReader.report(.error("duplicate-id", at: lessonReader.location(of: idNode),
                                               "lesson id '\(lesson.id)' is already used on line \(line) of this course",
                                               hint: "lesson ids must be unique within the course, across modules"))
                } else if let file = lesson.file, let line = lessonFiles[file.path], let fileNode = map["file"] {
                    lessonReader.report(.error("duplicate-lesson-file", at: lessonReader.location(of: fileNode),
                                               "\(file.path) is already the file of the lesson on line \(line)",
                                               hint: "every lesson has its own file; copy it if two lessons really share the text"))
                } else {
                    if let file = lesson.file { lessonFiles[file.path] = map["file"]?.line ?? lessonNode.line }
                    lessonIDs[lesson.id] = map["id"]?.line ?? lessonNode.line
                    lessons.append(lesson)
                }
            }
            for diagnostic in lessonReader.diagnostics { reader.report(diagnostic) }
        }
        CourseYAML.warnUnknown(&reader, known: Self.moduleKeys)
        guard let id, let title else { return nil }
        return ModuleSpec(id: id, title: title, description: description, lessons: lessons)
    }

    private func readLesson(_ reader: inout FieldReader, node: YAMLNode, courseID: String) -> LessonSpec? {
        let entryLocation = reader.location(of: node)
        let id = CourseYAML.slug("id", in: &reader, at: node, example: "hello")
        let title = reader.string("title")
        var type: LessonType?
        if reader.map["type"] == nil {
            reader.report(.error("missing-key", at: entryLocation, "lesson has no `type`, which is required",
                                 hint: "add `type: text` (text, video, quiz or flashcard)"))
        } else {
            type = reader.choice("type", in: LessonType.allCases.map(\.rawValue)).flatMap(LessonType.init(rawValue:))
        }
        let duration = CourseYAML.nonNegativeInt("duration", in: &reader, unit: "duration in minutes")
        var file: SourceFile?
        var fileFailed = false
        if let path = reader.string("file"), let fileNode = reader.map["file"] {
            file = lessonFile(path, node: fileNode, courseID: courseID, type: type, reader: &reader)
            fileFailed = file == nil
        }
        var video: LessonVideo?
        if type == .video {
            video = readVideo(&reader, entryLocation: entryLocation)
        } else if let videoNode = reader.map["video"], let type {
            reader.report(.warning("unknown-key", at: reader.location.at(line: reader.map.entry("video")?.keyLine ?? videoNode.line,
                                                                        column: reader.map.entry("video")?.keyColumn ?? videoNode.column),
                                   "`video` is ignored on a \(type.rawValue) lesson",
                                   hint: "set `type: video` or remove `video:`"))
        }
        if let type, type != .video, file == nil, !fileFailed, reader.map["file"] == nil {
            let example = type == .text ? "lessons/\(id ?? "lesson").md" : "lessons/\(id ?? "lesson").yaml"
            reader.report(.error("missing-key", at: entryLocation, "a \(type.rawValue) lesson needs a `file`",
                                 hint: "add `file: \(example)` (relative to the course folder)"))
        }
        CourseYAML.warnUnknown(&reader, known: Self.lessonKeys)
        guard let id, let type, !reader.diagnostics.containsErrors else { return nil }
        return LessonSpec(id: id, title: title, location: entryLocation, type: type, file: file,
                          durationMinutes: duration, video: video)
    }

    /// The lesson file named by `file:`, relative to the course folder; it must stay inside it.
    private func lessonFile(_ path: String, node: YAMLNode, courseID: String, type: LessonType?,
                            reader: inout FieldReader) -> SourceFile? {
        let location = reader.location(of: node)
        let folder = "courses/\(courseID)/"
        guard !path.hasPrefix("/"), let resolved = SitePath.resolve(path, from: folder + "course.yaml") else {
            reader.report(.error("path-outside-site", at: location, "`file` '\(path)' leaves the site folder",
                                 hint: "lesson files live in the course folder: write e.g. `file: lessons/intro.md`"))
            return nil
        }
        guard resolved.hasPrefix(folder) else {
            reader.report(.error("lesson-outside-course", at: location,
                                 "`file` '\(path)' points to \(resolved), outside the course folder \(folder)",
                                 hint: "move the file into \(folder) and write its path relative to it"))
            return nil
        }
        let isMarkdown = resolved.hasSuffix(".md")
        let isYAML = resolved.hasSuffix(".yaml") || resolved.hasSuffix(".yml")
        if let type {
            let expected = type == .text || type == .video ? isMarkdown : isYAML
            if !expected {
                reader.report(.error("invalid-lesson-file", at: location,
                                     "a \(type.rawValue) lesson's file must be \(type == .text || type == .video ? "Markdown (.md)" : "YAML (.yaml)"), found '\(path)'",
                                     hint: type == .text || type == .video ? "write the lesson in a .md file"
                                         : "write the \(type.rawValue) as a .yaml file"))
                return nil
            }
        }
        guard let file = courseFiles[resolved], filePaths.contains(resolved) else {
            reader.report(.error("missing-lesson-file", at: location, "`file` points to \(resolved), which does not exist",
                                 hint: "create the file or fix the path; it is relative to the course folder"))
            return nil
        }
        return file
    }

    private func readVideo(_ reader: inout FieldReader, entryLocation: SourceLocation) -> LessonVideo? {
        guard let map = reader.map("video") else {
            if reader.map["video"] == nil {
                reader.report(.error("missing-key", at: entryLocation, "a video lesson needs `video.url`",
                                     hint: "add `video: { url: \"https://example.com/lesson.mp4\" }`"))
            }
            return nil
        }
        let videoNode = reader.map["video"] ?? YAMLNode(.null, line: entryLocation.line, column: entryLocation.column)
        let videoLine = videoNode.line
        var videoReader = FieldReader(map: map, location: reader.location, mapLine: videoLine, what: "video")
        var video: LessonVideo?
        if let url = videoReader.string("url"), let node = map["url"] {
            if !Self.isHTTPURL(url) {
                videoReader.report(.error("invalid-value", at: videoReader.location(of: node),
                                          "`url` must be an absolute http(s) URL, found '\(url)'",
                                          hint: "write `url: \"https://videos.example.com/lesson.mp4\"`"))
            } else {
                switch VideoEmbed.embedURL(for: url) {
                case .file: video = LessonVideo(url: url)
                case .embed(let embed): video = LessonVideo(url: url, embedURL: embed)
                case .unrecognized(let host):
                    videoReader.report(.error("invalid-value", at: videoReader.location(of: node),
                                              "`url` is a \(host) address without a video id: '\(url)'",
                                              hint: "copy the video's own address, e.g. https://www.youtube.com/watch?v=<id>"))
                }
            }
        } else if map["url"] == nil {
            videoReader.report(.error("missing-key", at: reader.location(of: videoNode),
                                      "video has no `url`, which is required",
                                      hint: "add `url: \"https://example.com/lesson.mp4\"`"))
        }
        let poster = videoReader.string("poster").flatMap { path in
            media.check(path, node: map["poster"], key: "poster", reader: &videoReader)
        }
        let captions = videoReader.string("captions").flatMap { path in
            media.check(path, node: map["captions"], key: "captions", reader: &videoReader)
        }
        var transcript: String?
        if let path = videoReader.string("transcript") {
            if Self.isHTTPURL(path) {
                transcript = path
            } else {
                transcript = media.check(path, node: map["transcript"], key: "transcript", reader: &videoReader)
                    .map { "/" + $0 }
            }
        }
        CourseYAML.warnUnknown(&videoReader, known: Self.videoKeys)
        for diagnostic in videoReader.diagnostics { reader.report(diagnostic) }
        video?.poster = poster.map { "/" + $0 }
        video?.captions = captions.map { "/" + $0 }
        video?.transcript = transcript
        return video
    }

    /// An absolute `http://` or `https://` URL with a host and no spaces.
    static func isHTTPURL(_ text: String) -> Bool {
        guard let host = VideoEmbed.host(of: text) else { return false }
        return !host.isEmpty && !text.contains(" ")
    }
}
