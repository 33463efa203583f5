import SBCMSCore
import SBCMSSource

/// Everything a site contains, typed and cross-referenced: the input of every renderer.
public struct ContentGraph: Sendable {
    public var config: SiteConfig
    /// The posts that are built, newest first (by `published_at`, then slug).
    public var posts: [BlogPost]
    public var categories: Taxonomy
    public var tags: Taxonomy
    /// Files under `media/`, published as they are at `/media/...`.
    public var media: [SourceFile]

    /// Posts shown in lists and feeds, newest first.
    public var listedPosts: [BlogPost] { posts.filter(\.isListed) }

    public init(config: SiteConfig, posts: [BlogPost], categories: Taxonomy, tags: Taxonomy, media: [SourceFile]) {
        self.config = config
        self.posts = posts
        self.categories = categories
        self.tags = tags
        self.media = media
    }
}
