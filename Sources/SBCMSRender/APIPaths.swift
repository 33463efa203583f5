/// Where the static JSON API files live, under `/api/v1/` of each site.
public enum APIPaths {
    public static let root = "/api/v1/"

    /// Page `page` of a collection: `/api/v1/posts.json`, then `/api/v1/posts/page/2.json`.
    public static func collection(_ name: String, page: Int = 1) -> String {
        page <= 1 ? "\(root)\(name).json" : "\(root)\(name)/page/\(page).json"
    }

    /// One item of a collection: `/api/v1/posts/hello.json`.
    public static func item(_ collection: String, _ id: String) -> String {
        "\(root)\(collection)/\(id).json"
    }

    /// The output file of an API URL (the URL without its leading `/`).
    public static func outputPath(_ url: String) -> String {
        url.hasPrefix("/") ? String(url.dropFirst()) : url
    }
}
