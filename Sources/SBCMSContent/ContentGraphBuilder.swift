import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// What to include in a build.
public struct ContentOptions: Sendable {
    /// Build `status: draft` posts too.
    public var includeDrafts: Bool
    /// Build posts whose `published_at` is later than `now`.
    public var includeFuture: Bool
    /// The build time: decides which posts are scheduled. Injected so builds are reproducible.
    public var now: ContentDate

    public init(includeDrafts: Bool = false, includeFuture: Bool = false, now: ContentDate) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
    }
}

/// Turns a `SiteSource` into a `ContentGraph`: parses every file (in parallel), renders the
/// Markdown, resolves links between pages and checks them, and groups posts into taxonomies.
public struct ContentGraphBuilder: Sendable {
    public let source: SiteSource
    public let options: ContentOptions

    public init(source: SiteSource, options: ContentOptions) {
        self.source = source
        self.options = options
    }

    /// A post file after its front matter was read.
    private struct ParsedPost: Sendable {
        var file: SourceFile
        var frontMatter: PostFrontMatter?
        var body: String
        var bodyLineOffset: Int
        var diagnostics: [Diagnostic]
    }

    /// Builds the graph. Diagnostics are sorted by file and position; the graph is complete
    /// for every page that had no error.
    public func build() -> (ContentGraph, [Diagnostic]) {
        let config = source.config
        let filePaths = source.filePaths
        let parsed = Parallel.map(source.posts) { file in Self.parsePost(file, site: config, filePaths: filePaths) }
        var diagnostics = parsed.flatMap(\.diagnostics)

        // Decide what is built, then give every built page its URL.
        var built: [ParsedPost] = []
        var unbuilt: Set<String> = []
        var slugOwners: [String: SourceFile] = [:]
        var failed = Set(parsed.filter { $0.frontMatter == nil }.map(\.file.path))
        for post in parsed {
            guard let frontMatter = post.frontMatter else { continue }
            let isDraft = frontMatter.status == .draft
            let isScheduled = frontMatter.publishedAt > options.now
            if (isDraft && !options.includeDrafts) || (isScheduled && !options.includeFuture) {
                unbuilt.insert(post.file.path)
                continue
            }
            if let owner = slugOwners[frontMatter.slug] {
                diagnostics.append(.error(
                    "duplicate-slug", at: SourceLocation(site: config.id, file: post.file.displayPath, line: 1, column: 1),
                    "slug '\(frontMatter.slug)' is already used by \(owner.displayPath)",
                    hint: "rename one of the files or set a different `slug:` in its front matter"))
                failed.insert(post.file.path)
                continue
            }
            slugOwners[frontMatter.slug] = post.file
            built.append(post)
        }
        var pageURLs: [String: String] = [:]
        for post in built {
            if let frontMatter = post.frontMatter { pageURLs[post.file.path] = "/blog/\(frontMatter.slug)/" }
        }
        let resolver = LinkResolver(pageURLs: pageURLs, unbuiltPages: unbuilt, filePaths: source.filePaths,
                                    failedPages: failed)
        let renderer = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: config.allowRawHTML))
        let now = options.now

        let rendered = Parallel.map(built) { post -> (BlogPost?, [Diagnostic], [LinkResolver.AnchorCheck]) in
            Self.renderPost(post, renderer: renderer, resolver: resolver, site: config, now: now)
        }
        var posts: [BlogPost] = []
        var anchorChecks: [LinkResolver.AnchorCheck] = []
        for (post, postDiagnostics, checks) in rendered {
            diagnostics += postDiagnostics
            anchorChecks += checks
            if let post { posts.append(post) }
        }

        // Anchors can only be checked once every page's headings are known.
        var headingIDs: [String: Set<String>] = [:]
        for post in posts { headingIDs[post.source.path] = Set(post.body.headings.map(\.id)) }
        for check in anchorChecks {
            guard let ids = headingIDs[check.targetPath] else { continue }
            if ids.contains(check.fragment) || check.fragment.hasPrefix("fn-") || check.fragment.hasPrefix("fnref-") {
                continue
            }
            diagnostics.append(.error(
                "broken-anchor", at: check.location,
                "link '\(check.destination)' points to heading '#\(check.fragment)', which does not exist in \(check.targetPath)",
                hint: ids.isEmpty ? "the target page has no headings" :
                    "existing headings: \(ids.sorted().prefix(8).joined(separator: ", "))"))
        }

        posts.sort { ($0.publishedAt, $1.slug) > ($1.publishedAt, $0.slug) }
        let categories = Taxonomy.build(name: "categories", singularTitle: "Category", posts: posts) { $0.categories }
        let tags = Taxonomy.build(name: "tags", singularTitle: "Tag", posts: posts) { $0.tags }
        let graph = ContentGraph(config: config, posts: posts, categories: categories, tags: tags, media: source.media)
        return (graph, diagnostics.sortedByLocation())
    }

    private static func parsePost(_ file: SourceFile, site: SiteConfig, filePaths: Set<String>) -> ParsedPost {
        let location = SourceLocation(site: site.id, file: file.displayPath)
        func failed(_ diagnostic: Diagnostic) -> ParsedPost {
            ParsedPost(file: file, frontMatter: nil, body: "", bodyLineOffset: 0, diagnostics: [diagnostic])
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(file.absolutePath)
        } catch {
            return failed(.error("unreadable-file", at: location, "cannot read the file: \(error)"))
        }
        if bytes.contains(0) {
            return failed(.error("binary-file", at: location.at(line: 1, column: 1),
                                 "this is not a text file (it contains NUL bytes)",
                                 hint: "posts must be UTF-8 Markdown; move binary files to media/"))
        }
        let markdown: MarkdownSource
        switch MarkdownSource.parse(String(decoding: bytes, as: UTF8.self), location: location) {
        case .failure(let diagnostic): return failed(diagnostic)
        case .success(let parsed): markdown = parsed
        }
        if !markdown.hasFrontMatter {
            return failed(.error("front-matter-missing", at: location.at(line: 1, column: 1),
                                 "post has no front matter",
                                 hint: "start the file with a `---` line, `title: ...`, and another `---` line"))
        }
        let (frontMatter, diagnostics) = PostFrontMatter.read(markdown, file: file, site: site, filePaths: filePaths)
        return ParsedPost(file: file, frontMatter: frontMatter, body: markdown.body,
                          bodyLineOffset: markdown.bodyLineOffset, diagnostics: diagnostics)
    }

    private static func renderPost(
        _ post: ParsedPost, renderer: MarkdownRenderer, resolver: LinkResolver, site: SiteConfig, now: ContentDate
    ) -> (BlogPost?, [Diagnostic], [LinkResolver.AnchorCheck]) {
        guard let frontMatter = post.frontMatter else { return (nil, [], []) }
        var diagnostics: [Diagnostic] = []
        var checks: [LinkResolver.AnchorCheck] = []
        let fileLocation = SourceLocation(site: site.id, file: post.file.displayPath)
        if let (line, cells) = MarkdownLimits.widestTableLine(post.body), cells > MarkdownLimits.maxTableColumns {
            return (nil, [.error(
                "table-too-wide", at: fileLocation.at(line: line + post.bodyLineOffset, column: 1),
                "this line has \(cells) table cells; at most \(MarkdownLimits.maxTableColumns) are allowed",
                hint: "split the table; very wide tables make the Markdown parser slow for the whole farm")], [])
        }
        let document = renderer.render(post.body) { link in
            let location = fileLocation.at(line: link.line + post.bodyLineOffset, column: link.column)
            switch resolver.resolve(link, fromPath: post.file.path, location: location) {
            case .keep:
                return nil
            case .rewrite(let url, let check):
                if let check { checks.append(check) }
                return url
            case .broken(let diagnostic):
                diagnostics.append(diagnostic)
                return nil
            }
        }
        var seo = frontMatter.seo
        if let image = frontMatter.seoImagePath {
            seo.image = PostFrontMatter.isExternal(image) ? image : "/" + image
        } else if let featured = frontMatter.featuredImage {
            seo.image = "/" + featured
        }
        let excerpt = frontMatter.excerpt ?? document.firstParagraph
        let post = BlogPost(
            source: post.file, title: frontMatter.title, slug: frontMatter.slug, date: frontMatter.date,
            publishedAt: frontMatter.publishedAt, updated: frontMatter.updated, status: frontMatter.status,
            isScheduled: frontMatter.publishedAt > now, author: frontMatter.author,
            categories: frontMatter.categories, tags: frontMatter.tags, excerpt: excerpt,
            featuredImage: frontMatter.featuredImage.map { "/" + $0 }, seo: seo, params: frontMatter.params,
            body: document, url: "/blog/\(frontMatter.slug)/")
        return (diagnostics.containsErrors ? nil : post, diagnostics, checks)
    }
}
