import SBCMSContent
import SBCMSCore

/// The ids of the doc pages in the single-file export: `doc-<slug of the URL under /docs/>`
/// (`/docs/guides/backups/` → `doc-guides-backups`, the docs home → `doc-index`), unique across
/// the tree. A page's own ids become `<section id>--<id>`; page ids never contain `--`, so the
/// prefixed ids of two pages cannot collide.
struct DocAnchors: Sendable {
    private var idsByURL: [String: String] = [:]
    /// Section id of each page, by index in `DocTree.pages`.
    private(set) var ids: [Int: String] = [:]

    init(tree: DocTree) {
        var taken: Set<String> = []
        let order = tree.readingOrder + tree.pages.indices.filter { tree.readingPosition[$0] == nil }
        for index in order {
            let url = tree.pages[index].url
            let path = url.hasPrefix("/docs/") ? String(url.dropFirst(6)) : url
            var base = Slug.make(path)
            if base.isEmpty { base = "index" }
            var id = "doc-" + base
            var counter = 2
            while taken.contains(id) {
                id = "doc-\(base)-\(counter)"
                counter += 1
            }
            taken.insert(id)
            ids[index] = id
            idsByURL[url] = id
        }
    }

    /// Anchors for other single-file exports: section id by site URL (`/characters/ada/` →
    /// `character-ada`).
    init(sectionIDs: [String: String]) {
        idsByURL = sectionIDs
    }

    /// The section id of the doc page at a site URL (`/docs/a/`; `/docs/a` is accepted too).
    func sectionID(forURL url: String) -> String? {
        if let id = idsByURL[url] { return id }
        return url.hasSuffix("/") ? nil : idsByURL[url + "/"]
    }

    /// The export id of the element `id` of the page whose section id is `sectionID`.
    static func prefixed(_ id: String, in sectionID: String) -> String {
        sectionID + "--" + id
    }
}
