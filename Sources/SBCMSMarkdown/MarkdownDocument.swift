import SBCMSCore

/// Options for turning one Markdown body into HTML.
public struct MarkdownOptions: Sendable, Hashable {
    /// When false (the default) raw HTML in Markdown is dropped; when true it is kept and then
    /// cleaned by `HTMLSanitizer` (allowlist; no script/style, no on* attributes, no javascript: URLs).
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }
}

/// A heading of a rendered page, with its unique GitHub-style id.
public struct MarkdownHeading: Sendable, Hashable, Codable {
    public var level: Int
    public var id: String
    /// The heading's plain text.
    public var text: String

    public init(level: Int, id: String, text: String) {
        self.level = level
        self.id = id
        self.text = text
    }
}

/// One entry of a page's table of contents (h2 to h4), nested by level.
public struct TOCEntry: Sendable, Hashable, Codable {
    public var level: Int
    public var id: String
    public var text: String
    public var children: [TOCEntry]

    public init(level: Int, id: String, text: String, children: [TOCEntry] = []) {
        self.level = level
        self.id = id
        self.text = text
        self.children = children
    }
}

/// A link or image destination found in Markdown, with its position in the body text
/// (1-based line and column of the `[` or `![` that starts it, relative to the body).
public struct MarkdownLink: Sendable, Hashable {
    public var destination: String
    public var isImage: Bool
    public var line: Int
    public var column: Int

    public init(destination: String, isImage: Bool, line: Int, column: Int) {
        self.destination = destination
        self.isImage = isImage
        self.line = line
        self.column = column
    }
}

/// The result of rendering one Markdown body.
public struct MarkdownDocument: Sendable {
    /// The body as HTML: headings carry ids and anchor links, code blocks keep `language-x`.
    public var html: String {
        get { storedHTML.string }
        set { storedHTML = DocumentHTML(newValue) }
    }
    /// The HTML as stored: a string, or cached bytes decoded when read (`DocumentHTML`).
    public var storedHTML: DocumentHTML
    /// Every heading (h1 to h6) in document order, with unique ids.
    public var headings: [MarkdownHeading]
    /// The table of contents: h2 to h4, nested.
    public var toc: [TOCEntry]
    /// The first paragraph as plain text (empty when the body has no paragraph).
    public var firstParagraph: String
    /// Number of words in the body's plain text (no markup; code blocks count).
    public var wordCount: Int
    /// Every link and image destination in document order, before rewriting.
    public var links: [MarkdownLink]
    /// Names this exact document (nil when nothing names it): equal identities, equal
    /// documents. Set by the content stage, so page fingerprints need not hash the HTML.
    public var identity: DocumentIdentity?

    public init(html: String, headings: [MarkdownHeading], toc: [TOCEntry], firstParagraph: String,
                wordCount: Int, links: [MarkdownLink]) {
        self.init(storedHTML: DocumentHTML(html), headings: headings, toc: toc, firstParagraph: firstParagraph,
                  wordCount: wordCount, links: links)
    }

    public init(storedHTML: DocumentHTML, headings: [MarkdownHeading], toc: [TOCEntry], firstParagraph: String,
                wordCount: Int, links: [MarkdownLink]) {
        self.storedHTML = storedHTML
        self.headings = headings
        self.toc = toc
        self.firstParagraph = firstParagraph
        self.wordCount = wordCount
        self.links = links
    }
}

/// What a rendered document is a function of: the render cache key of its text (text digest,
/// options, renderer and cmark-gfm versions) and what the link rewriter answered for each of its
/// links, in order (nil: kept as written). That is all cmark-gfm's output depends on, which is
/// what lets the render cache reuse a document.
public struct DocumentIdentity: Sendable, Hashable {
    public var key: String
    public var linkOutputs: [String?]

    public init(key: String, linkOutputs: [String?]) {
        self.key = key
        self.linkOutputs = linkOutputs
    }
}
