import SBCMSCore
import SBCMSSource

/// What a page is, for links, backlinks and the link graph.
public enum PageKind: String, Sendable, Codable {
    case post
    case doc
    /// A course lesson with a Markdown file.
    case lesson
    /// A portfolio project.
    case project
    /// A public character profile.
    case character
}

/// A page of the graph as other pages see it: enough to link to it.
public struct PageReference: Sendable, Hashable {
    public var kind: PageKind
    public var title: String
    /// Site-relative URL.
    public var url: String
    /// Site-relative source path (`blog/x.md`); the page's identity in the graph.
    public var path: String
}

/// Everything a site contains, typed and cross-referenced: the input of every renderer.
public struct ContentGraph: Sendable {
    public var config: SiteConfig
    /// The posts that are built, newest first (by `published_at`, then slug).
    public var posts: [BlogPost]
    public var categories: Taxonomy
    public var tags: Taxonomy
    /// The documentation tree (empty when the site has no docs/).
    public var docs: DocTree
    /// Files under `media/`, published as they are at `/media/...`.
    public var media: [SourceFile]
    /// Every built page with a source file, by source path.
    public var pages: [String: PageReference]
    /// Source path → the pages it links to (source paths, sorted, each once).
    public var outgoingLinks: [String: [String]]
    /// Source path → the pages that link to it (source paths, sorted by title then URL).
    public var backlinks: [String: [String]]
    /// Courses under `courses/`, with their modules and lessons.
    public var courses: CourseCatalog
    /// Portfolio projects under `portfolio/`.
    public var portfolio: Portfolio
    /// The public characters under `characters/`.
    public var characters: CharacterCast
    /// The earliest `published_at` of a post later than the build's `now`: until then the set of
    /// published posts (and which are scheduled) cannot change. Nil when no post is scheduled.
    public var nextScheduleChange: ContentDate?

    /// Posts shown in lists and feeds, newest first.
    public var listedPosts: [BlogPost] { posts.filter(\.isListed) }

    public init(config: SiteConfig, posts: [BlogPost], categories: Taxonomy, tags: Taxonomy, docs: DocTree = .empty,
                media: [SourceFile], pages: [String: PageReference] = [:], outgoingLinks: [String: [String]] = [:],
                backlinks: [String: [String]] = [:], courses: CourseCatalog = .empty, portfolio: Portfolio = .empty,
                characters: CharacterCast = .empty) {
        self.config = config
        self.posts = posts
        self.categories = categories
        self.tags = tags
        self.docs = docs
        self.media = media
        self.pages = pages
        self.outgoingLinks = outgoingLinks
        self.backlinks = backlinks
        self.courses = courses
        self.portfolio = portfolio
        self.characters = characters
    }

    /// The pages that link to the page at `path`, as references.
    public func backlinkReferences(to path: String) -> [PageReference] {
        (backlinks[path] ?? []).compactMap { pages[$0] }
    }
}
