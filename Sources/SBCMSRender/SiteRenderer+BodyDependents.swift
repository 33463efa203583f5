import SBCMSContent
import SBCMSCore
import SBCMSMarkdown

extension SiteRenderer {
    /// Every task whose output can show the body of post `index` or what is derived from it
    /// (excerpt, reading time, word count, table of contents): its page and API file, the
    /// feeds when it is among the posts they carry, and the list pages (home, blog, terms, API
    /// list) that carry its summary. Titles,
    /// dates, URLs and links are not derived from the body, so no other output changes when
    /// only the body does (see `BodyEditor`).
    public func tasksShowing(postAt index: Int) -> [RenderTask] {
        var tasks: [RenderTask] = [.post(index: index), .api(.post(index: index))]
        guard let position = listedPositions[index] else { return tasks }
        if position < feedLimit { tasks += [.rss, .atom, .jsonFeed] }
        if position < perPage { tasks.append(.home) }
        tasks.append(.blogIndex(page: position / perPage + 1))
        tasks.append(.api(.posts(page: position / APIWriter(renderer: self).perPage + 1)))
        let post = graph.posts[index]
        for (taxonomy, names) in [(graph.categories, post.categories), (graph.tags, post.tags)] {
            for slug in Set(names.map(Slug.make)) {
                guard let termIndex = termIndexes[taxonomy.name]?[slug],
                      let place = taxonomy.terms[termIndex].postIndexes.firstIndex(of: index) else { continue }
                tasks.append(.term(taxonomy: taxonomy.name, termIndex: termIndex, page: place / perPage + 1))
            }
        }
        return tasks
    }

    /// Every task whose output can show the body of doc page `index`: its own page (other doc
    /// pages show its title and front matter description only).
    public func tasksShowing(docAt index: Int) -> [RenderTask] {
        [.doc(index: index)]
    }

    /// Replaces the body of doc page `index`, whose front matter is unchanged (`BodyEditor`).
    public mutating func replaceDocBody(at index: Int, with body: MarkdownDocument) {
        graph.docs.pages[index].body = body
    }

    /// Replaces post `index` with `post`, which differs from it only in what `BodyEditor`
    /// lets change (body, excerpt): the renderer's lists and indexes stay valid.
    public mutating func replacePost(at index: Int, with post: BlogPost) {
        graph.posts[index] = post
    }
}
