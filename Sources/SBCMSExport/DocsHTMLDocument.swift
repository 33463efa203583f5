import SBCMSContent
import SBCMSCore

/// The whole documentation tree as one self-contained HTML5 file: a title page, a table of
/// contents nested like the tree, then every page once in reading order, each in
/// `<section id="doc-…">` with its title as a heading (h1 for the docs home and top-level pages,
/// one level deeper per level of the tree, at most h6) and its body below it.
struct DocsHTMLDocument {
    let graph: ContentGraph
    let images: ImageMode
    /// The export time, printed on the title page.
    let date: ContentDate

    /// The HTML and the number of images embedded in it.
    func render() throws -> (html: String, embeddedImages: Int) {
        let tree = graph.docs
        let config = graph.config
        let anchors = DocAnchors(tree: tree)
        let media = MediaEmbedder(media: graph.media)
        let rewriter = HTMLBodyRewriter(anchors: anchors, baseURL: config.baseURL, images: images, media: media)

        var html = ExportHTMLOpening.html(config: config, subtitle: "Documentation", date: date)
        if !tree.isEmpty { html += tableOfContents(tree.root, tree: tree, anchors: anchors) }
        html += "</nav>\n<main>\n"
        for index in tree.readingOrder {
            html += try section(index, tree: tree, anchors: anchors, rewriter: rewriter)
        }
        html += "</main>\n</body>\n</html>\n"
        return (html, media.embeddedCount)
    }

    /// `<ol>` of the page and, nested, its descendants.
    private func tableOfContents(_ index: Int, tree: DocTree, anchors: DocAnchors) -> String {
        let page = tree.pages[index]
        var html = "<ol>\n<li><a href=\"#\(anchors.ids[index] ?? "")\">\(HTMLText.escape(page.title))</a>"
        html += childEntries(index, tree: tree, anchors: anchors)
        return html + "</li>\n</ol>\n"
    }

    private func childEntries(_ index: Int, tree: DocTree, anchors: DocAnchors) -> String {
        let children = tree.pages[index].children
        guard !children.isEmpty else { return "" }
        var html = "\n<ol>\n"
        for child in children {
            html += "<li><a href=\"#\(anchors.ids[child] ?? "")\">\(HTMLText.escape(tree.pages[child].title))</a>"
            html += childEntries(child, tree: tree, anchors: anchors)
            html += "</li>\n"
        }
        return html + "</ol>\n"
    }

    private func section(_ index: Int, tree: DocTree, anchors: DocAnchors, rewriter: HTMLBodyRewriter) throws -> String {
        let page = tree.pages[index]
        let id = anchors.ids[index] ?? ""
        let depth = tree.ancestry(of: index).count - 1
        let level = min(max(depth, 1), 6)
        var html = "<section id=\"\(id)\" class=\"doc depth-\(depth)\(page.isGenerated ? " generated" : "")\""
        html += " data-url=\"\(HTMLText.escape(page.url))\">\n"
        html += "<h\(level) class=\"doc-title\">\(HTMLText.escape(page.title))</h\(level)>\n"
        if let description = page.description, !description.isEmpty {
            html += "<p class=\"doc-description\">\(HTMLText.escape(description))</p>\n"
        }
        if let body = page.body {
            html += try rewriter.rewrite(body.html, pageURL: page.url, sectionID: id, headingShift: level - 1)
            if !html.hasSuffix("\n") { html += "\n" }
        }
        if page.isGenerated, !page.children.isEmpty {
            html += "<ul class=\"doc-children\">\n"
            for child in page.children {
                let childPage = tree.pages[child]
                html += "<li><a href=\"#\(anchors.ids[child] ?? "")\">\(HTMLText.escape(childPage.title))</a>"
                if let description = childPage.description, !description.isEmpty {
                    html += " — \(HTMLText.escape(description))"
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }
}
