import SBCMSCore
import SBCMSSource

/// The optional front matter of a lesson's Markdown file: `title` (used when course.yaml gives
/// none); every other key is kept for layouts as `page.params`.
struct LessonFrontMatter: Sendable {
    var title: String?
    var params: YAMLMap

    static func read(_ source: MarkdownSource, file: SourceFile, site: SiteConfig) -> (LessonFrontMatter?, [Diagnostic]) {
        let location = SourceLocation(site: site.id, file: file.displayPath)
        var reader = FieldReader(map: source.frontMatter, location: location, mapLine: source.frontMatterLine,
                                 what: "front matter")
        let title = reader.string("title")
        var params = YAMLMap()
        params.entries = reader.unknownEntries(known: ["title"])
        guard !reader.diagnostics.containsErrors else { return (nil, reader.diagnostics) }
        return (LessonFrontMatter(title: title, params: params), reader.diagnostics)
    }
}
