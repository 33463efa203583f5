import SBCMSContent
import SBCMSCore

/// The static JSON API files, each in the shape `{ "data": ..., "meta": {...}, "links": {...} }`:
/// `meta.site` is the site id (and `meta.pagination` on lists), `links.self` the file's own
/// absolute URL (and `first`, `last`, `prev`, `next` on lists).
struct APIWriter {
    let renderer: SiteRenderer

    var graph: ContentGraph { renderer.graph }

    /// How many items a page of an API list carries (`settings.api_per_page`, default 20).
    var perPage: Int {
        if case .int(let size)? = graph.config.settings["api_per_page"]?.value, size > 0 { return size }
        return 20
    }

    func pageCount(_ items: Int) -> Int { max(1, (items + perPage - 1) / perPage) }

    /// One API document for a single item or an unpaginated list.
    func document(_ data: JSONValue, meta: [(String, JSONValue)] = [], selfURL: String) -> String {
        envelope(data, meta: meta, selfURL: selfURL).serialized()
    }

    /// `document` as UTF-8 bytes.
    func documentBytes(_ data: JSONValue, selfURL: String) -> [UInt8] {
        envelope(data, meta: [], selfURL: selfURL).serializedBytes()
    }

    private func envelope(_ data: JSONValue, meta: [(String, JSONValue)], selfURL: String) -> JSONValue {
        JSONValue.object([
            ("data", data),
            ("meta", .object([("site", .string(graph.config.id))] + meta)),
            ("links", .object([("self", .string(renderer.absolute(selfURL)))])),
        ])
    }

    /// Page `page` of the collection `name` (`posts`, `projects`...) with `total` items:
    /// `items(range)` gives the items of that page's index range.
    func listPage(_ name: String, page: Int, total: Int, items: (Range<Int>) -> [JSONValue]) -> OutputFile {
        let pages = pageCount(total)
        let lower = min(total, (page - 1) * perPage)
        let range = lower..<min(total, lower + perPage)
        func link(_ number: Int?) -> JSONValue {
            number.map { .string(renderer.absolute(APIPaths.collection(name, page: $0))) } ?? .null
        }
        let url = APIPaths.collection(name, page: page)
        let text = JSONValue.object([
            ("data", .array(items(range))),
            ("meta", .object([
                ("site", .string(graph.config.id)),
                ("pagination", .object([
                    ("page", .int(page)), ("per_page", .int(perPage)), ("total_pages", .int(pages)),
                    ("total_items", .int(total)),
                ])),
            ])),
            ("links", .object([
                ("self", link(page)), ("first", link(1)), ("last", link(pages)),
                ("prev", link(page > 1 ? page - 1 : nil)), ("next", link(page < pages ? page + 1 : nil)),
            ])),
        ]).serialized()
        return OutputFile(path: APIPaths.outputPath(url), content: .text(text))
    }

    /// The files of one API task.
    func render(_ task: APITask) -> OutputFile {
        switch task {
        case .index:
            return OutputFile(path: APIPaths.outputPath(APIPaths.root + "index.json"), content: .text(index()))
        case .posts(let page):
            let listed = renderer.listedIndexes
            return listPage("posts", page: page, total: listed.count) { range in
                listed[range].map { postSummary(graph.posts[$0]) }
            }
        case .post(let index):
            // One file per post holds its whole body: fingerprint the data instead of writing it again.
            let post = graph.posts[index]
            let url = APIPaths.item("posts", post.slug)
            let data = postDetail(post)
            return renderer.keepOrRender(path: APIPaths.outputPath(url)) { hasher in
                hasher.addString("api")
                hasher.addString(renderer.absolute(url))
                hasher.addString(graph.config.id)
                data.fingerprint(into: &hasher)
            } content: {
                .bytes(documentBytes(data, selfURL: url))
            }
        case .taxonomy(let name):
            let url = APIPaths.collection(name)
            return OutputFile(path: APIPaths.outputPath(url), content: .text(taxonomy(renderer.taxonomy(named: name), url: url)))
        }
    }

    /// `/api/v1/index.json`: the site and the first page of each collection it has.
    private func index() -> String {
        var collections: [(String, JSONValue)] = [
            ("posts", .string(renderer.absolute(APIPaths.collection("posts")))),
            ("categories", .string(renderer.absolute(APIPaths.collection("categories")))),
            ("tags", .string(renderer.absolute(APIPaths.collection("tags")))),
            ("graph", .string(renderer.absolute(APIPaths.root + "graph.json"))),
        ]
        if !graph.docs.isEmpty {
            collections.append(("docs", .string(renderer.absolute(APIPaths.root + "docs/hierarchy.json"))))
        }
        if !graph.courses.isEmpty { collections.append(("courses", .string(renderer.absolute(APIPaths.collection("courses"))))) }
        if !graph.portfolio.isEmpty {
            collections.append(("projects", .string(renderer.absolute(APIPaths.collection("projects")))))
            collections.append(("technologies", .string(renderer.absolute(APIPaths.collection("technologies")))))
        }
        if !graph.characters.isEmpty {
            collections.append(("characters", .string(renderer.absolute(APIPaths.collection("characters")))))
        }
        let config = graph.config
        let data = JSONValue.object([
            ("id", .string(config.id)), ("name", .string(config.name)), ("description", .string(config.description)),
            ("language", .string(config.language)), ("base_url", .string(config.baseURL)),
            ("collections", .object(collections)),
        ])
        return document(data, selfURL: APIPaths.root + "index.json")
    }

    private func taxonomy(_ taxonomy: Taxonomy, url: String) -> String {
        let terms = taxonomy.terms.map { term in
            JSONValue.object([
                ("name", .string(term.name)), ("slug", .string(term.slug)), ("url", .string(term.url)),
                ("count", .int(term.postIndexes.count)),
            ])
        }
        return document(.array(terms), meta: [("count", .int(terms.count))], selfURL: url)
    }
}
