/// Builds the nested table of contents from a page's headings.
enum TableOfContents {
    /// Levels that appear in the table of contents.
    static let levels = 2...4

    /// h2 to h4 nested by level: a heading becomes a child of the closest earlier heading of a
    /// smaller level; one with no such heading (an h3 before any h2) is top-level.
    static func build(from headings: [MarkdownHeading]) -> [TOCEntry] {
        let entries = headings.filter { levels.contains($0.level) }
        var children = Array(repeating: [Int](), count: entries.count)
        var roots: [Int] = []
        var stack: [Int] = []
        for (index, heading) in entries.enumerated() {
            while let top = stack.last, entries[top].level >= heading.level { stack.removeLast() }
            if let parent = stack.last {
                children[parent].append(index)
            } else {
                roots.append(index)
            }
            stack.append(index)
        }
        func entry(_ index: Int) -> TOCEntry {
            let heading = entries[index]
            return TOCEntry(level: heading.level, id: heading.id, text: heading.text,
                            children: children[index].map(entry))
        }
        return roots.map(entry)
    }
}
