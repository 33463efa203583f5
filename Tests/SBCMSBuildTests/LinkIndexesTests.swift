@testable import SBCMSContent
import SBCMSTestSupport
import Testing

/// `LinkIndexes` (ranks instead of path sets) gives exactly what the definition says: outgoing
/// links each target once in path order, backlinks each source once by title, URL, path.
@Suite struct LinkIndexesTests {
    /// The definition, with sets and string sorts.
    static func reference(_ links: [(source: String, targets: [String])], pages: [String: PageReference])
        -> (outgoing: [String: [String]], backlinks: [String: [String]]) {
        var outgoing: [String: [String]] = [:]
        var incoming: [String: Set<String>] = [:]
        for (source, targets) in links {
            let unique = Set(targets).subtracting([source]).filter { pages[$0] != nil }
            guard !unique.isEmpty else { continue }
            outgoing[source] = unique.sorted()
            for target in unique { incoming[target, default: []].insert(source) }
        }
        let backlinks = incoming.mapValues { sources in
            sources.sorted {
                (pages[$0]?.title ?? "", pages[$0]?.url ?? "", $0) < (pages[$1]?.title ?? "", pages[$1]?.url ?? "", $1)
            }
        }
        return (outgoing, backlinks)
    }

    @Test func agreesWithTheDefinitionOnRandomGraphs() {
        var random = SplitMix64(seed: 42)
        for round in 0..<40 {
            let pageCount = 1 + Int(random.next() % 60)
            var pages: [String: PageReference] = [:]
            for number in 0..<pageCount {
                let path = "docs/p\(number).md"
                // Few distinct titles, so ties fall to the URL and the path.
                pages[path] = PageReference(kind: .doc, title: "Title \(random.next() % 5)",
                                            url: "/docs/\(random.next() % 3)-\(number)/", path: path)
            }
            var links: [(source: String, targets: [String])] = []
            for number in 0..<(pageCount + 3) {
                // Sources outside `pages` (and listed twice) occur too, as do targets that are not pages.
                let source = number < pageCount ? "docs/p\(number).md" : "characters/c\(number % 2).md"
                let targets = (0..<Int(random.next() % 8)).map { _ in
                    random.next() % 7 == 0 ? "media/x.png" : "docs/p\(Int(random.next() % UInt64(pageCount + 2))).md"
                }
                links.append((source, targets))
            }
            let indexes = LinkIndexes(links, pages: pages)
            let expected = Self.reference(links, pages: pages)
            #expect(indexes.outgoing == expected.outgoing, "round \(round)")
            #expect(indexes.backlinks == expected.backlinks, "round \(round)")
        }
    }
}
