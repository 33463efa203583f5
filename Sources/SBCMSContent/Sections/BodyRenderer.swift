import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// A page body after rendering: the document, its problems, the anchors to check once every
/// page is known, and the pages it links to (site-relative source paths, for backlinks).
struct RenderedBody: Sendable {
    var document: MarkdownDocument
    var diagnostics: [Diagnostic]
    var anchorChecks: [LinkResolver.AnchorCheck]
    var linkedPages: [String]
}

/// Renders Markdown bodies of one site with cmark-gfm, resolving relative links against every
/// page of the site and reporting broken ones at their line and column.
struct BodyRenderer: Sendable {
    let renderer: MarkdownRenderer
    let resolver: LinkResolver
    let site: SiteConfig
    /// Rendered bodies kept between builds and shared by every site (nil: always render).
    var cache: (any MarkdownRenderCache)? = nil

    /// Renders `markdown`, which starts at line `lineOffset + 1` of `file`.
    func render(_ markdown: String, lineOffset: Int, file: SourceFile) -> RenderedBody {
        var diagnostics: [Diagnostic] = []
        var checks: [LinkResolver.AnchorCheck] = []
        var linked: [String] = []
        let fileLocation = SourceLocation(site: site.id, file: file.displayPath)
        let key = cache.map { _ in CachedMarkdown.key(markdown: markdown, allowRawHTML: renderer.options.allowRawHTML) }
        if let cache, let key, let entry = cache.load(key: key) {
            // cmark-gfm's output depends only on the text and on what the rewriter answers for
            // each link: when every link resolves as it did, the cached document is exact.
            var reused = true
            for recorded in entry.links {
                let location = fileLocation.at(line: recorded.link.line + lineOffset, column: recorded.link.column)
                switch resolver.resolve(recorded.link, fromPath: file.path, location: location) {
                case .keep:
                    reused = recorded.output == nil
                case .rewrite(let url, let check, let page):
                    reused = recorded.output == url
                    if let check { checks.append(check) }
                    if let page, !recorded.link.isImage { linked.append(page) }
                case .broken:
                    reused = false
                }
                if !reused { break }
            }
            if reused {
                return RenderedBody(document: entry.document, diagnostics: [], anchorChecks: checks, linkedPages: linked)
            }
            checks = []
            linked = []
        }
        // Only bodies that passed this check are cached, so a cache hit skips it.
        if let (line, cells) = MarkdownLimits.widestTableLine(markdown), cells > MarkdownLimits.maxTableColumns {
            let diagnostic = Diagnostic.error(
                "table-too-wide", at: fileLocation.at(line: line + lineOffset, column: 1),
                "this line has \(cells) table cells; at most \(MarkdownLimits.maxTableColumns) are allowed",
                hint: "split the table; very wide tables make the Markdown parser slow for the whole farm")
            return RenderedBody(document: MarkdownRenderer().render(""), diagnostics: [diagnostic], anchorChecks: [],
                                linkedPages: [])
        }
        var recordedLinks: [CachedMarkdown.Link] = []
        let document = renderer.render(markdown) { link in
            let location = fileLocation.at(line: link.line + lineOffset, column: link.column)
            let output: String?
            switch resolver.resolve(link, fromPath: file.path, location: location) {
            case .keep:
                output = nil
            case .rewrite(let url, let check, let page):
                if let check { checks.append(check) }
                if let page, !link.isImage { linked.append(page) }
                output = url
            case .broken(let diagnostic):
                diagnostics.append(diagnostic)
                output = nil
            }
            recordedLinks.append(CachedMarkdown.Link(link: link, output: output))
            return output
        }
        if let cache, let key, diagnostics.isEmpty {
            cache.store(CachedMarkdown(document: document, links: recordedLinks), key: key)
        }
        return RenderedBody(document: document, diagnostics: diagnostics, anchorChecks: checks, linkedPages: linked)
    }
}
