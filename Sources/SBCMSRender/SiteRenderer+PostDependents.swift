import SBCMSContent
import SBCMSCore

extension SiteRenderer {
    /// Every task whose output can show the body of post `index` or what is derived from it
    /// (excerpt, reading time, word count, table of contents): its page and API file, the
    /// feeds, and the list pages (home, blog, terms, API list) that carry its summary. Titles,
    /// dates, URLs and links are not derived from the body, so no other output changes when
    /// only the body does (see `PostBodyEdit`).
    public func tasksShowing(postAt index: Int) -> [RenderTask] {
        var tasks: [RenderTask] = [.post(index: index), .api(.post(index: index)), .rss, .atom, .jsonFeed]
        guard let position = listedPositions[index] else { return tasks }
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
}
