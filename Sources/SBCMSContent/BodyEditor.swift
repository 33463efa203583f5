import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// Reads an edited post or doc page again for a built content graph, without building the
/// site, when the edit changed only the page's body and what is derived from it (excerpt,
/// reading time, word count, table of contents): the preview server's fast path.
///
/// Anything that another page could see is refused (nil), so the caller builds the site
/// instead: a changed front matter value, a diagnostic, a changed set of heading ids (other
/// pages' anchors), a changed set of linked pages (backlinks), an anchor that cannot be checked
/// here. `SiteRenderer.tasksShowing(postAt:)` and `tasksShowing(docAt:)` name the outputs to
/// render again. Made once per built graph: the link resolver (every page's URL) is built here,
/// not on every edit, and stays valid because an accepted edit changes no URL.
public struct BodyEditor: Sendable {
    /// A page read again.
    public enum EditedPage: Sendable {
        /// The new post and its index in `graph.posts`.
        case post(BlogPost, index: Int)
        /// The new body of the doc page at `index` in `graph.docs.pages`.
        case doc(MarkdownDocument, index: Int)
    }

    let source: SiteSource
    let options: ContentOptions
    let bodyRenderer: BodyRenderer

    public init(graph: ContentGraph, source: SiteSource, options: ContentOptions) {
        self.source = source
        self.options = options
        let resolver = LinkResolver(pageURLs: graph.pages.mapValues(\.url), unbuiltPages: [],
                                    filePaths: source.filePaths, failedPages: [])
        bodyRenderer = BodyRenderer(
            renderer: MarkdownRenderer(options: MarkdownOptions(allowRawHTML: graph.config.allowRawHTML)),
            resolver: resolver, site: graph.config, cache: options.markdownCache)
    }

    /// The post (`blog/…`) or doc page (`docs/…`) at site-relative `path` read again from disk;
    /// nil when the edit needs a full build.
    public func read(path: String, in graph: ContentGraph) -> EditedPage? {
        if path.hasPrefix("blog/") { return post(at: path, in: graph) }
        if path.hasPrefix("docs/") { return doc(at: path, in: graph) }
        return nil
    }

    func post(at path: String, in graph: ContentGraph) -> EditedPage? {
        guard let index = graph.posts.firstIndex(where: { $0.source.path == path }) else { return nil }
        let old = graph.posts[index]
        let config = graph.config
        let filePaths = source.filePaths
        let parsed = MarkdownFileReader.parse(old.source, site: config) { markdown, file in
            PostFrontMatter.read(markdown, file: file, site: config, filePaths: filePaths)
        }
        guard parsed.diagnostics.isEmpty, let frontMatter = parsed.frontMatter,
              let body = checkedBody(parsed, path: path, oldHeadings: old.body.headings, graph: graph) else { return nil }
        let post = ContentGraphBuilder.makePost(old.source, frontMatter, body, now: options.now)
        guard post.hasSameMetadata(as: old) else { return nil }
        return .post(post, index: index)
    }

    /// Only for doc pages whose "last updated" date comes from git.
    func doc(at path: String, in graph: ContentGraph) -> EditedPage? {
        let pages = graph.docs.pages
        guard let index = pages.firstIndex(where: { $0.source?.path == path }), let file = pages[index].source
        else { return nil }
        let page = pages[index]
        // "Last updated" comes from git, which an edit does not change until it is committed;
        // outside git it is the file's modification time, which every edit changes (and the
        // tree, the sitemap and the parent pages show it).
        guard page.history?.lastEditedBy != nil else { return nil }
        let config = graph.config
        let parsed = MarkdownFileReader.parse(file, site: config) { markdown, file in
            DocFrontMatter.read(markdown, file: file, site: config)
        }
        guard parsed.diagnostics.isEmpty, let frontMatter = parsed.frontMatter,
              frontMatter.title == page.title, frontMatter.description == page.description,
              frontMatter.order == page.order, frontMatter.params == page.params else { return nil }
        // A page's URL ends in its slug; a folder's index page takes the folder's URL.
        if !page.isIndex {
            guard let parent = page.parent,
                  page.url == pages[parent].url + (frontMatter.slug ?? Slug.make(file.baseName)) + "/" else { return nil }
        }
        guard let body = checkedBody(parsed, path: path, oldHeadings: page.body?.headings ?? [], graph: graph)
        else { return nil }
        return .doc(body, index: index)
    }

    /// Renders the edited body and checks that no other page can see the difference.
    private func checkedBody<FrontMatter>(
        _ parsed: ParsedFile<FrontMatter>, path: String, oldHeadings: [MarkdownHeading], graph: ContentGraph
    ) -> MarkdownDocument? {
        let body = bodyRenderer.render(parsed.body, lineOffset: parsed.bodyLineOffset, file: parsed.file)
        guard body.diagnostics.isEmpty else { return nil }
        let headingIDs = Set(body.document.headings.map(\.id))
        guard headingIDs == Set(oldHeadings.map(\.id)) else { return nil }
        for check in body.anchorChecks {
            let ids = check.targetPath == path ? headingIDs : graph.headingIDs(ofPageAt: check.targetPath)
            guard let ids, ids.contains(check.fragment) || check.fragment.hasPrefix("fn-") || check.fragment.hasPrefix("fnref-")
            else { return nil }
        }
        let linked = Set(body.linkedPages).subtracting([path]).filter { graph.pages[$0] != nil }.sorted()
        guard linked == graph.outgoingLinks[path] ?? [] else { return nil }
        return body.document
    }
}

extension BlogPost {
    /// True when everything but the body and the excerpt is the same.
    func hasSameMetadata(as other: BlogPost) -> Bool {
        source == other.source && metadataDigest == other.metadataDigest
    }
}

extension ContentGraph {
    /// The heading ids of the post or doc page at site-relative `path` (nil for other pages).
    func headingIDs(ofPageAt path: String) -> Set<String>? {
        if let post = posts.first(where: { $0.source.path == path }) { return Set(post.body.headings.map(\.id)) }
        if let page = docs.pages.first(where: { $0.source?.path == path }) {
            return Set((page.body?.headings ?? []).map(\.id))
        }
        return nil
    }
}
