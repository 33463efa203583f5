import SBCMSCore

/// The graph's link indexes: each page's outgoing links (each target once, sorted by path) and
/// backlinks (each source once, sorted by title, then URL, then path), from the pages every
/// body links to.
///
/// Every path gets two numbers, its place in path order and in backlink order, so the work
/// per link is sorting and appending integers, not hashing and comparing paths.
struct LinkIndexes {
    var outgoing: [String: [String]] = [:]
    var backlinks: [String: [String]] = [:]

    /// `links` lists each body's source path with the paths it links to; a source listed twice
    /// (a character's public and private bio) keeps the outgoing links of its last body that
    /// has any.
    init(_ links: [(source: String, targets: [String])], pages: [String: PageReference]) {
        var unique = Set<String>()
        let paths = (Array(pages.keys) + links.map(\.source).filter { pages[$0] == nil }).filter { unique.insert($0).inserted }
        let orders = Parallel.map([false, true]) { byTitle -> [String] in
            guard byTitle else { return paths.sorted() }
            return paths.map { (title: pages[$0]?.title ?? "", url: pages[$0]?.url ?? "", path: $0) }
                .sorted { ($0.title, $0.url, $0.path) < ($1.title, $1.url, $1.path) }
                .map(\.path)
        }
        let byPath = orders[0], byTitle = orders[1]
        let pathRank = Self.ranks(byPath), titleRank = Self.ranks(byTitle)
        let isPage = byPath.map { pages[$0] != nil }

        // Each body's targets as path ranks: pages only, not itself, each once, in path order.
        let targetRanks = Parallel.map(links) { source, targets -> [Int] in
            let own = pathRank[source]
            var ranks = targets.compactMap { target in pathRank[target].flatMap { isPage[$0] ? $0 : nil } }
            ranks.removeAll { $0 == own }
            ranks.sort()
            ranks.removeAdjacentDuplicates()
            return ranks
        }
        // Sources of each target as title ranks.
        var incoming = [[Int]](repeating: [], count: byPath.count)
        outgoing.reserveCapacity(links.count)
        for ((source, _), ranks) in zip(links, targetRanks) where !ranks.isEmpty {
            outgoing[source] = ranks.map { byPath[$0] }
            guard let sourceRank = titleRank[source] else { continue }
            for rank in ranks { incoming[rank].append(sourceRank) }
        }
        let linked = incoming.indices.filter { !incoming[$0].isEmpty }
        let sourceLists = incoming
        let sortedBacklinks = Parallel.map(linked) { rank -> [String] in
            var sources = sourceLists[rank]
            sources.sort()
            sources.removeAdjacentDuplicates()
            return sources.map { byTitle[$0] }
        }
        backlinks.reserveCapacity(linked.count)
        for (rank, sources) in zip(linked, sortedBacklinks) { backlinks[byPath[rank]] = sources }
    }

    /// Each path's place in `order`.
    private static func ranks(_ order: [String]) -> [String: Int] {
        var ranks: [String: Int] = [:]
        ranks.reserveCapacity(order.count)
        for (rank, path) in order.enumerated() { ranks[path] = rank }
        return ranks
    }
}

extension Array where Element: Equatable {
    /// Keeps the first of every run of equal neighbours (on a sorted array: each value once).
    mutating func removeAdjacentDuplicates() {
        guard count > 1 else { return }
        var kept = 1
        for index in 1..<count where self[index] != self[kept - 1] {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}
