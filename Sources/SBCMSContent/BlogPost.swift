import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// The publication state of a post, from its `status` key.
public enum PostStatus: String, Sendable, CaseIterable {
    case draft, published, archived
}

/// Search-engine settings of a page, from its `seo` map (derived values filled in).
public struct SEOSettings: Sendable, Hashable {
    public var description: String?
    public var keywords: [String] = []
    /// A site-relative URL (`/media/x.png`) or an absolute URL.
    public var image: String?
    public var canonical: String?
    public var noindex: Bool = false
    public var twitterCard: String?

    public init() {}
}

/// A blog post, parsed and rendered, ready for layouts and feeds.
public struct BlogPost: Sendable {
    public var source: SourceFile
    public var title: String
    public var slug: String
    public var date: ContentDate
    public var publishedAt: ContentDate
    public var updated: ContentDate?
    public var status: PostStatus
    /// True when `published_at` is later than the build time (only built with `--future`).
    public var isScheduled: Bool
    public var author: String?
    public var categories: [String]
    public var tags: [String]
    /// Plain text: the `excerpt` key, else the first paragraph.
    public var excerpt: String
    /// Site-relative URL of the featured image (`/media/x.png`).
    public var featuredImage: String?
    public var seo: SEOSettings
    /// Front matter keys the format does not define, passed to layouts as `page.params`.
    public var params: YAMLMap
    public var body: MarkdownDocument
    /// Site-relative URL: `/blog/<slug>/`.
    public var url: String

    public var wordCount: Int { body.wordCount }
    /// Minutes to read at 200 words a minute, at least 1.
    public var readingMinutes: Int { max(1, Int((Double(body.wordCount) / 200).rounded())) }
    /// Shown in lists and feeds (published, not archived).
    public var isListed: Bool { status == .published }
    /// The date shown as "last modified": `updated`, else `published_at`.
    public var lastModified: ContentDate { updated ?? publishedAt }
}
