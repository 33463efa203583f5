import SBCMSContent
import SBCMSCore

/// The docs hierarchy and the link graph of the API.
extension APIWriter {
    /// `/api/v1/docs/hierarchy.json`: the docs tree from the docs home down.
    func docsHierarchy() -> String {
        let tree = graph.docs
        func node(_ index: Int) -> JSONValue {
            let page = tree.pages[index]
            return .object([
                ("title", .string(page.title)),
                ("url", .string(page.url)),
                ("path", .string(page.source?.path ?? "docs/" + page.treePath)),
                ("level", .int(page.level)),
                ("order", page.order.map(JSONValue.int) ?? .null),
                ("description", .optional(page.description)),
                ("is_index", .bool(page.isIndex)),
                ("is_generated", .bool(page.isGenerated)),
                ("last_modified", .optional(page.history?.lastModified.rfc3339)),
                ("children", .array(page.children.map(node))),
            ])
        }
        return document(node(tree.root), meta: [("pages", .int(tree.pages.count))], selfURL: "/api/v1/docs/hierarchy.json")
    }

    /// `/api/v1/graph.json`: every page with a source file as a node, every link between pages
    /// as an edge (by URL).
    func linkGraph() -> String {
        let references = graph.pages.values.sorted { $0.url < $1.url }
        let nodes = references.map { reference in
            JSONValue.object([
                ("id", .string(reference.url)), ("kind", .string(reference.kind.rawValue)),
                ("title", .string(reference.title)), ("url", .string(reference.url)),
            ])
        }
        var edges: [JSONValue] = []
        for reference in references {
            for target in graph.outgoingLinks[reference.path] ?? [] {
                guard let targetURL = graph.pages[target]?.url else { continue }
                edges.append(.object([("source", .string(reference.url)), ("target", .string(targetURL))]))
            }
        }
        return document(.object([("nodes", .array(nodes)), ("edges", .array(edges))]),
                        meta: [("nodes", .int(nodes.count)), ("edges", .int(edges.count))], selfURL: "/api/v1/graph.json")
    }
}
