import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// A page of the documentation tree: a Markdown file, or the generated index of a folder that
/// has no `index.md`.
public struct DocPage: Sendable {
    /// The Markdown file; nil for a generated folder index.
    public var source: SourceFile?
    public var title: String
    public var description: String?
    /// `order` from front matter; pages without one sort after those with one.
    public var order: Int?
    /// Depth under `docs/`: `docs/intro.md` is 1, `docs/a/b/c/d/page.md` is 5. A folder's
    /// page has its `index.md`'s level.
    public var level: Int
    /// True for a folder's page (its `index.md` or a generated one).
    public var isIndex: Bool
    /// True when the folder has no `index.md` and sbcms generated its page.
    public var isGenerated: Bool
    /// Site-relative URL: `/docs/`, `/docs/guides/`, `/docs/guides/backups/`.
    public var url: String
    /// The path of the node under docs/ (`guides/backups`), empty for the docs home.
    public var treePath: String
    public var body: MarkdownDocument?
    /// Index of the parent page in `DocTree.pages`; nil for the docs home.
    public var parent: Int?
    /// Indexes of the child pages, in sibling order (`order`, then title).
    public var children: [Int] = []
    public var history: PageHistory?
    /// Unknown front matter keys, for layouts.
    public var params: YAMLMap = YAMLMap()
}

/// The documentation hierarchy of a site.
public struct DocTree: Sendable {
    /// Every doc page; `pages[root]` is the docs home (`/docs/`).
    public var pages: [DocPage]
    public var root: Int
    /// Depth-first order of the whole tree: the order in which the docs read, and of prev/next.
    public var readingOrder: [Int]
    /// Page index → its position in `readingOrder`.
    public var readingPosition: [Int: Int]

    public static let empty = DocTree(pages: [], root: 0, readingOrder: [], readingPosition: [:])

    public var isEmpty: Bool { pages.isEmpty }

    /// The pages from the docs home down to `index`, both included.
    public func ancestry(of index: Int) -> [Int] {
        var chain: [Int] = [index]
        var current = pages[index].parent
        while let parent = current {
            chain.append(parent)
            current = pages[parent].parent
        }
        return chain.reversed()
    }

    /// The page before and after `index` in reading order.
    public func neighbours(of index: Int) -> (previous: Int?, next: Int?) {
        guard let position = readingPosition[index] else { return (nil, nil) }
        let previous = position > 0 ? readingOrder[position - 1] : nil
        let next = position + 1 < readingOrder.count ? readingOrder[position + 1] : nil
        return (previous, next)
    }
}
