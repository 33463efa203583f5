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
    /// Rendered Markdown bodies kept between builds (nil: render every body).
    public var markdownCache: (any MarkdownRenderCache)?
    /// Splits of the site's unchanged post and doc files, kept between builds (nil: read
    /// every file).
    public var markdownSplits: (any MarkdownSplitCache)?

    public init(includeDrafts: Bool = false, includeFuture: Bool = false, now: ContentDate,
                markdownCache: (any MarkdownRenderCache)? = nil) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
        self.markdownCache = markdownCache
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

    private typealias ParsedPost = ParsedFile<PostFrontMatter>
    private typealias ParsedDoc = ParsedFile<DocFrontMatter>

    /// Builds the graph. Diagnostics are sorted by file and position; the graph is complete
    /// for every page that had no error.
    public func build() -> (ContentGraph, [Diagnostic]) {
        let config = source.config
        let filePaths = source.filePaths
        let splits = options.markdownSplits
        let prefetch = FilePrefetch.start { [source] in Self.filesToRead(in: source, splits: splits) }
        defer { prefetch.cancel() }
        var parsedPosts: [ParsedPost] = Parallel.map(source.posts) { file in
            MarkdownFileReader.parse(file, site: config, splits: splits) { markdown, file in
                PostFrontMatter.read(markdown, file: file, site: config, filePaths: filePaths)
            }
        }
        var parsedDocs: [ParsedDoc] = Parallel.map(source.docs) { file in
            MarkdownFileReader.parse(file, site: config, splits: splits) { markdown, file in
                DocFrontMatter.read(markdown, file: file, site: config)
            }
        }
        let placed = placePages(parsedPosts, parsedDocs)
        var diagnostics = placed.diagnostics
        var failed = placed.failed
        var builtPosts = placed.posts
        var unbuilt = placed.unbuilt
        var docTree = placed.docTree
        var pages = placed.pages
        _ = consume placed  // the posts' array is changed below: no second owner, no copy
        let preparedCourses = CourseCatalogBuilder(source: source, options: options).prepare()
        let preparedPortfolio = PortfolioBuilder(source: source, options: options).prepare()
        let preparedCharacters = CharacterCastBuilder(source: source, options: options).prepare()
        func include<Section>(_ section: PreparedSection<Section>) {
            for page in section.pages { pages[page.path] = page }
            unbuilt.formUnion(section.unbuiltPages)
            failed.formUnion(section.failedPages)
            diagnostics += section.diagnostics
        }
        include(preparedCourses)
        include(preparedPortfolio)
        include(preparedCharacters)
        let resolver = LinkResolver(pageURLs: pages.mapValues(\.url), unbuiltPages: unbuilt,
                                    filePaths: source.filePaths, failedPages: failed)
        let bodyRenderer = BodyRenderer(
            renderer: MarkdownRenderer(options: MarkdownOptions(allowRawHTML: config.allowRawHTML)),
            resolver: resolver, site: config, cache: options.markdownCache)
        let now = options.now

        // Each body text is let go once its HTML exists (`BodyTexts`).
        for index in parsedPosts.indices { parsedPosts[index].body = MarkdownBody(text: "") }
        let postBodies = BodyTexts(takingFrom: &builtPosts)
        let renderingPosts = builtPosts
        let renderedPosts = Self.renderInParallel(renderingPosts.count, postBodies.parseIsSerialized) { index -> (BlogPost?, RenderedBody?) in
            let post = renderingPosts[index]
            guard let frontMatter = post.frontMatter else { return (nil, nil) }
            let body = bodyRenderer.render(postBodies.take(index), lineOffset: post.bodyLineOffset, file: post.file)
            let blogPost = Self.makePost(post.file, frontMatter, body.document, now: now)
            return (body.diagnostics.containsErrors ? nil : blogPost, body)
        }
        let docBodies = BodyTexts(takingFrom: &parsedDocs)
        let docSources = parsedDocs.indices.reduce(into: [String: Int]()) { $0[parsedDocs[$1].file.path] = $1 }
        let docIndexes = docTree.pages.indices.filter { docTree.pages[$0].source != nil }
        let placedTree = docTree
        let renderingDocs = parsedDocs
        let docParses = docIndexes.map { placedTree.pages[$0].source.flatMap { docSources[$0.path] } }
        let renderedDocs = Self.renderInParallel(docIndexes.count, { docParses[$0].map(docBodies.parseIsSerialized) ?? false }) { position -> RenderedBody? in
            let index = docIndexes[position]
            guard let file = placedTree.pages[index].source, let parsed = docParses[position] else { return nil }
            return bodyRenderer.render(docBodies.take(parsed), lineOffset: renderingDocs[parsed].bodyLineOffset, file: file)
        }

        var posts: [BlogPost] = []
        var bodies: [(path: String, body: RenderedBody)] = []
        for ((post, body), parsed) in zip(renderedPosts, builtPosts) {
            if let post { posts.append(post) }
            if let body { bodies.append((parsed.file.path, body)) }
        }
        for (index, body) in zip(docIndexes, renderedDocs) {
            guard let body, let file = docTree.pages[index].source else { continue }
            docTree.pages[index].body = body.document
            docTree.pages[index].history = source.history[file.path]
            bodies.append((file.path, body))
        }
        let courses = preparedCourses.finish(bodyRenderer)
        let portfolio = preparedPortfolio.finish(bodyRenderer)
        let characters = preparedCharacters.finish(bodyRenderer)
        bodies += courses.bodies + portfolio.bodies + characters.bodies
        diagnostics += courses.diagnostics + portfolio.diagnostics + characters.diagnostics
        diagnostics += bodies.flatMap(\.body.diagnostics)
        for index in docTree.pages.indices where docTree.pages[index].isGenerated {
            let newest = docTree.pages[index].children.compactMap { docTree.pages[$0].history?.lastModified }.max()
            docTree.pages[index].history = newest.map { PageHistory(lastModified: $0, lastEditedBy: nil, version: 1) }
        }

        // Link indexes on one side; anchors, post order and taxonomies on the other: they are
        // independent, and each takes tens of milliseconds on the 10k-page site.
        let renderedBodies = bodies
        let unsortedPosts = posts
        let linkTargets = pages
        let (links, (anchorDiagnostics, sortedPosts, categories, tags)) = Parallel.pair({
            LinkIndexes(renderedBodies.map { ($0.path, $0.body.linkedPages) }, pages: linkTargets)
        }, {
            let anchorDiagnostics = Self.brokenAnchors(in: renderedBodies)
            var posts = unsortedPosts
            posts.sort { ($0.publishedAt, $1.slug) > ($1.publishedAt, $0.slug) }
            let categories = Taxonomy.build(name: "categories", singularTitle: "Category", posts: posts) { $0.categories }
            let tags = Taxonomy.build(name: "tags", singularTitle: "Tag", posts: posts) { $0.tags }
            return (anchorDiagnostics, posts, categories, tags)
        })
        posts = sortedPosts
        diagnostics += anchorDiagnostics
        var graph = ContentGraph(config: config, posts: posts, categories: categories, tags: tags, docs: docTree,
                                 media: source.media, pages: pages, outgoingLinks: links.outgoing, backlinks: links.backlinks,
                                 courses: courses.section, portfolio: portfolio.section, characters: characters.section)
        graph.nextScheduleChange = parsedPosts.compactMap { $0.frontMatter?.publishedAt }.filter { $0 > options.now }.min()
        // What only this stage used is let go on another thread: dropping the last references
        // to tens of thousands of parsed files and rendered bodies here took the build's only
        // busy thread between the content and the render stage.
        DeferredRelease.release((parsedPosts, builtPosts, parsedDocs, renderedPosts, renderedDocs, bodies,
                                 renderedBodies, resolver, bodyRenderer, postBodies, docBodies))
        return (graph, diagnostics.sortedByLocation())
    }

    /// What `placePages` decides: the posts that are built, the docs tree, and every built page.
    private struct PlacedPages: Sendable {
        var posts: [ParsedPost]
        /// Source paths of drafts and scheduled posts (a link to one is an error).
        var unbuilt: Set<String>
        /// Source paths of pages that could not be read or placed.
        var failed: Set<String>
        var diagnostics: [Diagnostic]
        var docTree: DocTree
        /// Every built post and doc by source path.
        var pages: [String: PageReference]
    }

    /// Decides which posts are built (drafts and scheduled posts are left out, a duplicate
    /// slug is an error), places the docs in their tree, and gives every built page its URL.
    private func placePages(_ parsedPosts: [ParsedPost], _ parsedDocs: [ParsedDoc]) -> PlacedPages {
        let config = source.config
        var diagnostics = parsedPosts.flatMap(\.diagnostics) + parsedDocs.flatMap(\.diagnostics)
        var failed = Set(parsedPosts.filter { $0.frontMatter == nil }.map(\.file.path))
        failed.formUnion(parsedDocs.filter { $0.frontMatter == nil }.map(\.file.path))
        var builtPosts: [ParsedPost] = []
        var unbuilt: Set<String> = []
        var slugOwners: [String: SourceFile] = [:]
        for post in parsedPosts {
            guard let frontMatter = post.frontMatter else { continue }
            let isDraft = frontMatter.status == .draft
            let isScheduled = frontMatter.publishedAt > options.now
            if (isDraft && !options.includeDrafts) || (isScheduled && !options.includeFuture) {
                unbuilt.insert(post.file.path)
                continue
            }
            if let owner = slugOwners[frontMatter.slug] {
                diagnostics.append(.duplicateSlug(
                    frontMatter.slug, at: SourceLocation(site: config.id, file: post.file.displayPath, line: 1, column: 1),
                    owner: owner))
                failed.insert(post.file.path)
                continue
            }
            slugOwners[frontMatter.slug] = post.file
            builtPosts.append(post)
        }
        let docFiles = parsedDocs.compactMap { parsed in parsed.frontMatter.map { (file: parsed.file, frontMatter: $0) } }
        let (docTree, treeDiagnostics) = DocTreeBuilder(site: config).build(docFiles)
        diagnostics += treeDiagnostics
        let placedDocs = Set(docTree.pages.compactMap { $0.source?.path })
        failed.formUnion(docFiles.map(\.file.path).filter { !placedDocs.contains($0) })

        var pages: [String: PageReference] = [:]
        for post in builtPosts {
            guard let frontMatter = post.frontMatter else { continue }
            pages[post.file.path] = PageReference(kind: .post, title: frontMatter.title,
                                                  url: "/blog/\(frontMatter.slug)/", path: post.file.path)
        }
        for page in docTree.pages {
            guard let file = page.source else { continue }
            pages[file.path] = PageReference(kind: .doc, title: page.title, url: page.url, path: file.path)
        }
        return PlacedPages(posts: builtPosts, unbuilt: unbuilt, failed: failed, diagnostics: diagnostics,
                           docTree: docTree, pages: pages)
    }

    /// `Parallel.map` over `count` bodies: while a body with `~` is being parsed (such parses
    /// run one at a time, `MarkdownRenderer.parseIsSerialized`), a free thread starts a body
    /// without one instead of waiting.
    private static func renderInParallel<Output: Sendable>(
        _ count: Int, _ parseIsSerialized: @Sendable (Int) -> Bool, _ render: @Sendable (Int) -> Output
    ) -> [Output] {
        Parallel.map(count: count, isContended: parseIsSerialized,
                     sectionIsBusy: { MarkdownRenderer.serializedParseIsRunning }, render)
    }

    /// The files this build reads, in the order it reads them: every page file that has no
    /// recorded split (an unchanged one is not opened), and the course and character files.
    private static func filesToRead(in source: SiteSource, splits: (any MarkdownSplitCache)?) -> [String] {
        func unsplit(_ files: [SourceFile]) -> [String] {
            files.filter { splits?.hasSplit(ofUnchanged: $0.path) != true }.map(\.absolutePath)
        }
        return unsplit(source.posts) + unsplit(source.docs) + source.courseFiles.map(\.absolutePath)
            + unsplit(source.portfolio) + unsplit(source.characters) + source.characterTemplates.map(\.absolutePath)
    }

    static func makePost(_ file: SourceFile, _ frontMatter: PostFrontMatter, _ document: MarkdownDocument,
                                 now: ContentDate) -> BlogPost {
        var seo = frontMatter.seo
        if let image = frontMatter.seoImagePath {
            seo.image = PostFrontMatter.isExternal(image) ? image : "/" + image
        } else if let featured = frontMatter.featuredImage {
            seo.image = "/" + featured
        }
        let excerpt = frontMatter.excerpt ?? document.firstParagraph
        return BlogPost(
            source: file, title: frontMatter.title, slug: frontMatter.slug, date: frontMatter.date,
            publishedAt: frontMatter.publishedAt, updated: frontMatter.updated, status: frontMatter.status,
            isScheduled: frontMatter.publishedAt > now, author: frontMatter.author,
            categories: frontMatter.categories, tags: frontMatter.tags, excerpt: excerpt,
            featuredImage: frontMatter.featuredImage.map { "/" + $0 }, seo: seo, params: frontMatter.params,
            body: document, url: "/blog/\(frontMatter.slug)/")
    }
}
