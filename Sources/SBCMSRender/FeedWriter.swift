import SBCMSContent
import SBCMSCore

/// Writes the site's feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1, with full content and
/// absolute URLs inside it.
struct FeedWriter {
    let renderer: SiteRenderer

    private var config: SiteConfigView { SiteConfigView(renderer: renderer) }

    /// The newest date any feed entry carries, or the Unix epoch for an empty blog (never the
    /// build time: output must not change when content did not).
    private var feedUpdated: ContentDate {
        renderer.feedPosts.map(\.lastModified).max() ?? ContentDate(secondsSince1970: 0)
    }

    private func content(_ post: BlogPost) -> String {
        TextEscaping.absolutizeURLs(in: post.body.html, baseURL: config.baseURL, pageURL: renderer.absolute(post.url))
    }

    func rss() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n"
        xml += "<title>\(TextEscaping.xml(config.name))</title>\n"
        xml += "<link>\(TextEscaping.xml(config.baseURL))</link>\n"
        xml += "<description>\(TextEscaping.xml(config.description.isEmpty ? config.name : config.description))</description>\n"
        xml += "<language>\(TextEscaping.xml(config.language))</language>\n"
        xml += "<lastBuildDate>\(feedUpdated.rfc822)</lastBuildDate>\n"
        xml += "<atom:link href=\"\(TextEscaping.xml(renderer.absolute("/rss.xml")))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        for post in renderer.feedPosts {
            let url = renderer.absolute(post.url)
            xml += "<item>\n<title>\(TextEscaping.xml(post.title))</title>\n<link>\(TextEscaping.xml(url))</link>\n"
            xml += "<guid isPermaLink=\"true\">\(TextEscaping.xml(url))</guid>\n"
            xml += "<pubDate>\(post.publishedAt.rfc822)</pubDate>\n"
            if let author = post.author { xml += "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\(TextEscaping.xml(author))</dc:creator>\n" }
            for category in post.categories { xml += "<category>\(TextEscaping.xml(category))</category>\n" }
            xml += "<description>\(TextEscaping.xml(post.excerpt))</description>\n"
            xml += "<content:encoded>\(TextEscaping.xml(content(post)))</content:encoded>\n</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }

    func atom() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(TextEscaping.xml(config.language))\">\n"
        xml += "<id>\(TextEscaping.xml(config.baseURL))</id>\n"
        xml += "<title>\(TextEscaping.xml(config.name))</title>\n"
        if !config.description.isEmpty { xml += "<subtitle>\(TextEscaping.xml(config.description))</subtitle>\n" }
        xml += "<updated>\(feedUpdated.rfc3339)</updated>\n"
        xml += "<link href=\"\(TextEscaping.xml(renderer.absolute("/atom.xml")))\" rel=\"self\" type=\"application/atom+xml\"/>\n"
        xml += "<link href=\"\(TextEscaping.xml(config.baseURL))\" rel=\"alternate\" type=\"text/html\"/>\n"
        xml += "<author><name>\(TextEscaping.xml(config.author ?? config.name))</name></author>\n"
        xml += "<generator>sbcms</generator>\n"
        for post in renderer.feedPosts {
            let url = renderer.absolute(post.url)
            xml += "<entry>\n<id>\(TextEscaping.xml(url))</id>\n<title>\(TextEscaping.xml(post.title))</title>\n"
            xml += "<link href=\"\(TextEscaping.xml(url))\" rel=\"alternate\" type=\"text/html\"/>\n"
            xml += "<published>\(post.publishedAt.rfc3339)</published>\n<updated>\(post.lastModified.rfc3339)</updated>\n"
            if let author = post.author { xml += "<author><name>\(TextEscaping.xml(author))</name></author>\n" }
            for category in post.categories { xml += "<category term=\"\(TextEscaping.xml(category))\"/>\n" }
            xml += "<summary>\(TextEscaping.xml(post.excerpt))</summary>\n"
            xml += "<content type=\"html\">\(TextEscaping.xml(content(post)))</content>\n</entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    func jsonFeed() -> String {
        var items: [String] = []
        for post in renderer.feedPosts {
            let url = renderer.absolute(post.url)
            var fields = [
                "\"id\":\(TextEscaping.jsonString(url))", "\"url\":\(TextEscaping.jsonString(url))",
                "\"title\":\(TextEscaping.jsonString(post.title))",
                "\"content_html\":\(TextEscaping.jsonString(content(post)))",
                "\"summary\":\(TextEscaping.jsonString(post.excerpt))",
                "\"date_published\":\(TextEscaping.jsonString(post.publishedAt.rfc3339))",
                "\"date_modified\":\(TextEscaping.jsonString(post.lastModified.rfc3339))",
            ]
            if let image = post.featuredImage { fields.append("\"image\":\(TextEscaping.jsonString(renderer.absolute(image)))") }
            if let author = post.author { fields.append("\"authors\":[{\"name\":\(TextEscaping.jsonString(author))}]") }
            let tags = post.categories + post.tags
            if !tags.isEmpty { fields.append("\"tags\":[" + tags.map { TextEscaping.jsonString($0) }.joined(separator: ",") + "]") }
            items.append("    {" + fields.joined(separator: ",") + "}")
        }
        var json = "{\n"
        json += "  \"version\": \"https://jsonfeed.org/version/1.1\",\n"
        json += "  \"title\": \(TextEscaping.jsonString(config.name)),\n"
        json += "  \"home_page_url\": \(TextEscaping.jsonString(config.baseURL)),\n"
        json += "  \"feed_url\": \(TextEscaping.jsonString(renderer.absolute("/feed.json"))),\n"
        if !config.description.isEmpty { json += "  \"description\": \(TextEscaping.jsonString(config.description)),\n" }
        json += "  \"language\": \(TextEscaping.jsonString(config.language)),\n"
        if let author = config.author { json += "  \"authors\": [{\"name\": \(TextEscaping.jsonString(author))}],\n" }
        json += "  \"items\": [\n" + items.joined(separator: ",\n") + (items.isEmpty ? "" : "\n") + "  ]\n}\n"
        return json
    }
}

/// The few site settings the feed and sitemap writers read.
struct SiteConfigView {
    let renderer: SiteRenderer
    var name: String { renderer.graph.config.name }
    var baseURL: String { renderer.graph.config.baseURL }
    var description: String { renderer.graph.config.description }
    var language: String { renderer.graph.config.language }
    var author: String? { renderer.graph.config.author }
}
