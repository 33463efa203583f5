import SBCMSMarkdown
import SBCMSTemplate

/// A page's rendered Markdown body as layouts read it (`{{{page.content}}}`: the HTML), with
/// the digest that names the document when the content stage gave it one. A page fingerprint
/// then takes the 32-byte digest instead of hashing every byte of the HTML again.
public struct BodyHTML: Sendable {
    public var html: String
    /// `MarkdownDocument.contentDigest`; nil for text that no digest names.
    public var digest: [UInt8]?

    /// No body (generated pages).
    public init() {
        html = ""
        digest = nil
    }

    public init(_ document: MarkdownDocument) {
        html = document.html
        digest = document.contentDigest
    }
}

extension BodyHTML: TemplateConvertible {
    public var templateValue: TemplateValue? { .string(html) }
}

extension BodyHTML: ContextFingerprinting {
    public func fingerprint(into hasher: inout FingerprintHasher) {
        if let digest {
            hasher.addDigest(digest)
        } else {
            hasher.addString(html)
        }
    }
}
