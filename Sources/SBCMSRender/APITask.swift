/// One static JSON API file of the blog: post lists, single posts, taxonomies, the API index.
public enum APITask: Sendable, Hashable {
    /// `/api/v1/index.json`: links to every collection of the site.
    case index
    /// Page `page` of the listed posts: `/api/v1/posts.json`, `/api/v1/posts/page/2.json`.
    case posts(page: Int)
    /// `ContentGraph.posts[index]` in full: `/api/v1/posts/<slug>.json`.
    case post(index: Int)
    /// `/api/v1/categories.json` or `/api/v1/tags.json`: every term with its post count.
    case taxonomy(name: String)
}
