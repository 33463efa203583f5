import SBCMSContent
import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// Blog posts in the API: a summary in lists, the whole post in `/api/v1/posts/<slug>.json`.
extension APIWriter {
    func postSummary(_ post: BlogPost) -> JSONValue {
        .object(postFields(post))
    }

    func postDetail(_ post: BlogPost) -> JSONValue {
        let backlinks = backlinksJSON(of: post.source.path)
        return .object(postFields(post) + [
            ("updated", .optional(post.updated?.rfc3339)),
            ("word_count", .int(post.wordCount)),
            ("toc", .array(post.body.toc.map(Self.tocEntry))),
            ("content_html", .html(BodyHTML(post.body))),
            ("backlinks", backlinks),
            ("params", Self.json(.map(post.params))),
        ])
    }

    private func postFields(_ post: BlogPost) -> [(String, JSONValue)] {
        [
            ("slug", .string(post.slug)),
            ("title", .string(post.title)),
            ("url", .string(post.url)),
            ("permalink", .string(renderer.absolute(post.url))),
            ("api_url", .string(renderer.absolute(APIPaths.item("posts", post.slug)))),
            ("status", .string(post.status.rawValue)),
            ("published_at", .string(post.publishedAt.rfc3339)),
            ("author", .optional(post.author)),
            ("categories", .array(post.categories.map(JSONValue.string))),
            ("tags", .array(post.tags.map(JSONValue.string))),
            ("excerpt", .string(post.excerpt)),
            ("reading_minutes", .int(post.readingMinutes)),
            ("featured_image", .optional(post.featuredImage)),
        ]
    }

    /// The pages that link to the page at `path`: `title`, `url` and `kind` of each.
    func backlinksJSON(of path: String) -> JSONValue {
        .array(graph.backlinkReferences(to: path).map { reference in
            .object([("title", .string(reference.title)), ("url", .string(reference.url)),
                     ("kind", .string(reference.kind.rawValue))])
        })
    }

    static func tocEntry(_ entry: TOCEntry) -> JSONValue {
        .object([("id", .string(entry.id)), ("text", .string(entry.text)),
                 ("children", .array(entry.children.map(tocEntry)))])
    }

    /// A front matter value as JSON, keys in the order written.
    static func json(_ value: YAMLValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(text)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        case .list(let items): return .array(items.map { json($0.value) })
        case .map(let map): return .object(map.entries.map { ($0.key, json($0.node.value)) })
        }
    }
}
