import SBCMSMarkdown
import SBCMSTemplate

/// A page's rendered Markdown body as layouts read it (`{{{page.content}}}`: the HTML), with
/// the identity of the document when the content stage gave it one. A page fingerprint then
/// takes the identity (a cache key and the link rewrites) instead of every byte of the HTML.
public struct BodyHTML: Sendable {
    /// The HTML as the document holds it (decoded from the render cache only when read).
    public var stored: DocumentHTML
    /// The HTML as a string (cached bytes are decoded on every read).
    public var html: String { stored.string }
    /// `MarkdownDocument.identity`; nil for text that nothing names.
    public var identity: DocumentIdentity?

    /// No body (generated pages).
    public init() {
        stored = DocumentHTML("")
        identity = nil
    }

    public init(_ document: MarkdownDocument) {
        stored = document.storedHTML
        identity = document.identity
    }
}

extension BodyHTML: TemplateConvertible {
    public var templateValue: TemplateValue? { .string(html) }
}

extension BodyHTML: ContextFingerprinting {
    public func fingerprint(into hasher: inout FingerprintHasher) {
        guard let identity else {
            hasher.addString(html)
            return
        }
        hasher.begin("DocumentIdentity")
        hasher.add("key", identity.key)
        hasher.add("linkOutputs", identity.linkOutputs)
        hasher.end()
    }
}
