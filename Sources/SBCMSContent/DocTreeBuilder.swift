import SBCMSCore
import SBCMSSource

/// Arranges documentation files into a tree: folders become pages (their `index.md` or a
/// generated index), every page gets its URL, siblings are ordered by `order`, then title.
struct DocTreeBuilder {
    /// The deepest level a doc file may have (`docs/a/b/c/d/page.md`).
    static let maxLevel = 5

    let site: SiteConfig

    /// Builds the tree of the files whose front matter could be read. Returns the tree and the
    /// problems found (files too deep, two pages with one URL).
    func build(_ files: [(file: SourceFile, frontMatter: DocFrontMatter)]) -> (DocTree, [Diagnostic]) {
        guard !files.isEmpty else { return (.empty, []) }
        var diagnostics: [Diagnostic] = []
        var pages: [DocPage] = []
        var folderPages: [String: Int] = [:]

        /// The page of a folder (`""` is docs/ itself), creating generated ones on the way.
        func folderPage(_ folder: [Substring]) -> Int {
            let key = folder.joined(separator: "/")
            if let existing = folderPages[key] { return existing }
            let parent = folder.isEmpty ? nil : folderPage(Array(folder.dropLast()))
            let urlPath = folder.map { Slug.make(String($0)) }.joined(separator: "/")
            let name = folder.last.map(String.init) ?? "docs"
            let page = DocPage(
                source: nil, title: folder.isEmpty ? "Documentation" : Self.title(fromFolderName: name),
                description: nil, order: nil, level: folder.count + 1, isIndex: true, isGenerated: true,
                url: urlPath.isEmpty ? "/docs/" : "/docs/\(urlPath)/", treePath: key, body: nil, parent: parent)
            pages.append(page)
            folderPages[key] = pages.count - 1
            return pages.count - 1
        }

        _ = folderPage([])
        var owners: [String: String] = [:]
        for (file, frontMatter) in files {
            let components = file.path.split(separator: "/").dropFirst()  // drop "docs"
            let level = components.count
            if level > Self.maxLevel {
                diagnostics.append(.error(
                    "docs-too-deep", at: SourceLocation(site: site.id, file: file.displayPath, line: 1, column: 1),
                    "\(file.path) is at level \(level) of the docs tree; at most \(Self.maxLevel) levels are allowed",
                    hint: "move it up: docs/a/b/c/d/page.md is the deepest allowed place"))
                continue
            }
            let folder = Array(components.dropLast())
            if folder.contains(where: { Slug.make(String($0)).isEmpty }) {
                diagnostics.append(.error(
                    "invalid-slug", at: SourceLocation(site: site.id, file: file.displayPath, line: 1, column: 1),
                    "a folder of \(file.path) has a name with no letters or digits, so it has no URL",
                    hint: "rename the folder with lowercase letters, digits and hyphens"))
                continue
            }
            let isIndex = file.fileName == "index.md"
            var index: Int
            if isIndex {
                index = folderPage(folder)
                pages[index].source = file
                pages[index].isGenerated = false
            } else {
                let slug = frontMatter.slug ?? Slug.make(file.baseName)
                guard !slug.isEmpty else {
                    diagnostics.append(.error(
                        "invalid-slug", at: SourceLocation(site: site.id, file: file.displayPath, line: 1, column: 1),
                        "the file name of \(file.path) gives an empty slug",
                        hint: "rename the file or set `slug:` in its front matter"))
                    continue
                }
                let parent = folderPage(folder)
                let base = pages[parent].url
                pages.append(DocPage(
                    source: file, title: frontMatter.title, description: nil, order: nil, level: level, isIndex: false,
                    isGenerated: false, url: base + slug + "/",
                    treePath: (folder.map(String.init) + [file.baseName]).joined(separator: "/"), body: nil,
                    parent: parent))
                index = pages.count - 1
            }
            pages[index].title = frontMatter.title
            pages[index].description = frontMatter.description
            pages[index].order = frontMatter.order
            pages[index].params = frontMatter.params
            if let owner = owners[pages[index].url] {
                diagnostics.append(.error(
                    "duplicate-url", at: SourceLocation(site: site.id, file: file.displayPath, line: 1, column: 1),
                    "\(file.path) would be published at \(pages[index].url), which \(owner) already uses",
                    hint: "rename the file or folder, or set a different `slug:`"))
            }
            owners[pages[index].url] = file.path
        }

        // Link children to parents, then order siblings.
        for index in pages.indices {
            if let parent = pages[index].parent { pages[parent].children.append(index) }
        }
        // Each page's sort key once, not two page copies and two lowercased titles per comparison.
        let keys = pages.map(SiblingKey.init)
        for index in pages.indices where pages[index].children.count > 1 {
            pages[index].children.sort { keys[$0] < keys[$1] }
        }
        let root = folderPages[""] ?? 0
        var readingOrder: [Int] = []
        func visit(_ index: Int) {
            readingOrder.append(index)
            for child in pages[index].children { visit(child) }
        }
        visit(root)
        let positions = Dictionary(uniqueKeysWithValues: readingOrder.enumerated().map { ($1, $0) })
        return (DocTree(pages: pages, root: root, readingOrder: readingOrder, readingPosition: positions), diagnostics)
    }

    /// How siblings are ordered: `order` first (pages without one after), then title without
    /// case, then URL.
    struct SiblingKey: Comparable {
        var order: Int
        var title: String
        var url: String

        init(_ page: DocPage) {
            order = page.order ?? Int.max
            title = page.title.lowercased()
            url = page.url
        }

        static func < (left: SiblingKey, right: SiblingKey) -> Bool {
            (left.order, left.title, left.url) < (right.order, right.title, right.url)
        }
    }

    /// `getting-started` → `Getting started`.
    static func title(fromFolderName name: String) -> String {
        let words = name.replacingDashes()
        guard let first = words.first else { return name }
        return first.uppercased() + words.dropFirst()
    }
}

extension String {
    fileprivate func replacingDashes() -> String {
        String(map { $0 == "-" || $0 == "_" ? " " : $0 })
    }
}
