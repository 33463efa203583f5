import SBCMSCore
import SBCMSSource

/// The front matter of a portfolio project, read and checked, before its Markdown is rendered.
struct ProjectFrontMatter: Sendable {
    var title: String
    var slug: String
    /// Where the slug was written (nil when it comes from the file name), for duplicate reports.
    var slugLocation: SourceLocation?
    var description: String?
    var technologies: [String]
    var githubURL: String?
    var demoURL: String?
    var images: [ProjectImage]
    var featuredImage: String?
    var status: ProjectStatus
    var startDate: ContentDate?
    var completionDate: ContentDate?
    var featured: Bool
    var params: YAMLMap

    static let knownKeys: Set<String> = [
        "title", "slug", "description", "technologies", "github_url", "demo_url", "images", "featured_image",
        "status", "start_date", "completion_date", "featured",
    ]

    /// Slugs that would collide with the section's own pages.
    static let reservedSlugs: Set<String> = ["technologies"]

    /// Reads a project's front matter. Returns nil when something is missing or invalid.
    static func read(
        _ source: MarkdownSource, file: SourceFile, site: SiteConfig, filePaths: Set<String>
    ) -> (ProjectFrontMatter?, [Diagnostic]) {
        let location = SourceLocation(site: site.id, file: file.displayPath)
        let frontMatter = source.frontMatter
        var reader = FieldReader(map: frontMatter, location: location, mapLine: source.frontMatterLine,
                                 what: "front matter")
        let title = reader.string("title", required: true, example: "Tide tables app")
        let (slug, slugLocation) = readSlug(source, file: file, reader: &reader)
        let description = reader.string("description")
        let technologies = readTechnologies(frontMatter, reader: &reader)
        let githubURL = readURL("github_url", frontMatter, reader: &reader)
        let demoURL = readURL("demo_url", frontMatter, reader: &reader)
        let media = MediaPathChecker(filePath: file.path, filePaths: filePaths)
        let images = readImages(frontMatter, media: media, reader: &reader)
        let featuredImage = reader.string("featured_image").flatMap { path -> String? in
            guard let node = frontMatter["featured_image"] else { return nil }
            return media.check(path, at: reader.location(of: node), key: "featured_image", reader: &reader)
        }
        let status = reader.choice("status", in: ProjectStatus.allCases.map(\.rawValue))
            .flatMap(ProjectStatus.init(rawValue:)) ?? .completed
        let startDate = reader.date("start_date")
        let completionDate = reader.date("completion_date")
        if let startDate, let completionDate, completionDate < startDate, let node = frontMatter["completion_date"] {
            reader.report(.error(
                "completion-before-start", at: reader.location(of: node),
                "`completion_date` (\(completionDate.dayOrTimestamp)) is before `start_date` (\(startDate.dayOrTimestamp))",
                hint: "fix one of the two dates"))
        }
        if completionDate != nil, status == .planning, let node = frontMatter["completion_date"] {
            reader.report(.warning(
                "completion-date-while-planning", at: reader.location(of: node),
                "a project with `status: planning` has a `completion_date`",
                hint: "set `status: completed` or remove `completion_date`"))
        }
        let featured = reader.bool("featured") ?? false
        var params = YAMLMap()
        params.entries = reader.unknownEntries(known: knownKeys)
        guard let title, !reader.diagnostics.containsErrors else { return (nil, reader.diagnostics) }
        return (ProjectFrontMatter(
            title: title, slug: slug, slugLocation: slugLocation, description: description,
            technologies: technologies, githubURL: githubURL, demoURL: demoURL, images: images,
            featuredImage: featuredImage, status: status, startDate: startDate, completionDate: completionDate,
            featured: featured, params: params), reader.diagnostics)
    }

    /// `slug:` or the file name; either must be a valid slug and not a reserved one.
    private static func readSlug(
        _ source: MarkdownSource, file: SourceFile, reader: inout FieldReader
    ) -> (String, SourceLocation?) {
        let written = reader.string("slug")
        let node = source.frontMatter["slug"]
        let location = written != nil ? node.map(reader.location(of:)) : nil
        let slug = written ?? file.baseName
        let blame = location ?? reader.location.at(line: 1, column: 1)
        let suggestion = Slug.make(slug).isEmpty ? "my-project" : Slug.make(slug)
        if !Slug.isValid(slug) {
            let what = written != nil ? "slug '\(slug)'" : "the file name gives the slug '\(slug)', which"
            reader.report(.error("invalid-slug", at: blame, "\(what) is not valid in a URL",
                                 hint: written != nil ? "write `slug: \(suggestion)`"
                                     : "rename the file to `\(suggestion).md` or set `slug:`"))
        } else if reservedSlugs.contains(slug) {
            reader.report(.error("invalid-slug", at: blame,
                                 "the slug '\(slug)' is reserved: /portfolio/\(slug)/ lists the technologies",
                                 hint: "set another `slug:`, e.g. `slug: \(slug)-project`"))
        }
        return (slug, location)
    }

    /// A list of names; each must have letters or digits (its technology page needs a slug).
    private static func readTechnologies(_ frontMatter: YAMLMap, reader: inout FieldReader) -> [String] {
        let names = reader.stringList("technologies")
        var items: [YAMLNode] = []
        if let node = frontMatter["technologies"] {
            if case .list(let list) = node.value { items = list } else { items = [node] }
        }
        var seen: Set<String> = []
        var result: [String] = []
        for name in names {
            let slug = TechnologyTerm.slug(for: name)
            if slug.isEmpty {
                let node = items.first { $0.value.scalarText == name }
                reader.report(.error(
                    "invalid-value", at: node.map(reader.location(of:)) ?? reader.location.at(line: reader.mapLine, column: 1),
                    "technology '\(name)' has no letters or digits, so it cannot have a page",
                    hint: "write the technology's name, e.g. `Swift`"))
                continue
            }
            if seen.insert(slug).inserted { result.append(name) }
        }
        return result
    }

    /// An absolute http(s) URL.
    private static func readURL(_ key: String, _ frontMatter: YAMLMap, reader: inout FieldReader) -> String? {
        guard let url = reader.string(key, example: "https://example.com/"), let node = frontMatter[key] else { return nil }
        if isAbsoluteHTTP(url) { return url }
        reader.report(.error(
            "invalid-url", at: reader.location(of: node),
            "`\(key)` must be an absolute http:// or https:// URL, found '\(url)'",
            hint: "write the whole address, e.g. `\(key): https://example.com/`"))
        return nil
    }

    /// `https://host...` or `http://host...` with a host and no spaces.
    static func isAbsoluteHTTP(_ url: String) -> Bool {
        let rest: Substring
        if url.hasPrefix("https://") {
            rest = url.dropFirst(8)
        } else if url.hasPrefix("http://") {
            rest = url.dropFirst(7)
        } else {
            return false
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && !url.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline })
    }

    /// `images:` as a list of paths or `{ src, alt, caption }` maps (a single path is a list of one).
    private static func readImages(_ frontMatter: YAMLMap, media: MediaPathChecker, reader: inout FieldReader) -> [ProjectImage] {
        guard let node = frontMatter["images"], node.value != .null else { return [] }
        let items: [YAMLNode]
        switch node.value {
        case .list(let list): items = list
        case .string: items = [node]
        default:
            reader.report(.error("invalid-type", at: reader.location(of: node),
                                 "`images` must be a list of paths or `{ src, alt, caption }` maps, found \(node.value.typeDescription)",
                                 hint: "write `images: [media/one.png, media/two.png]`"))
            return []
        }
        var images: [ProjectImage] = []
        for item in items {
            switch item.value {
            case .string(let path):
                if path.isEmpty {
                    reader.report(.error("invalid-media-path", at: reader.location(of: item),
                                         "an item of `images` is empty",
                                         hint: "write the path of a file under media/, e.g. `- media/screenshot.png`"))
                } else if let checked = media.check(path, at: reader.location(of: item), key: "images", reader: &reader) {
                    images.append(ProjectImage(path: checked, alt: ProjectImage.alt(fromPath: checked), caption: nil))
                }
            case .map(let map):
                var itemReader = FieldReader(map: map, location: reader.location, mapLine: item.line, what: "an `images` entry")
                let src = itemReader.string("src")
                if src == nil, itemReader.diagnostics.isEmpty {
                    itemReader.report(.error("missing-key", at: reader.location(of: item),
                                             "an `images` entry has no `src`, which is required",
                                             hint: "write `- { src: media/screenshot.png, alt: The main screen }`"))
                }
                let alt = itemReader.string("alt")
                let caption = itemReader.string("caption")
                for entry in itemReader.unknownEntries(known: ["src", "alt", "caption"]) {
                    itemReader.report(.warning(
                        "unknown-key", at: reader.location.at(line: entry.keyLine, column: entry.keyColumn),
                        "an `images` entry has an unknown key `\(entry.key)`; it is ignored",
                        hint: "known keys: src, alt, caption"))
                }
                for diagnostic in itemReader.diagnostics { reader.report(diagnostic) }
                if let src, let srcNode = map["src"],
                   let checked = media.check(src, at: reader.location(of: srcNode), key: "images", reader: &reader) {
                    images.append(ProjectImage(path: checked, alt: alt ?? ProjectImage.alt(fromPath: checked), caption: caption))
                }
            default:
                reader.report(.error("invalid-type", at: reader.location(of: item),
                                     "items of `images` must be paths or `{ src, alt, caption }` maps, found \(item.value.typeDescription)",
                                     hint: "write `- media/screenshot.png` or `- { src: media/screenshot.png, alt: The main screen }`"))
            }
        }
        return images
    }
}
