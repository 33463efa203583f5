/// One file a site build writes, relative to `output/<site>/`.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case text(String)
        case bytes([UInt8])
        /// A file copied as it is (media, theme assets).
        case copy(from: String)
        /// The previous build's file is still exact (its page fingerprint is unchanged): keep it.
        case unchanged
    }

    /// Site-relative output path: `blog/hello/index.html`, `rss.xml`.
    public var path: String
    public var content: Content
    /// For HTML pages rendered with fingerprints on: the fingerprint of the layout closure and
    /// the page's context (see `SiteRenderer.previousPageFingerprints`).
    public var fingerprint: [UInt8]?

    public init(path: String, content: Content, fingerprint: [UInt8]? = nil) {
        self.path = path
        self.content = content
        self.fingerprint = fingerprint
    }
}

/// One unit of rendering work: each becomes exactly one output file. Planning them first lets
/// the builder render in parallel and write each file as soon as it is ready.
public enum RenderTask: Sendable, Hashable {
    case home
    /// Page `number` (1-based) of the blog index.
    case blogIndex(page: Int)
    /// `ContentGraph.posts[index]`.
    case post(index: Int)
    /// `categories` or `tags` overview.
    case taxonomy(name: String)
    /// Page `number` of one term of a taxonomy.
    case term(taxonomy: String, termIndex: Int, page: Int)
    case notFound
    /// `ContentGraph.docs.pages[index]`.
    case doc(index: Int)
    /// `/api/v1/docs/hierarchy.json`.
    case docsHierarchy
    /// `/api/v1/graph.json`: every page and every link between pages.
    case linkGraph
    case rss
    case atom
    case jsonFeed
    case sitemap
    case robots
    /// Courses: catalog, course and lesson pages, course API files.
    case courses(CourseTask)
    /// Portfolio: project list, project and technology pages, project API files.
    case portfolio(PortfolioTask)
    /// Characters: list, profiles, timeline, relationship graph, character API files.
    case characters(CharacterTask)
    /// Static JSON API files of posts and taxonomies.
    case api(APITask)
    /// A file under media/ or a theme asset, copied.
    case copy(source: String, outputPath: String)
}
