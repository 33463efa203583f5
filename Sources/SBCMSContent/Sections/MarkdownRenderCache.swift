import SBCMSCore
import SBCMSMarkdown

/// A rendered Markdown body as the render cache keeps it: the document and, for every link the
/// renderer met (in order), what the link rewriter answered (nil: kept as written).
public struct CachedMarkdown: Sendable {
    public struct Link: Sendable, Hashable {
        public var link: MarkdownLink
        public var output: String?

        public init(link: MarkdownLink, output: String?) {
            self.link = link
            self.output = output
        }
    }

    public var document: MarkdownDocument
    public var links: [Link]

    public init(document: MarkdownDocument, links: [Link]) {
        self.document = document
        self.links = links
    }

    /// The identity of the document rendered from the body with cache key `key` when the link
    /// rewriter answered `links` (in order).
    public static func identity(key: String, links: [Link]) -> DocumentIdentity {
        DocumentIdentity(key: key, linkOutputs: links.map(\.output))
    }

    /// Bump when sbcms's renderer can give other output for the same text (cmark-gfm options,
    /// heading ids, text extraction, sanitizer — any change in SBCMSMarkdown): every cached
    /// entry then misses.
    public static let rendererVersion = 1

    /// The cache key of a body: SHA-256 of the raw-HTML option, the renderer version, the
    /// cmark-gfm version and the SHA-256 of the text (`MarkdownFileSplit.bodyDigest`).
    public static func key(bodyDigest: [UInt8], allowRawHTML: Bool) -> String {
        var hasher = SHA256()
        hasher.update("sbcms-markdown-\(rendererVersion)-\(MarkdownRenderer.engineVersion)-\(allowRawHTML ? 1 : 0)")
        hasher.update(bodyDigest)
        return SHA256.hex(hasher.finalize())
    }

    /// The cache key of the body `markdown`.
    public static func key(markdown: String, allowRawHTML: Bool) -> String {
        key(bodyDigest: MarkdownBody.digest(of: markdown), allowRawHTML: allowRawHTML)
    }
}

/// Where rendered Markdown bodies are kept between builds, shared by every site of a farm.
/// Implementations must be safe to call from many threads; a missing or unreadable entry is nil.
public protocol MarkdownRenderCache: Sendable {
    func load(key: String) -> CachedMarkdown?
    func store(_ entry: CachedMarkdown, key: String)
}
