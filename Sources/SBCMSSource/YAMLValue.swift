import SBCMSCore

/// A YAML value read from a site's files, with the position of every node, independent of the
/// YAML library. Scalars keep their text; the reader decides how to interpret it.
public indirect enum YAMLValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([YAMLNode])
    case map(YAMLMap)

    /// A short name of the value's type for messages ("a string", "a list").
    public var typeDescription: String {
        switch self {
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a number"
        case .bool: return "a boolean"
        case .null: return "nothing (null)"
        case .list: return "a list"
        case .map: return "a map"
        }
    }

    /// The value as plain Swift values for templates: String, Int, Double, Bool, arrays, dictionaries.
    public var templateValue: Any? {
        switch self {
        case .string(let text): return text
        case .int(let number): return number
        case .double(let number): return number
        case .bool(let flag): return flag
        case .null: return nil
        case .list(let items): return items.compactMap { $0.value.templateValue }
        case .map(let map):
            var dictionary: [String: Any] = [:]
            for entry in map.entries { dictionary[entry.key] = entry.node.value.templateValue }
            return dictionary
        }
    }

    /// The scalar as text (strings, numbers and booleans), nil for null, lists and maps.
    public var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .list, .map: return nil
        }
    }
}

/// A YAML value and where it starts in its file (1-based line and column, already shifted
/// to the file's own numbering for front matter).
public struct YAMLNode: Sendable, Hashable {
    public var value: YAMLValue
    public var line: Int
    public var column: Int

    public init(_ value: YAMLValue, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

/// A YAML mapping with string keys, in source order.
public struct YAMLMap: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var keyLine: Int
        public var keyColumn: Int
        public var node: YAMLNode

        public init(key: String, keyLine: Int, keyColumn: Int, node: YAMLNode) {
            self.key = key
            self.keyLine = keyLine
            self.keyColumn = keyColumn
            self.node = node
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public subscript(key: String) -> YAMLNode? {
        entries.first { $0.key == key }?.node
    }

    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    public var keys: [String] { entries.map(\.key) }
}
