import SBCMSContent
import SBCMSCore

/// Documentation pages: the `doc` layout with sidebar, breadcrumbs, prev/next and history.
extension SiteRenderer {
    func renderDoc(_ index: Int) -> OutputFile {
        let tree = graph.docs
        let page = tree.pages[index]
        let description = page.description ?? page.body.map { Self.truncated($0.firstParagraph) } ?? ""
        var info = pageInfo(kind: "doc", title: page.title, url: page.url,
                            description: description.isEmpty ? "\(page.title) · \(config.name) documentation" : description)
        if let body = page.body { setBody(body, on: &info) }
        if !page.params.entries.isEmpty { info.params = YAMLValueBridge.dictionary(page.params) }
        if let path = page.source?.path { setBacklinks(of: path, on: &info) }

        let ancestry = tree.ancestry(of: index)
        let openPages = Set(ancestry)
        let (previous, next) = tree.neighbours(of: index)
        let children = page.children.map { child in
            DocChild(title: tree.pages[child].title, url: tree.pages[child].url,
                     description: tree.pages[child].description, isFolder: tree.pages[child].isIndex)
        }
        let doc = DocContext(
            breadcrumbs: ancestry.dropLast().map { PageLink(title: tree.pages[$0].title, url: tree.pages[$0].url) },
            sidebar: tree.pages[tree.root].children.map { sidebarItem($0, current: index, open: openPages) },
            previous: previous.map { PageLink(title: tree.pages[$0].title, url: tree.pages[$0].url) },
            next: next.map { PageLink(title: tree.pages[$0].title, url: tree.pages[$0].url) },
            children: children, hasChildren: !children.isEmpty, isGenerated: page.isGenerated,
            isHome: index == tree.root, level: page.level,
            lastModifiedISO: page.history?.lastModified.rfc3339, lastModifiedReadable: page.history?.lastModified.readable,
            lastEditedBy: page.history?.lastEditedBy, version: page.history?.version ?? 1)
        var seo = seo(for: info, jsonLD: docJSONLD(page))
        seo.ogType = "article"
        seo.modifiedTime = page.history?.lastModified.rfc3339
        let context = PageContext(site: siteContext(activeURL: page.url), page: info, seo: seo, post: nil, list: nil,
                                  taxonomy: nil, doc: doc)
        return self.page("doc", url: page.url, context)
    }

    /// The sidebar entry of a page: its children are listed only on the current page's path.
    private func sidebarItem(_ index: Int, current: Int, open: Set<Int>) -> SidebarItem {
        let page = graph.docs.pages[index]
        let isOpen = open.contains(index)
        return SidebarItem(
            title: page.title, url: page.url, isCurrent: index == current, isOpen: isOpen,
            hasChildren: !page.children.isEmpty,
            children: isOpen ? page.children.map { sidebarItem($0, current: current, open: open) } : [])
    }

    private func docJSONLD(_ page: DocPage) -> String {
        var json = JSONLDWriter()
        json.string("@context", "https://schema.org")
        json.string("@type", "TechArticle")
        json.string("headline", page.title)
        json.string("url", absolute(page.url))
        json.string("inLanguage", config.language)
        json.object("isPartOf") { site in
            site.string("@type", "WebSite")
            site.string("name", config.name)
            site.string("url", config.baseURL)
        }
        if let modified = page.history?.lastModified { json.string("dateModified", modified.rfc3339) }
        return json.text
    }
}
