import SBCMSCore

/// A page's Markdown body: its text, or only its digest when the file was not read because
/// its split came from a `MarkdownSplitCache` (`BodyRenderer` reads it when it must render).
struct MarkdownBody: Sendable {
    /// The body text; nil when the file was not read.
    var text: String?
    /// SHA-256 of the text, when known.
    var digest: [UInt8]?

    init(text: String, digest: [UInt8]? = nil) {
        self.text = text
        self.digest = digest
    }

    init(unreadWithDigest digest: [UInt8]) {
        self.text = nil
        self.digest = digest
    }

    /// SHA-256 of a body text.
    static func digest(of text: String) -> [UInt8] {
        var hasher = SHA256()
        var text = text
        text.withUTF8 { hasher.update($0) }
        return hasher.finalize()
    }
}
