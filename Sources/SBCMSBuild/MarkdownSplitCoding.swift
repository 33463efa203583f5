import SBCMSContent
import SBCMSCore
import SBCMSSource

/// The binary form of a `MarkdownFileSplit` in `CacheMarkdownSplits`' record: the body
/// position and digest, then the front matter tree with every node's line and column.
enum MarkdownSplitCoding {
    private enum Tag: UInt64 {
        case string, int, double, bool, null, list, map
    }

    static func encode(_ split: MarkdownFileSplit) -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(split.frontMatterLine)
        writer.write(split.bodyLineOffset)
        writer.write(split.hasFrontMatter)
        writer.write(bytes: split.bodyDigest)
        write(split.frontMatter, to: &writer)
        return writer.bytes
    }

    /// Nil when the bytes are not a whole split.
    static func decode(_ bytes: [UInt8], range: Range<Int>) -> MarkdownFileSplit? {
        var reader = BinaryReader(bytes, range: range)
        guard let frontMatterLine = reader.readInt(), let bodyLineOffset = reader.readInt(),
              let hasFrontMatter = reader.readBool(), let digest = reader.readBytes(),
              let frontMatter = readMap(&reader, depth: 0), reader.isAtEnd else { return nil }
        return MarkdownFileSplit(frontMatter: frontMatter, frontMatterLine: frontMatterLine, bodyLineOffset: bodyLineOffset,
                                 hasFrontMatter: hasFrontMatter, bodyDigest: digest)
    }

    private static func write(_ map: YAMLMap, to writer: inout BinaryWriter) {
        writer.write(UInt64(map.entries.count))
        for entry in map.entries {
            writer.write(entry.key)
            writer.write(entry.keyLine)
            writer.write(entry.keyColumn)
            write(entry.node, to: &writer)
        }
    }

    private static func write(_ node: YAMLNode, to writer: inout BinaryWriter) {
        writer.write(node.line)
        writer.write(node.column)
        switch node.value {
        case .string(let text):
            writer.write(Tag.string.rawValue)
            writer.write(text)
        case .int(let number):
            writer.write(Tag.int.rawValue)
            writer.write(number)
        case .double(let number):
            writer.write(Tag.double.rawValue)
            writer.write(number.bitPattern)
        case .bool(let flag):
            writer.write(Tag.bool.rawValue)
            writer.write(flag)
        case .null:
            writer.write(Tag.null.rawValue)
        case .list(let nodes):
            writer.write(Tag.list.rawValue)
            writer.write(UInt64(nodes.count))
            for node in nodes { write(node, to: &writer) }
        case .map(let map):
            writer.write(Tag.map.rawValue)
            write(map, to: &writer)
        }
    }

    /// Nesting deeper than this is a damaged record (YAML front matter is a few levels deep).
    private static let maximumDepth = 64

    private static func readMap(_ reader: inout BinaryReader, depth: Int) -> YAMLMap? {
        guard depth < maximumDepth, let count = reader.readUInt(), count < 1 << 24 else { return nil }
        var entries: [YAMLMap.Entry] = []
        entries.reserveCapacity(min(Int(count), 64))
        for _ in 0..<count {
            guard let key = reader.readString(), let keyLine = reader.readInt(), let keyColumn = reader.readInt(),
                  let node = readNode(&reader, depth: depth + 1) else { return nil }
            entries.append(YAMLMap.Entry(key: key, keyLine: keyLine, keyColumn: keyColumn, node: node))
        }
        return YAMLMap(entries: entries)
    }

    private static func readNode(_ reader: inout BinaryReader, depth: Int) -> YAMLNode? {
        guard let line = reader.readInt(), let column = reader.readInt(), let raw = reader.readUInt(),
              let tag = Tag(rawValue: raw) else { return nil }
        let value: YAMLValue
        switch tag {
        case .string:
            guard let text = reader.readString() else { return nil }
            value = .string(text)
        case .int:
            guard let number = reader.readInt() else { return nil }
            value = .int(number)
        case .double:
            guard let bits = reader.readUInt() else { return nil }
            value = .double(Double(bitPattern: bits))
        case .bool:
            guard let flag = reader.readBool() else { return nil }
            value = .bool(flag)
        case .null:
            value = .null
        case .list:
            guard depth < maximumDepth, let count = reader.readUInt(), count < 1 << 24 else { return nil }
            var nodes: [YAMLNode] = []
            nodes.reserveCapacity(min(Int(count), 64))
            for _ in 0..<count {
                guard let node = readNode(&reader, depth: depth + 1) else { return nil }
                nodes.append(node)
            }
            value = .list(nodes)
        case .map:
            guard let map = readMap(&reader, depth: depth + 1) else { return nil }
            value = .map(map)
        }
        return YAMLNode(value, line: line, column: column)
    }
}
