import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// Applies an edit of one blog post to a built content graph without building the site again,
/// when the edit changed only the post's body, its excerpt and what is derived from them
/// (reading time, word count, table of contents): the preview server's fast path.
///
/// Anything that another page could see is refused (nil), so the caller builds the site
/// instead: a changed front matter value, a diagnostic, a changed set of heading ids (other
/// pages' anchors), a changed set of linked pages (backlinks), an anchor that cannot be checked
/// here. `SiteRenderer.tasksShowing(postAt:)` names the outputs to render again.
public enum PostBodyEdit {
    /// The post at site-relative `path` read again from disk, and its index in `graph.posts`;
    /// nil when the edit needs a full build.
    public static func read(path: String, in graph: ContentGraph, source: SiteSource,
                            options: ContentOptions) -> (post: BlogPost, index: Int)? {
        guard let index = graph.posts.firstIndex(where: { $0.source.path == path }) else { return nil }
        let old = graph.posts[index]
        let config = graph.config
        let parsed = MarkdownFileReader.parse(old.source, site: config) { markdown, file in
            PostFrontMatter.read(markdown, file: file, site: config, filePaths: source.filePaths)
        }
        guard parsed.diagnostics.isEmpty, let frontMatter = parsed.frontMatter else { return nil }
        let resolver = LinkResolver(pageURLs: graph.pages.mapValues(\.url), unbuiltPages: [],
                                    filePaths: source.filePaths, failedPages: [])
        let renderer = BodyRenderer(renderer: MarkdownRenderer(options: MarkdownOptions(allowRawHTML: config.allowRawHTML)),
                                    resolver: resolver, site: config, cache: options.markdownCache)
        let body = renderer.render(parsed.body, lineOffset: parsed.bodyLineOffset, file: old.source)
        guard body.diagnostics.isEmpty else { return nil }
        let post = ContentGraphBuilder.makePost(old.source, frontMatter, body.document, now: options.now)
        guard post.hasSameMetadata(as: old) else { return nil }

        let headingIDs = Set(post.body.headings.map(\.id))
        guard headingIDs == Set(old.body.headings.map(\.id)) else { return nil }
        for check in body.anchorChecks {
            let ids = check.targetPath == path ? headingIDs : graph.headingIDs(ofPageAt: check.targetPath)
            guard let ids, ids.contains(check.fragment) || check.fragment.hasPrefix("fn-") || check.fragment.hasPrefix("fnref-")
            else { return nil }
        }
        let linked = Set(body.linkedPages).subtracting([path]).filter { graph.pages[$0] != nil }.sorted()
        guard linked == graph.outgoingLinks[path] ?? [] else { return nil }

        return (post, index)
    }
}

extension BlogPost {
    /// True when everything but the body and the excerpt is the same.
    func hasSameMetadata(as other: BlogPost) -> Bool {
        source == other.source && title == other.title && slug == other.slug && date == other.date
            && publishedAt == other.publishedAt && updated == other.updated && status == other.status
            && isScheduled == other.isScheduled && author == other.author && categories == other.categories
            && tags == other.tags && featuredImage == other.featuredImage && seo == other.seo
            && params == other.params && url == other.url
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
