import SBCMSCore

extension ContentGraphBuilder {
    /// The `broken-anchor` errors of every body: links to a heading (`page.md#id`) that the
    /// target page does not have. Anchors can only be checked once every page's headings are
    /// known; only the pages that anchors point into need their heading ids as a set.
    static func brokenAnchors(in bodies: [(path: String, body: RenderedBody)]) -> [Diagnostic] {
        let anchorChecks = bodies.flatMap(\.body.anchorChecks)
        let anchorTargets = Set(anchorChecks.map(\.targetPath))
        var headingIDs: [String: Set<String>] = [:]
        for (path, body) in bodies where anchorTargets.contains(path) {
            headingIDs[path] = Set(body.document.headings.map(\.id))
        }
        var diagnostics: [Diagnostic] = []
        for check in anchorChecks {
            guard let ids = headingIDs[check.targetPath] else { continue }
            if ids.contains(check.fragment) || check.fragment.hasPrefix("fn-") || check.fragment.hasPrefix("fnref-") {
                continue
            }
            diagnostics.append(.error(
                "broken-anchor", at: check.location,
                "link '\(check.destination)' points to heading '#\(check.fragment)', which does not exist in \(check.targetPath)",
                hint: ids.isEmpty ? "the target page has no headings" :
                    "existing headings: \(ids.sorted().prefix(8).joined(separator: ", "))"))
        }
        return diagnostics
    }
}
