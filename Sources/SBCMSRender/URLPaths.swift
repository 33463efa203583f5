/// Where pages live: the one place that maps a URL to its output file and builds list URLs.
public enum URLPaths {
    /// `/blog/hello/` → `blog/hello/index.html`; `/404.html` → `404.html`; `/` → `index.html`.
    public static func outputPath(forURL url: String) -> String {
        var path = url.hasPrefix("/") ? String(url.dropFirst()) : url
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }

    /// Page `page` of a paginated list whose first page is `base` (`/blog/` → `/blog/page/2/`).
    public static func paginated(_ base: String, page: Int) -> String {
        page <= 1 ? base : "\(base)page/\(page)/"
    }

    /// `/x/` on `https://a.example.com/` → `https://a.example.com/x/`.
    public static func absolute(_ url: String, baseURL: String) -> String {
        if url.hasPrefix("http://") || url.hasPrefix("https://") { return url }
        let trimmed = url.hasPrefix("/") ? String(url.dropFirst()) : url
        return baseURL + trimmed
    }
}
