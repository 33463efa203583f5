import SBCMSCore
import SBCMSSource

/// What splitting a page's Markdown file gave: its front matter, where its body starts, and
/// the SHA-256 of its body. A `MarkdownSplitCache` keeps it between builds, so an unchanged
/// file is neither read nor parsed again: its front matter comes from the split, and its
/// rendered body from the `MarkdownRenderCache` under the digest.
public struct MarkdownFileSplit: Sendable, Equatable {
    public var frontMatter: YAMLMap
    /// See `MarkdownSource.frontMatterLine`.
    public var frontMatterLine: Int
    /// See `MarkdownSource.bodyLineOffset`.
    public var bodyLineOffset: Int
    public var hasFrontMatter: Bool
    /// SHA-256 of the body text (after BOM removal and CRLF normalisation).
    public var bodyDigest: [UInt8]

    public init(frontMatter: YAMLMap, frontMatterLine: Int, bodyLineOffset: Int, hasFrontMatter: Bool, bodyDigest: [UInt8]) {
        self.frontMatter = frontMatter
        self.frontMatterLine = frontMatterLine
        self.bodyLineOffset = bodyLineOffset
        self.hasFrontMatter = hasFrontMatter
        self.bodyDigest = bodyDigest
    }
}

/// Splits of one site's Markdown files kept between builds, trusted only while the file is
/// unchanged. Implementations must be safe to call from many threads.
public protocol MarkdownSplitCache: Sendable {
    /// The split recorded for the file at site-relative `path`, when the file has not changed
    /// since (nil: read the file).
    func split(ofUnchanged path: String) -> MarkdownFileSplit?
    /// True when `split(ofUnchanged:)` would give a split for `path` (the file need not be
    /// read); asks without taking the split.
    func hasSplit(ofUnchanged path: String) -> Bool
    /// Records the split of the file at `path`, read during this build.
    func record(_ split: MarkdownFileSplit, for path: String)
}
