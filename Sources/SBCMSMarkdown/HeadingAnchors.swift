internal import CCmarkGFM

/// Gives headings an id and an anchor link by replacing each heading node with a custom block
/// holding a custom inline: `<hN id="x"><a class="anchor" href="#x" aria-hidden="true" tabindex="-1">#</a>`,
/// the heading's own inline children (so code, links and emphasis still render), then `</hN>`.
enum HeadingAnchors {
    static func install(on heading: HeadingNode, id: String, in tree: CmarkTree) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
            cmark_node_free(block)
            return
        }
        let level = min(max(heading.level, 1), 6)
        cmark_node_set_on_enter(inline, "<h\(level) id=\"\(id)\"><a class=\"anchor\" href=\"#\(id)\" aria-hidden=\"true\" tabindex=\"-1\">#</a>")
        cmark_node_set_on_exit(inline, "</h\(level)>")
        while let child = cmark_node_first_child(heading.node) {
            if cmark_node_append_child(inline, child) == 0 { break }
        }
        cmark_node_append_child(block, inline)
        tree.replace(heading.node, with: block)
    }
}
