// The typed values layouts see. Property names are the names used in Mustache tags
// (`{{page.title}}`, `{{#post.tags}}`); docs/TEMPLATES.md lists them all.

/// The site, on every page as `site`.
public struct SiteContext {
    public var id: String
    public var name: String
    public var description: String
    public var language: String
    /// Absolute, ending in `/`.
    public var baseURL: String
    public var author: String?
    /// `settings:` of site.yaml as written.
    public var settings: [String: Any]
    public var rssURL: String
    public var atomURL: String
    public var jsonFeedURL: String
    /// The theme's main stylesheet (`assets/style.css`), fingerprinted.
    public var stylesheetURL: String?
    /// Every theme asset by name with `.`, `/` and `-` turned into `_`: `assets.style_css`.
    public var assets: [String: String]
    /// The main navigation: Home, Blog, Categories, Tags.
    public var nav: [NavLink]
}

/// A link in the main navigation.
public struct NavLink {
    public var title: String
    public var url: String
    /// True on the page it points to and below it.
    public var isActive: Bool
}

/// A category or tag with its page and the number of listed posts that carry it.
public struct TermLink {
    public var name: String
    public var url: String
    public var count: Int
}

/// The page being rendered, on every page as `page`.
public struct PageInfo {
    /// `home`, `list`, `post`, `term`, `taxonomy` or `404`.
    public var kind: String
    public var title: String
    /// Site-relative URL (`/blog/hello/`).
    public var url: String
    /// Absolute URL.
    public var permalink: String
    public var description: String
    /// Rendered HTML for pages with Markdown content; use `{{{page.content}}}`.
    public var content: BodyHTML
    public var toc: [TOCItem]
    public var hasTOC: Bool
    /// Front matter keys the format does not define (`page.params.series`); empty for generated pages.
    public var params: [String: Any]
    /// The pages that link to this one (posts and docs), sorted by title.
    public var backlinks: [BacklinkItem]
    public var hasBacklinks: Bool
}

/// A page that links to the current one.
public struct BacklinkItem {
    public var title: String
    public var url: String
    /// `post` or `doc`.
    public var kind: String
}

/// A documentation page's navigation and history, as `doc`.
public struct DocContext {
    /// From the docs home to the parent page (the current page is not included).
    public var breadcrumbs: [PageLink]
    /// The docs tree: top-level pages, with the current page's ancestors open.
    public var sidebar: [SidebarItem]
    /// Previous and next page in reading order (depth-first through the tree).
    public var previous: PageLink?
    public var next: PageLink?
    /// Child pages of an index page, in order.
    public var children: [DocChild]
    public var hasChildren: Bool
    /// True for a folder's page that sbcms generated (no index.md).
    public var isGenerated: Bool
    public var isHome: Bool
    /// Depth under docs/ (1 to 5).
    public var level: Int
    public var lastModifiedISO: String?
    public var lastModifiedReadable: String?
    /// The author of the last commit that changed the page (git only).
    public var lastEditedBy: String?
    /// Number of commits that changed the page (1 outside git).
    public var version: Int
}

/// An entry of the docs sidebar.
public struct SidebarItem {
    public var title: String
    public var url: String
    public var isCurrent: Bool
    /// True for the current page and its ancestors: their children are listed.
    public var isOpen: Bool
    public var hasChildren: Bool
    /// Listed only when `isOpen`.
    public var children: [SidebarItem]
}

/// A child page listed on an index page.
public struct DocChild {
    public var title: String
    public var url: String
    public var description: String?
    public var isFolder: Bool
}

/// One entry of a table of contents.
public struct TOCItem {
    public var id: String
    public var text: String
    public var children: [TOCItem]
}

/// Search-engine and social metadata, on every page as `seo`.
public struct SEOContext {
    /// The `<title>`: "Page · Site" (just the site name on the home page).
    public var title: String
    public var description: String
    /// Absolute canonical URL.
    public var canonical: String
    /// `website` or `article`.
    public var ogType: String
    /// Absolute URL of the page's image, if any.
    public var image: String?
    public var twitterCard: String
    public var noindex: Bool
    public var keywords: String
    /// JSON-LD, already serialised; use `{{{seo.jsonLD}}}` inside a `<script type="application/ld+json">`.
    public var jsonLD: String
    public var publishedTime: String?
    public var modifiedTime: String?
}

/// A post as shown in lists.
public struct PostSummary {
    public var title: String
    public var url: String
    public var dateISO: String
    public var dateReadable: String
    public var excerpt: String
    public var readingMinutes: Int
    public var author: String?
    public var categories: [TermLink]
    public var tags: [TermLink]
    public var featuredImage: String?
    public var isDraft: Bool
    public var isScheduled: Bool
}

/// A post's own page, as `post`.
public struct PostDetail {
    public var title: String
    public var dateISO: String
    public var dateReadable: String
    public var updatedISO: String?
    public var updatedReadable: String?
    public var author: String?
    public var readingMinutes: Int
    public var wordCount: Int
    public var categories: [TermLink]
    public var tags: [TermLink]
    public var featuredImage: String?
    public var excerpt: String
    public var isDraft: Bool
    public var isScheduled: Bool
    public var isArchived: Bool
    /// Front matter keys the format does not define.
    public var params: [String: Any]
    /// The next older and newer listed posts.
    public var previous: PageLink?
    public var next: PageLink?
}

/// A link to another page.
public struct PageLink {
    public var title: String
    public var url: String
}

/// A page of a paginated list.
public struct Pagination {
    public var current: Int
    public var total: Int
    /// True when there is more than one page.
    public var isPaginated: Bool
    public var previousURL: String?
    public var nextURL: String?
    /// Every page.
    public var pages: PaginationPages
    /// The page links a page-number navigation shows (`PaginationPages.window`).
    public var window: [PaginationPage]
}

public struct PaginationPage {
    public var number: Int
    public var url: String
    public var isCurrent: Bool
    /// True for the entry that stands for the pages `window` leaves out (number 0, empty URL).
    public var isGap: Bool
}

/// A list of posts (home, blog index, category or tag), as `list`.
public struct ListContext {
    public var title: String
    public var description: String
    public var posts: [PostSummary]
    public var pagination: Pagination
    /// For term pages: `Category` or `Tag`.
    public var termKind: String?
}

/// All terms of a taxonomy (`/blog/categories/`), as `taxonomy`.
public struct TaxonomyContext {
    public var title: String
    public var terms: [TermLink]
}

/// Everything a layout receives.
public struct PageContext {
    public var site: SiteContext
    public var page: PageInfo
    public var seo: SEOContext
    public var post: PostDetail?
    public var list: ListContext?
    public var taxonomy: TaxonomyContext?
    public var doc: DocContext?
    /// Course catalog, course and lesson pages.
    public var course: CoursePageContext?
    /// Portfolio list, project and technology pages.
    public var portfolio: PortfolioPageContext?
    /// Character list, profile and timeline pages.
    public var character: CharacterPageContext?
}
