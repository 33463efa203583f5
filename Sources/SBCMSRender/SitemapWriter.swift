import SBCMSContent
import SBCMSCore

/// A page listed in sitemap.xml.
struct SitemapEntry {
    /// Site-relative URL.
    var url: String
    var lastModified: ContentDate?
}

/// Writes sitemap.xml (every indexable page with its `lastmod`) and robots.txt.
struct SitemapWriter {
    let renderer: SiteRenderer

    private func entries() -> [SitemapEntry] {
        let graph = renderer.graph
        let newest = graph.listedPosts.map(\.lastModified).max()
        var entries = [SitemapEntry(url: "/", lastModified: newest), SitemapEntry(url: "/blog/", lastModified: newest)]
        for post in graph.posts where !post.seo.noindex && post.status != .draft && !post.isScheduled {
            entries.append(SitemapEntry(url: post.url, lastModified: post.lastModified))
        }
        for index in graph.docs.readingOrder {
            let page = graph.docs.pages[index]
            entries.append(SitemapEntry(url: page.url, lastModified: page.history?.lastModified))
        }
        for taxonomy in [graph.categories, graph.tags] {
            let taxonomyNewest = taxonomy.terms.flatMap(\.postIndexes).map { graph.posts[$0].lastModified }.max()
            entries.append(SitemapEntry(url: "/blog/\(taxonomy.name)/", lastModified: taxonomyNewest))
            for term in taxonomy.terms {
                entries.append(SitemapEntry(url: term.url, lastModified: term.postIndexes.map { graph.posts[$0].lastModified }.max()))
            }
        }
        entries += renderer.courseSitemapEntries() + renderer.portfolioSitemapEntries()
            + renderer.characterSitemapEntries()
        return entries
    }

    func sitemap() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries() {
            xml += "<url><loc>\(TextEscaping.xml(renderer.absolute(entry.url)))</loc>"
            if let lastModified = entry.lastModified { xml += "<lastmod>\(lastModified.rfc3339)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(renderer.absolute("/sitemap.xml"))\n"
    }
}
