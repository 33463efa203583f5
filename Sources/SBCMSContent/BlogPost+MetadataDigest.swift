import SBCMSCore
import SBCMSSource

extension BlogPost {
    /// A digest of everything about the post that does not come from its body: the front
    /// matter values, the source path and the URL. Equal digests mean that no other page can
    /// tell the two posts apart by their metadata; the preview's `BodyEditor` and the build's
    /// edited-posts record compare posts by it. Independent of the process (no `Hasher`).
    public var metadataDigest: [UInt8] {
        var hasher = SHA256()
        func add(_ text: String?) {
            hasher.update(text ?? "\u{0}")
            hasher.update("\u{1}")
        }
        func add(_ date: ContentDate?) {
            add(date.map { "\($0.secondsSince1970)/\($0.hasTime)" })
        }
        func add(_ list: [String]) {
            add(list.joined(separator: "\u{2}"))
        }
        add(source.path)
        add(title)
        add(slug)
        add(url)
        add(author)
        add(featuredImage)
        add(status.rawValue)
        add(isScheduled ? "scheduled" : "-")
        add(date)
        add(publishedAt)
        add(updated)
        add(categories)
        add(tags)
        add([seo.description ?? "\u{0}", seo.image ?? "\u{0}", seo.canonical ?? "\u{0}", seo.twitterCard ?? "\u{0}",
             seo.noindex ? "noindex" : "-"] + seo.keywords)
        Self.addYAML(.map(params), to: &hasher)
        return hasher.finalize()
    }

    /// Feeds a YAML value to `hasher` with its type and length, so that different values never
    /// feed the same bytes.
    private static func addYAML(_ value: YAMLValue, to hasher: inout SHA256) {
        switch value {
        case .string(let text): hasher.update("s\(text.utf8.count):" + text)
        case .int(let number): hasher.update("i\(number);")
        case .double(let number): hasher.update("d\(number);")
        case .bool(let flag): hasher.update(flag ? "t;" : "f;")
        case .null: hasher.update("n;")
        case .list(let nodes):
            hasher.update("l\(nodes.count)[")
            for node in nodes { addYAML(node.value, to: &hasher) }
            hasher.update("]")
        case .map(let map):
            hasher.update("m\(map.entries.count){")
            for entry in map.entries {
                hasher.update("k\(entry.key.utf8.count):" + entry.key)
                addYAML(entry.node.value, to: &hasher)
            }
            hasher.update("}")
        }
    }
}
