import SBCMSContent
import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// Renders a site's content graph into output files: pages through the theme's layouts,
/// feeds, sitemap, robots.txt, and copies of media and theme assets.
public struct SiteRenderer: Sendable {
    public internal(set) var graph: ContentGraph
    public let theme: Theme
    /// How many posts the feeds carry (`settings.feed_limit`, default 20).
    public let feedLimit: Int
    let listedIndexes: [Int]
    /// Post index → its position in `listedIndexes`.
    let listedPositions: [Int: Int]
    /// Term slug → term index, per taxonomy name.
    let termIndexes: [String: [String: Int]]
    /// The `site` context without its navigation state: the same on every page, built once.
    let baseSiteContext: SharedSiteContext
    /// Title and URL of each main navigation link.
    let navItems: [(title: String, url: String)]
    /// The page fingerprints of the previous output (output path → fingerprint). When set,
    /// every page gets a fingerprint, and a page whose fingerprint is unchanged is not rendered
    /// (`OutputFile.Content.unchanged`); nil renders every page without fingerprints.
    public var previousPageFingerprints: [String: [UInt8]]?
    /// Part of every page fingerprint: bump when the same layout and context can give other
    /// bytes (a swift-mustache upgrade, a change to `Theme.render`), or when what a fingerprint
    /// hashes changes (2: rendered bodies by their identity, `BodyHTML`; 3: no field names).
    public static let pageFormatVersion = 3

    public init(graph: ContentGraph, theme: Theme) {
        self.graph = graph
        self.theme = theme
        if case .int(let limit)? = graph.config.settings["feed_limit"]?.value, limit > 0 {
            feedLimit = limit
        } else {
            feedLimit = 20
        }
        listedIndexes = graph.posts.indices.filter { graph.posts[$0].isListed }
        listedPositions = Dictionary(uniqueKeysWithValues: listedIndexes.enumerated().map { ($1, $0) })
        var termIndexes: [String: [String: Int]] = [:]
        for taxonomy in [graph.categories, graph.tags] {
            termIndexes[taxonomy.name] = Dictionary(uniqueKeysWithValues: taxonomy.terms.enumerated().map { ($1.slug, $0) })
        }
        self.termIndexes = termIndexes
        var navItems = [("Home", "/"), ("Blog", "/blog/")]
        if !graph.docs.isEmpty { navItems.append(("Docs", "/docs/")) }
        if !graph.courses.isEmpty { navItems.append(("Courses", "/courses/")) }
        if !graph.portfolio.isEmpty { navItems.append(("Portfolio", "/portfolio/")) }
        if !graph.characters.isEmpty { navItems.append(("Characters", "/characters/")) }
        navItems += [("Categories", "/blog/categories/"), ("Tags", "/blog/tags/")]
        self.navItems = navItems
        var assets: [String: String] = [:]
        for asset in theme.assets {
            assets[String(asset.name.map { $0 == "." || $0 == "/" || $0 == "-" ? "_" : $0 })] = asset.url
        }
        let config = graph.config
        baseSiteContext = SharedSiteContext(value: SiteContext(
            id: config.id, name: config.name, description: config.description, language: config.language,
            baseURL: config.baseURL, author: config.author, settings: YAMLValueBridge.dictionary(config.settings),
            rssURL: "/rss.xml", atomURL: "/atom.xml", jsonFeedURL: "/feed.json",
            stylesheetURL: theme.assets.first { $0.name == "style.css" }?.url, assets: assets, nav: []))
    }

    var config: SiteConfig { graph.config }
    var perPage: Int { graph.config.postsPerPage }

    /// The layouts a site's content needs beyond `Theme.requiredLayouts`, each with the
    /// content folder that needs it (`doc` for `docs/`).
    public static func contentLayouts(for graph: ContentGraph) -> [(layout: String, folder: String)] {
        var layouts: [(layout: String, folder: String)] = graph.docs.isEmpty ? [] : [("doc", "docs/")]
        layouts += courseLayouts(for: graph).map { ($0, "courses/") }
        layouts += portfolioLayouts(for: graph).map { ($0, "portfolio/") }
        layouts += characterLayouts(for: graph).map { ($0, "characters/") }
        return layouts
    }

    /// Every file this site's build writes, in a stable order.
    public func plan() -> [RenderTask] {
        // Tasks run in parallel in this order: the files that read the whole site (graph.json
        // alone takes about half a second on a 10k-page site) come first, so that no core is
        // left with one of them at the end while the other is idle.
        var tasks: [RenderTask] = [.linkGraph, .sitemap, .rss, .atom, .jsonFeed, .home]
        for page in 1...pageCount(listedIndexes.count) { tasks.append(.blogIndex(page: page)) }
        tasks += graph.posts.indices.map { RenderTask.post(index: $0) }
        for taxonomy in [graph.categories, graph.tags] {
            tasks.append(.taxonomy(name: taxonomy.name))
            for (termIndex, term) in taxonomy.terms.enumerated() {
                for page in 1...pageCount(term.postIndexes.count) {
                    tasks.append(.term(taxonomy: taxonomy.name, termIndex: termIndex, page: page))
                }
            }
        }
        if !graph.docs.isEmpty {
            tasks += graph.docs.readingOrder.map { RenderTask.doc(index: $0) }
            tasks.append(.docsHierarchy)
        }
        tasks += coursePlan() + portfolioPlan() + characterPlan() + apiPlan()
        tasks += [.notFound, .robots]
        tasks += graph.media.map { RenderTask.copy(source: $0.absolutePath, outputPath: $0.path) }
        tasks += theme.assets.map { RenderTask.copy(source: $0.sourcePath, outputPath: $0.outputPath) }
        return tasks
    }

    /// The blog's API files: the index, post list pages, one file per post, taxonomies.
    func apiPlan() -> [RenderTask] {
        let api = APIWriter(renderer: self)
        var tasks: [RenderTask] = [.api(.index)]
        tasks += (1...api.pageCount(listedIndexes.count)).map { RenderTask.api(.posts(page: $0)) }
        tasks += graph.posts.indices.map { RenderTask.api(.post(index: $0)) }
        tasks += [RenderTask.api(.taxonomy(name: graph.categories.name)), .api(.taxonomy(name: graph.tags.name))]
        return tasks
    }

    func pageCount(_ items: Int) -> Int { max(1, (items + perPage - 1) / perPage) }

    /// Renders one task into its file.
    public func render(_ task: RenderTask) -> OutputFile {
        switch task {
        case .home: return renderHome()
        case .blogIndex(let page): return renderBlogIndex(page: page)
        case .post(let index): return renderPost(index)
        case .taxonomy(let name): return renderTaxonomy(taxonomy(named: name))
        case .term(let name, let termIndex, let page):
            return renderTerm(taxonomy(named: name), termIndex: termIndex, page: page)
        case .notFound: return renderNotFound()
        case .doc(let index): return renderDoc(index)
        case .docsHierarchy: return OutputFile(path: "api/v1/docs/hierarchy.json", content: .text(APIWriter(renderer: self).docsHierarchy()))
        case .linkGraph: return OutputFile(path: "api/v1/graph.json", content: .text(APIWriter(renderer: self).linkGraph()))
        case .rss: return OutputFile(path: "rss.xml", content: .text(FeedWriter(renderer: self).rss()))
        case .atom: return OutputFile(path: "atom.xml", content: .text(FeedWriter(renderer: self).atom()))
        case .jsonFeed: return OutputFile(path: "feed.json", content: .text(FeedWriter(renderer: self).jsonFeed()))
        case .sitemap: return OutputFile(path: "sitemap.xml", content: .text(SitemapWriter(renderer: self).sitemap()))
        case .robots: return OutputFile(path: "robots.txt", content: .text(SitemapWriter(renderer: self).robots()))
        case .courses(let task): return renderCourses(task)
        case .portfolio(let task): return renderPortfolio(task)
        case .characters(let task): return renderCharacters(task)
        case .api(let task): return APIWriter(renderer: self).render(task)
        case .copy(let source, let outputPath): return OutputFile(path: outputPath, content: .copy(from: source))
        }
    }

    func taxonomy(named name: String) -> Taxonomy {
        name == graph.tags.name ? graph.tags : graph.categories
    }

    /// The posts shown in feeds: the newest listed ones.
    var feedPosts: [BlogPost] {
        listedIndexes.prefix(feedLimit).map { graph.posts[$0] }
    }

    func absolute(_ url: String) -> String { URLPaths.absolute(url, baseURL: config.baseURL) }

    // MARK: Pages

    func page(_ layout: String, url: String, _ context: PageContext) -> OutputFile {
        let path = URLPaths.outputPath(forURL: url)
        return keepOrRender(path: path) { hasher in
            hasher.addString(layout)
            hasher.addBytes(theme.layoutFingerprints[layout] ?? [])
            context.fingerprint(into: &hasher)
        } content: {
            // The layout's UTF-8 as rendered: no String is made (and validated) for the page.
            .bytes(theme.renderBytes(layout, context))
        }
    }

    /// The file at `path`, made by `render` from exactly what `fingerprint` feeds the hasher:
    /// with fingerprints on, an unchanged fingerprint keeps the previous file without rendering.
    func keepOrRender(path: String, fingerprint: (inout FingerprintHasher) -> Void, render: () -> String) -> OutputFile {
        keepOrRender(path: path, fingerprint: fingerprint) { .text(render()) }
    }

    /// `keepOrRender(path:fingerprint:render:)` for content that is not a String.
    func keepOrRender(path: String, fingerprint: (inout FingerprintHasher) -> Void,
                      content: () -> OutputFile.Content) -> OutputFile {
        guard let previousPageFingerprints else { return OutputFile(path: path, content: content()) }
        var hasher = FingerprintHasher()
        hasher.addInt(Self.pageFormatVersion)
        fingerprint(&hasher)
        let digest = hasher.finalize()
        if previousPageFingerprints[path] == digest {
            return OutputFile(path: path, content: .unchanged, fingerprint: digest)
        }
        return OutputFile(path: path, content: content(), fingerprint: digest)
    }

    private func renderHome() -> OutputFile {
        let url = "/"
        let posts = listedIndexes.prefix(perPage).map { summary(graph.posts[$0]) }
        let list = ListContext(title: config.name, description: config.description, posts: posts,
                               pagination: pagination(base: "/blog/", current: 1, total: 1), termKind: nil)
        let info = pageInfo(kind: "home", title: config.name, url: url, description: config.description)
        let context = PageContext(site: siteContext(activeURL: url), page: info,
                                  seo: seo(for: info, isHome: true, jsonLD: websiteJSONLD()), post: nil, list: list, taxonomy: nil, doc: nil)
        return page("home", url: url, context)
    }

    private func renderBlogIndex(page number: Int) -> OutputFile {
        let url = URLPaths.paginated("/blog/", page: number)
        let slice = listedIndexes.dropFirst((number - 1) * perPage).prefix(perPage)
        let title = number == 1 ? "Blog" : "Blog, page \(number)"
        let list = ListContext(title: "Blog", description: config.description, posts: slice.map { summary(graph.posts[$0]) },
                               pagination: pagination(base: "/blog/", current: number, total: pageCount(listedIndexes.count)),
                               termKind: nil)
        let info = pageInfo(kind: "list", title: title, url: url, description: config.description)
        let context = PageContext(site: siteContext(activeURL: url), page: info,
                                  seo: seo(for: info, jsonLD: websiteJSONLD()), post: nil, list: list, taxonomy: nil, doc: nil)
        return page("list", url: url, context)
    }

    private func renderTaxonomy(_ taxonomy: Taxonomy) -> OutputFile {
        let url = "/blog/\(taxonomy.name)/"
        let title = taxonomy.name == "tags" ? "Tags" : "Categories"
        let terms = taxonomy.terms.map { TermLink(name: $0.name, url: $0.url, count: $0.postIndexes.count) }
        let info = pageInfo(kind: "taxonomy", title: title, url: url, description: "All \(title.lowercased()) of \(config.name)")
        let context = PageContext(site: siteContext(activeURL: url), page: info, seo: seo(for: info, jsonLD: websiteJSONLD()),
                                  post: nil, list: nil, taxonomy: TaxonomyContext(title: title, terms: terms), doc: nil)
        return page("taxonomy", url: url, context)
    }

    private func renderTerm(_ taxonomy: Taxonomy, termIndex: Int, page number: Int) -> OutputFile {
        let term = taxonomy.terms[termIndex]
        let url = URLPaths.paginated(term.url, page: number)
        let slice = term.postIndexes.dropFirst((number - 1) * perPage).prefix(perPage)
        let title = number == 1 ? "\(taxonomy.singularTitle): \(term.name)" : "\(taxonomy.singularTitle): \(term.name), page \(number)"
        let description = "Posts about \(term.name) on \(config.name)"
        let list = ListContext(title: term.name, description: description, posts: slice.map { summary(graph.posts[$0]) },
                               pagination: pagination(base: term.url, current: number, total: pageCount(term.postIndexes.count)),
                               termKind: taxonomy.singularTitle)
        let info = pageInfo(kind: "term", title: title, url: url, description: description)
        let context = PageContext(site: siteContext(activeURL: url), page: info, seo: seo(for: info, jsonLD: websiteJSONLD()),
                                  post: nil, list: list, taxonomy: nil, doc: nil)
        return self.page("term", url: url, context)
    }

    private func renderNotFound() -> OutputFile {
        let url = "/404.html"
        let info = pageInfo(kind: "404", title: "Page not found", url: url,
                            description: "The page you were looking for does not exist.")
        var seo = seo(for: info, jsonLD: websiteJSONLD())
        seo.noindex = true
        let context = PageContext(site: siteContext(activeURL: url), page: info, seo: seo, post: nil, list: nil, taxonomy: nil,
                                  doc: nil)
        return page("404", url: url, context)
    }

    private func renderPost(_ index: Int) -> OutputFile {
        let post = graph.posts[index]
        var info = pageInfo(kind: "post", title: post.title, url: post.url,
                            description: post.seo.description ?? Self.truncated(post.excerpt))
        setBody(post.body, on: &info)
        let params = post.params.entries.isEmpty ? [:] : YAMLValueBridge.dictionary(post.params)
        info.params = params
        setBacklinks(of: post.source.path, on: &info)
        var detail = PostDetail(
            title: post.title, dateISO: post.publishedAt.rfc3339, dateReadable: post.publishedAt.readable,
            updatedISO: post.updated?.rfc3339, updatedReadable: post.updated?.readable, author: post.author,
            readingMinutes: post.readingMinutes, wordCount: post.wordCount,
            categories: termLinks(post.categories, in: graph.categories),
            tags: termLinks(post.tags, in: graph.tags), featuredImage: post.featuredImage, excerpt: post.excerpt,
            isDraft: post.status == .draft, isScheduled: post.isScheduled, isArchived: post.status == .archived,
            params: params,
            previous: nil, next: nil)
        if let position = listedPositions[index] {
            if position + 1 < listedIndexes.count {
                let older = graph.posts[listedIndexes[position + 1]]
                detail.previous = PageLink(title: older.title, url: older.url)
            }
            if position > 0 {
                let newer = graph.posts[listedIndexes[position - 1]]
                detail.next = PageLink(title: newer.title, url: newer.url)
            }
        }
        var seo = seo(for: info, jsonLD: postJSONLD(post))
        seo.ogType = "article"
        seo.image = post.seo.image.map(absolute)
        if seo.image != nil { seo.twitterCard = post.seo.twitterCard ?? "summary_large_image" }
        if let card = post.seo.twitterCard { seo.twitterCard = card }
        seo.noindex = post.seo.noindex || post.status == .draft || post.isScheduled
        seo.keywords = (post.seo.keywords.isEmpty ? post.tags : post.seo.keywords).joined(separator: ", ")
        if let canonical = post.seo.canonical { seo.canonical = absolute(canonical) }
        seo.publishedTime = post.publishedAt.rfc3339
        seo.modifiedTime = post.updated?.rfc3339
        let context = PageContext(site: siteContext(activeURL: post.url), page: info, seo: seo, post: detail,
                                  list: nil, taxonomy: nil, doc: nil)
        return page("post", url: post.url, context)
    }

    // MARK: Context pieces

    /// Fills `page.content` and `page.toc` with a rendered Markdown body.
    func setBody(_ body: MarkdownDocument, on info: inout PageInfo) {
        info.content = BodyHTML(body)
        info.toc = body.toc.map(tocItem)
        info.hasTOC = !info.toc.isEmpty
    }

    /// Fills `page.backlinks` with the pages that link to the page at `path`.
    func setBacklinks(of path: String, on info: inout PageInfo) {
        info.backlinks = graph.backlinkReferences(to: path).map {
            BacklinkItem(title: $0.title, url: $0.url, kind: $0.kind.rawValue)
        }
        info.hasBacklinks = !info.backlinks.isEmpty
    }

    /// The `site` context of the page at `activeURL`: its nav link (the longest URL prefix) is active.
    func siteContext(activeURL: String) -> SiteContext {
        let activeNav = navItems.filter { $0.url == "/" ? activeURL == "/" : activeURL.hasPrefix($0.url) }
            .max { $0.url.count < $1.url.count }?.url
        var site = baseSiteContext.value
        site.nav = navItems.map { NavLink(title: $0.title, url: $0.url, isActive: $0.url == activeNav) }
        return site
    }

    func pageInfo(kind: String, title: String, url: String, description: String) -> PageInfo {
        PageInfo(kind: kind, title: title, url: url, permalink: absolute(url), description: description,
                 content: BodyHTML(), toc: [], hasTOC: false, params: [:], backlinks: [], hasBacklinks: false)
    }

    func seo(for info: PageInfo, isHome: Bool = false, jsonLD: String) -> SEOContext {
        SEOContext(title: isHome ? config.name : "\(info.title) · \(config.name)", description: info.description,
                   canonical: info.permalink, ogType: "website", image: nil, twitterCard: "summary", noindex: false,
                   keywords: "", jsonLD: jsonLD, publishedTime: nil, modifiedTime: nil)
    }

    @inline(__always)
    func summary(_ post: BlogPost) -> PostSummary {
        PostSummary(title: post.title, url: post.url, dateISO: post.publishedAt.rfc3339,
                    dateReadable: post.publishedAt.readable, excerpt: post.excerpt, readingMinutes: post.readingMinutes,
                    author: post.author, categories: termLinks(post.categories, in: graph.categories),
                    tags: termLinks(post.tags, in: graph.tags), featuredImage: post.featuredImage,
                    isDraft: post.status == .draft, isScheduled: post.isScheduled)
    }

    private func termLinks(_ names: [String], in taxonomy: Taxonomy) -> [TermLink] {
        guard !names.isEmpty, let indexes = termIndexes[taxonomy.name] else { return [] }
        // Each term once (two names can share a slug); a post has a handful of names.
        var links: [TermLink] = []
        links.reserveCapacity(names.count)
        var seen: [Int] = []
        seen.reserveCapacity(names.count)
        for name in names {
            guard let index = indexes[Slug.make(name)], !seen.contains(index) else { continue }
            seen.append(index)
            let term = taxonomy.terms[index]
            links.append(TermLink(name: term.name, url: term.url, count: term.postIndexes.count))
        }
        return links
    }

    private func pagination(base: String, current: Int, total: Int) -> Pagination {
        let pages = PaginationPages(base: base, current: current, count: total)
        return Pagination(
            current: current, total: total, isPaginated: total > 1,
            previousURL: current > 1 ? URLPaths.paginated(base, page: current - 1) : nil,
            nextURL: current < total ? URLPaths.paginated(base, page: current + 1) : nil,
            pages: pages, window: pages.window())
    }

    func tocItem(_ entry: TOCEntry) -> TOCItem {
        TOCItem(id: entry.id, text: entry.text, children: entry.children.map(tocItem))
    }

    static func truncated(_ text: String, limit: Int = 160) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit)
        let cut = prefix.lastIndex(of: " ") ?? prefix.endIndex
        return String(prefix[..<cut]) + "…"
    }

    // MARK: JSON-LD

    /// A JSON string literal safe inside `<script type="application/ld+json">`.
    func script(_ text: String) -> String {
        TextEscaping.jsonString(text, forScript: true)
    }

    func websiteJSONLD() -> String {
        "{\"@context\":\"https://schema.org\",\"@type\":\"WebSite\",\"name\":\(script(config.name)),"
            + "\"url\":\(script(config.baseURL)),\"description\":\(script(config.description)),"
            + "\"inLanguage\":\(script(config.language))}"
    }

    private func postJSONLD(_ post: BlogPost) -> String {
        var json = JSONLDWriter()
        json.string("@context", "https://schema.org")
        json.string("@type", "BlogPosting")
        json.string("headline", post.title)
        let url = absolute(post.url)
        json.string("url", url)
        json.string("mainEntityOfPage", url)
        json.string("datePublished", post.publishedAt.rfc3339)
        json.string("dateModified", post.lastModified.rfc3339)
        json.string("description", post.seo.description ?? Self.truncated(post.excerpt))
        json.int("wordCount", post.wordCount)
        json.string("inLanguage", config.language)
        json.object("publisher") { publisher in
            publisher.string("@type", "Organization")
            publisher.string("name", config.name)
            publisher.string("url", config.baseURL)
        }
        if let author = post.author {
            json.object("author") { person in
                person.string("@type", "Person")
                person.string("name", author)
            }
        }
        if let image = post.seo.image { json.string("image", absolute(image)) }
        if !post.tags.isEmpty { json.string("keywords", post.tags.joined(separator: ", ")) }
        return json.text
    }
}

/// A `SiteContext` built once and only read afterwards, shared by the threads that render
/// pages. Its `settings` are `[String: Any]` made by `YAMLValueBridge` from value types only
/// (strings, numbers, booleans, arrays and dictionaries of them), so sharing it is safe.
struct SharedSiteContext: @unchecked Sendable {
    let value: SiteContext
}
