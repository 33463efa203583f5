internal import CCmarkGFM

/// A heading node found in the tree, with its plain text.
struct HeadingNode {
    var node: OpaquePointer
    var level: Int
    var text: String
}

/// One pass over a parsed tree: collects headings, plain text, the first paragraph and links
/// (rewriting their URLs in place), and the raw HTML nodes to drop.
struct DocumentWalk {
    private(set) var headings: [HeadingNode] = []
    private(set) var links: [MarkdownLink] = []
    private(set) var rawHTML: [OpaquePointer] = []
    private(set) var firstParagraph = ""

    private var plain = TextBuffer(collapsing: false)
    private var heading: (node: OpaquePointer, level: Int, text: TextBuffer)?
    private var paragraph: (node: OpaquePointer, text: TextBuffer)?
    private var foundParagraph = false
    private var imageDepth = 0
    private var locator: LinkLocator
    private let collectRawHTML: Bool

    /// The body as plain text: blocks on their own lines, table cells separated by spaces.
    var plainText: String { plain.string }
    /// Number of whitespace-separated words in the plain text.
    var wordCount: Int { TextBuffer.wordCount(plain.bytes) }

    init(source: SourceLines, collectRawHTML: Bool) {
        self.locator = LinkLocator(source: source)
        self.collectRawHTML = collectRawHTML
    }

    mutating func run(_ tree: CmarkTree, rewrite: (MarkdownLink) -> String?) {
        guard let iterator = cmark_iter_new(tree.root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            guard event != CMARK_EVENT_DONE, event != CMARK_EVENT_NONE else { break }
            guard let node = cmark_iter_get_node(iterator), node != tree.root else { continue }
            let entering = event == CMARK_EVENT_ENTER
            if Cmark.isBlock(node) {
                if entering {
                    enterBlock(node, root: tree.root)
                } else {
                    exitBlock(node)
                }
            } else {
                visitInline(node, entering: entering, rewrite: rewrite)
            }
        }
    }

    private mutating func enterBlock(_ node: OpaquePointer, root: OpaquePointer) {
        locator.enterBlock(node)
        plain.separate(Cmark.isTableCell(node) ? 0x20 : 0x0A)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            heading = (node, Int(cmark_node_get_heading_level(node)), TextBuffer(collapsing: false))
        case CMARK_NODE_PARAGRAPH:
            if !foundParagraph, cmark_node_parent(node) == root {
                paragraph = (node, TextBuffer(collapsing: true))
            }
        case CMARK_NODE_CODE_BLOCK:
            plain.appendTrimmingNewlines(Cmark.literalBytes(node))
            plain.separate(0x0A)
        case CMARK_NODE_HTML_BLOCK:
            if collectRawHTML { rawHTML.append(node) }
        default:
            break
        }
    }

    private mutating func exitBlock(_ node: OpaquePointer) {
        plain.separate(Cmark.isTableCell(node) ? 0x20 : 0x0A)
        if let current = heading, current.node == node {
            headings.append(HeadingNode(node: node, level: current.level, text: current.text.trimmedString))
            heading = nil
        }
        if let current = paragraph, current.node == node {
            if !current.text.isEmpty {
                firstParagraph = current.text.string
                foundParagraph = true
            }
            paragraph = nil
        }
    }

    private mutating func visitInline(_ node: OpaquePointer, entering: Bool, rewrite: (MarkdownLink) -> String?) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            appendText(Cmark.literalBytes(node))
            locator.noteInline(node, type: type)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            plain.separate(type == CMARK_NODE_LINEBREAK ? 0x0A : 0x20)
            heading?.text.separate(0x20)
            paragraph?.text.separate(0x20)
        case CMARK_NODE_HTML_INLINE:
            if collectRawHTML { rawHTML.append(node) }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let isImage = type == CMARK_NODE_IMAGE
            if entering {
                visitLink(node, isImage: isImage, rewrite: rewrite)
                if isImage { imageDepth += 1 }
            } else if isImage {
                imageDepth -= 1
            }
        default:
            if entering { locator.noteInline(node, type: type) }
        }
    }

    private mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
        plain.append(text)
        if imageDepth == 0 { heading?.text.append(text) }
        paragraph?.text.append(text)
    }

    private mutating func visitLink(_ node: OpaquePointer, isImage: Bool, rewrite: (MarkdownLink) -> String?) {
        let url = Cmark.url(node)
        let position = locator.locate(link: node, isImage: isImage, url: url)
        let link = MarkdownLink(destination: url, isImage: isImage, line: position.line, column: position.column)
        links.append(link)
        if let replacement = rewrite(link) {
            cmark_node_set_url(node, replacement)
        }
    }
}
