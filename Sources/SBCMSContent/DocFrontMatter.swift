import SBCMSCore
import SBCMSSource

/// The front matter of a documentation page.
struct DocFrontMatter: Sendable {
    var title: String
    var slug: String?
    var order: Int?
    var description: String?
    var params: YAMLMap

    static let knownKeys: Set<String> = ["title", "slug", "order", "description"]

    static func read(_ source: MarkdownSource, file: SourceFile, site: SiteConfig) -> (DocFrontMatter?, [Diagnostic]) {
        let location = SourceLocation(site: site.id, file: file.displayPath)
        var reader = FieldReader(map: source.frontMatter, location: location, mapLine: source.frontMatterLine,
                                 what: "front matter")
        let title = reader.string("title", required: true, example: "Installation")
        let slug = reader.string("slug")
        if let slug, !Slug.isValid(slug), let node = source.frontMatter["slug"] {
            reader.report(.error("invalid-slug", at: reader.location(of: node), "slug '\(slug)' is not valid in a URL",
                                 hint: "use lowercase letters, digits and hyphens, e.g. `slug: \(Slug.make(slug).isEmpty ? "page" : Slug.make(slug))`"))
        }
        let order = reader.int("order", example: "1")
        let description = reader.string("description")
        var params = YAMLMap()
        params.entries = reader.unknownEntries(known: knownKeys)
        guard let title, !reader.diagnostics.containsErrors else { return (nil, reader.diagnostics) }
        return (DocFrontMatter(title: title, slug: slug, order: order, description: description, params: params),
                reader.diagnostics)
    }
}
