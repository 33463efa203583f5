import SBCMSCore

/// A term of a taxonomy (one category or one tag) and the posts that carry it.
public struct TaxonomyTerm: Sendable {
    public var name: String
    public var slug: String
    /// Site-relative URL: `/blog/categories/<slug>/`.
    public var url: String
    /// Indexes into `ContentGraph.posts`, newest first.
    public var postIndexes: [Int]
}

/// A way of grouping posts: categories or tags.
public struct Taxonomy: Sendable {
    /// `categories` or `tags`: also the URL segment.
    public var name: String
    /// Singular form for titles: `Category`, `Tag`.
    public var singularTitle: String
    /// Terms sorted by slug.
    public var terms: [TaxonomyTerm]

    /// Groups the listed posts by the names `keyPath` gives; terms whose names slug the same
    /// (`Swift`, `swift`) are one term named as it was first written.
    static func build(name: String, singularTitle: String, posts: [BlogPost], values: (BlogPost) -> [String]) -> Taxonomy {
        var bySlug: [String: TaxonomyTerm] = [:]
        for (index, post) in posts.enumerated() where post.isListed {
            var seen: Set<String> = []
            for value in values(post) {
                let slug = Slug.make(value)
                guard !slug.isEmpty, seen.insert(slug).inserted else { continue }
                bySlug[slug, default: TaxonomyTerm(name: value, slug: slug, url: "/blog/\(name)/\(slug)/", postIndexes: [])]
                    .postIndexes.append(index)
            }
        }
        let terms = bySlug.values.sorted { $0.slug < $1.slug }
        return Taxonomy(name: name, singularTitle: singularTitle, terms: terms)
    }
}
