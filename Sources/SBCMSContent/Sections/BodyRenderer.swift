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

    /// Renders `markdown`, which starts at line `lineOffset + 1` of `file`.
    func render(_ markdown: String, lineOffset: Int, file: SourceFile) -> RenderedBody {
        var diagnostics: [Diagnostic] = []
        var checks: [LinkResolver.AnchorCheck] = []
        var linked: [String] = []
        let fileLocation = SourceLocation(site: site.id, file: file.displayPath)
        if let (line, cells) = MarkdownLimits.widestTableLine(markdown), cells > MarkdownLimits.maxTableColumns {
            let diagnostic = Diagnostic.error(
                "table-too-wide", at: fileLocation.at(line: line + lineOffset, column: 1),
                "this line has \(cells) table cells; at most \(MarkdownLimits.maxTableColumns) are allowed",
                hint: "split the table; very wide tables make the Markdown parser slow for the whole farm")
            return RenderedBody(document: MarkdownRenderer().render(""), diagnostics: [diagnostic], anchorChecks: [],
                                linkedPages: [])
        }
        let document = renderer.render(markdown) { link in
            let location = fileLocation.at(line: link.line + lineOffset, column: link.column)
            switch resolver.resolve(link, fromPath: file.path, location: location) {
            case .keep:
                return nil
            case .rewrite(let url, let check, let page):
                if let check { checks.append(check) }
                if let page, !link.isImage { linked.append(page) }
                return url
            case .broken(let diagnostic):
                diagnostics.append(diagnostic)
                return nil
            }
        }
        return RenderedBody(document: document, diagnostics: diagnostics, anchorChecks: checks, linkedPages: linked)
    }
}
