import SBCMSCore
import SBCMSSource

/// The front matter of a blog post, read and checked, before its Markdown is rendered.
struct PostFrontMatter: Sendable {
    var title: String
    var slug: String
    var date: ContentDate
    var publishedAt: ContentDate
    var updated: ContentDate?
    var status: PostStatus
    var author: String?
    var categories: [String]
    var tags: [String]
    var excerpt: String?
    /// Site-relative path under media/ (`media/x.png`).
    var featuredImage: String?
    var seo: SEOSettings
    var seoImagePath: String?
    var params: YAMLMap

    static let knownKeys: Set<String> = [
        "title", "slug", "date", "published_at", "updated", "status", "author", "categories", "tags",
        "excerpt", "featured_image", "seo",
    ]

    /// Reads a post's front matter. The file name gives the slug and, with a `YYYY-MM-DD-`
    /// prefix, the date. Returns nil when a required value is missing or invalid.
    static func read(
        _ source: MarkdownSource, file: SourceFile, site: SiteConfig, filePaths: Set<String>
    ) -> (PostFrontMatter?, [Diagnostic]) {
        let location = SourceLocation(site: site.id, file: file.displayPath)
        var reader = FieldReader(map: source.frontMatter, location: location, mapLine: source.frontMatterLine,
                                 what: "front matter")
        let (fileDate, fileSlug) = splitFileName(file.baseName)
        let title = reader.string("title", required: true, example: "My post")
        let slugValue = reader.string("slug")
        let slug = slugValue ?? fileSlug
        if let slugValue, !Slug.isValid(slugValue), let node = source.frontMatter["slug"] {
            reader.report(.error("invalid-slug", at: reader.location(of: node),
                                 "slug '\(slugValue)' is not valid in a URL",
                                 hint: "use lowercase letters, digits and hyphens, e.g. `slug: \(Slug.make(slugValue).isEmpty ? "my-post" : Slug.make(slugValue))`"))
        } else if slugValue == nil, !Slug.isValid(slug) {
            reader.report(.error("invalid-slug", at: location.at(line: 1, column: 1),
                                 "the file name gives the slug '\(slug)', which is not valid in a URL",
                                 hint: "rename the file to `\(fileDate.map { $0.isoDay + "-" } ?? "")\(Slug.make(slug).isEmpty ? "my-post" : Slug.make(slug)).md` or set `slug:`"))
        }
        let explicitDate = reader.date("date")
        if explicitDate == nil, fileDate == nil, source.frontMatter["date"] == nil {
            reader.report(.error("missing-key", at: location.at(line: source.frontMatterLine, column: 1),
                                 "post has no date: the file name has no `YYYY-MM-DD-` prefix and there is no `date`",
                                 hint: "add `date: 2026-01-15` or rename the file to `2026-01-15-\(fileSlug).md`"))
        }
        let date = explicitDate ?? fileDate
        let publishedAt = reader.date("published_at") ?? date
        let updated = reader.date("updated")
        let status = reader.choice("status", in: PostStatus.allCases.map(\.rawValue)).flatMap(PostStatus.init(rawValue:)) ?? .published
        let author = reader.string("author") ?? site.author
        let categories = reader.stringList("categories")
        let tags = reader.stringList("tags")
        let excerpt = reader.string("excerpt")
        let media = MediaPathChecker(filePath: file.path, filePaths: filePaths)
        let featuredImage = reader.string("featured_image").flatMap { path in
            media.check(path, node: source.frontMatter["featured_image"], key: "featured_image", reader: &reader)
        }
        var seo = SEOSettings()
        var seoImagePath: String?
        if let seoMap = reader.map("seo") {
            var seoReader = FieldReader(map: seoMap, location: location,
                                        mapLine: source.frontMatter.entry("seo")?.keyLine ?? 1, what: "seo")
            seo.description = seoReader.string("description")
            seo.keywords = seoReader.stringList("keywords")
            seoImagePath = seoReader.string("image")
            seo.canonical = seoReader.string("canonical")
            seo.noindex = seoReader.bool("noindex") ?? false
            seo.twitterCard = seoReader.choice("twitter_card", in: ["summary", "summary_large_image"])
            for entry in seoReader.unknownEntries(known: ["description", "keywords", "image", "canonical", "noindex", "twitter_card"]) {
                seoReader.report(.warning("unknown-key", at: location.at(line: entry.keyLine, column: entry.keyColumn),
                                          "seo has an unknown key `\(entry.key)`; it is ignored",
                                          hint: "known keys: canonical, description, image, keywords, noindex, twitter_card"))
            }
            for diagnostic in seoReader.diagnostics { reader.report(diagnostic) }
        }
        if let path = seoImagePath, !isExternal(path) {
            let seoMap = source.frontMatter["seo"].flatMap { node -> YAMLMap? in
                if case .map(let map) = node.value { return map }
                return nil
            }
            seoImagePath = media.check(path, node: seoMap?["image"], key: "seo.image", reader: &reader)
        }
        var params = YAMLMap()
        params.entries = reader.unknownEntries(known: knownKeys)
        guard let title, let date, !reader.diagnostics.containsErrors else { return (nil, reader.diagnostics) }
        let frontMatter = PostFrontMatter(
            title: title, slug: slug, date: date, publishedAt: publishedAt ?? date, updated: updated, status: status,
            author: author, categories: categories, tags: tags, excerpt: excerpt, featuredImage: featuredImage,
            seo: seo, seoImagePath: seoImagePath, params: params)
        return (frontMatter, reader.diagnostics)
    }

    /// `2026-01-02-hello-world` → (2026-01-02, `hello-world`); `hello-world` → (nil, `hello-world`).
    static func splitFileName(_ baseName: String) -> (ContentDate?, String) {
        let utf8 = Array(baseName.utf8)
        guard utf8.count > 11, utf8[10] == 45, let date = ContentDate(iso: String(decoding: utf8[0..<10], as: UTF8.self))
        else { return (nil, baseName) }
        return (date, String(decoding: utf8[11...], as: UTF8.self))
    }

    static func isExternal(_ path: String) -> Bool {
        path.hasPrefix("http://") || path.hasPrefix("https://")
    }
}
