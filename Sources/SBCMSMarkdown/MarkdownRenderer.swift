internal import CCmarkGFM

/// Renders Markdown bodies to HTML with cmark-gfm (tables, strikethrough, autolinks, tag filter,
/// task lists, footnotes), and extracts headings, table of contents, text and links.
/// Safe to use from many threads at once.
public struct MarkdownRenderer: Sendable {
    public var options: MarkdownOptions

    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// The cmark-gfm library version, part of render cache keys (an upgrade may change output).
    public static let engineVersion: String = String(cString: cmark_version_string())

    /// True when rendering `markdown` parses it while no other such parse runs in the process
    /// (a body with `~`, see `CmarkTree`): a scheduler can run other bodies meanwhile.
    public static func parseIsSerialized(_ markdown: String) -> Bool {
        var markdown = markdown
        return markdown.withUTF8(CmarkTree.parseIsSerialized)
    }

    /// True while a serialized parse runs: one that starts now would wait for it.
    public static var serializedParseIsRunning: Bool { CmarkTree.serializedParseIsRunning }

    /// Renders one Markdown body.
    ///
    /// - Parameter rewrite: called for every link and image in document order (with its original
    ///   destination and position); a non-nil result replaces the destination in the HTML.
    public func render(_ markdown: String, rewrite: (MarkdownLink) -> String? = { _ in nil }) -> MarkdownDocument {
        var bytes = Array(markdown.utf8)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
        }
        var cmarkOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if options.allowRawHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        guard let tree = CmarkTree(bytes: bytes, options: cmarkOptions) else {
            return MarkdownDocument(html: "", headings: [], toc: [], firstParagraph: "",
                                    wordCount: 0, links: [])
        }

        var walk = DocumentWalk(source: SourceLines(bytes: bytes), collectRawHTML: !options.allowRawHTML)
        walk.run(tree, rewrite: rewrite)
        for node in walk.rawHTML { tree.detachRawHTML(node) }

        var slugger = HeadingSlugger()
        var headings: [MarkdownHeading] = []
        headings.reserveCapacity(walk.headings.count)
        for heading in walk.headings {
            let id = slugger.slug(heading.text)
            HeadingAnchors.install(on: heading, id: id, in: tree)
            headings.append(MarkdownHeading(level: heading.level, id: id, text: heading.text))
        }

        var html = tree.renderHTML(options: cmarkOptions)
        if options.allowRawHTML { html = HTMLSanitizer.sanitize(html) }
        return MarkdownDocument(html: html, headings: headings, toc: TableOfContents.build(from: headings),
                                firstParagraph: walk.firstParagraph, wordCount: walk.wordCount, links: walk.links)
    }
}
