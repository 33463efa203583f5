import SBCMSCore

/// The fingerprint of each layout together with every partial and parent it can include
/// (transitively): a page's output is a function of that closure and of its context. When a
/// layout changes the tag delimiters (`{{=<% %>=}}`), references cannot be found reliably and
/// every layout's fingerprint covers the whole theme.
enum LayoutFingerprints {
    static func compute(_ texts: [String: String]) -> [String: [UInt8]] {
        let names = texts.keys.sorted()
        let changesDelimiters = texts.values.contains { $0.contains("{{=") }
        var references: [String: [String]] = [:]
        for name in names {
            references[name] = PartialReference.scan(texts[name] ?? "").map(\.name).filter { texts[$0] != nil }
        }
        var result: [String: [UInt8]] = [:]
        for name in names {
            var closure: Set<String> = changesDelimiters ? Set(names) : [name]
            var pending = changesDelimiters ? [] : [name]
            while let next = pending.popLast() {
                for reference in references[next] ?? [] where closure.insert(reference).inserted {
                    pending.append(reference)
                }
            }
            var hasher = SHA256()
            hasher.update("layout:" + name)
            for member in closure.sorted() {
                hasher.update(member)
                hasher.update(texts[member] ?? "")
            }
            result[name] = hasher.finalize()
        }
        return result
    }
}
