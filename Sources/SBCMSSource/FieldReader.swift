import SBCMSCore

/// Reads typed fields out of a YAML map and records a diagnostic, at the value's own line and
/// column, for every missing required key or value of the wrong type.
public struct FieldReader {
    public let map: YAMLMap
    public let location: SourceLocation
    /// The line to blame for a missing key (the first line of the map).
    public let mapLine: Int
    public private(set) var diagnostics: [Diagnostic] = []
    /// What the map is, for messages: "front matter", "site.yaml".
    public let what: String

    public init(map: YAMLMap, location: SourceLocation, mapLine: Int, what: String) {
        self.map = map
        self.location = location
        self.mapLine = mapLine
        self.what = what
    }

    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public func location(of node: YAMLNode) -> SourceLocation {
        location.at(line: node.line, column: node.column)
    }

    private mutating func missing(_ key: String, example: String) {
        diagnostics.append(.error(
            "missing-key", at: location.at(line: mapLine, column: 1),
            "\(what) has no `\(key)`, which is required",
            hint: "add a line such as `\(key): \(example)`"))
    }

    private mutating func wrongType(_ key: String, _ node: YAMLNode, expected: String, example: String) {
        diagnostics.append(.error(
            "invalid-type", at: location(of: node),
            "`\(key)` must be \(expected), found \(node.value.typeDescription)",
            hint: "write it like `\(key): \(example)`"))
    }

    /// A string (numbers and booleans are accepted as their text). Empty strings count as missing.
    public mutating func string(_ key: String, required: Bool = false, example: String = "some text") -> String? {
        guard let node = map[key], node.value != .null else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let text = node.value.scalarText else {
            wrongType(key, node, expected: "a string", example: example)
            return nil
        }
        if text.isEmpty {
            if required { missing(key, example: example) }
            return nil
        }
        return text
    }

    /// A whole number.
    public mutating func int(_ key: String, example: String = "10") -> Int? {
        guard let node = map[key], node.value != .null else { return nil }
        guard case .int(let number) = node.value else {
            wrongType(key, node, expected: "a whole number", example: example)
            return nil
        }
        return number
    }

    /// A boolean (`true` / `false`).
    public mutating func bool(_ key: String) -> Bool? {
        guard let node = map[key], node.value != .null else { return nil }
        guard case .bool(let flag) = node.value else {
            wrongType(key, node, expected: "true or false", example: "true")
            return nil
        }
        return flag
    }

    /// An ISO 8601 date or date-time.
    public mutating func date(_ key: String, required: Bool = false) -> ContentDate? {
        guard let node = map[key], node.value != .null else {
            if required { missing(key, example: "2026-01-15") }
            return nil
        }
        guard let text = node.value.scalarText else {
            wrongType(key, node, expected: "a date", example: "2026-01-15")
            return nil
        }
        guard let date = ContentDate(iso: text) else {
            diagnostics.append(.error(
                "invalid-date", at: location(of: node),
                "`\(key)` is not a valid date: '\(text)'",
                hint: "use ISO 8601, e.g. `\(key): 2026-01-15` or `\(key): 2026-01-15T09:00:00Z`"))
            return nil
        }
        return date
    }

    /// A list of strings; a single string is accepted as a list of one.
    public mutating func stringList(_ key: String) -> [String] {
        guard let node = map[key], node.value != .null else { return [] }
        switch node.value {
        case .list(let items):
            var result: [String] = []
            for item in items {
                if let text = item.value.scalarText, !text.isEmpty {
                    result.append(text)
                } else {
                    diagnostics.append(.error(
                        "invalid-type", at: location(of: item),
                        "items of `\(key)` must be strings, found \(item.value.typeDescription)",
                        hint: "write `\(key): [first, second]`"))
                }
            }
            return result
        case .string(let text):
            return text.isEmpty ? [] : [text]
        default:
            wrongType(key, node, expected: "a list of strings", example: "[first, second]")
            return []
        }
    }

    /// A nested map.
    public mutating func map(_ key: String) -> YAMLMap? {
        guard let node = map[key], node.value != .null else { return nil }
        guard case .map(let nested) = node.value else {
            wrongType(key, node, expected: "a map", example: "{ key: value }")
            return nil
        }
        return nested
    }

    /// One of a fixed set of words.
    public mutating func choice(_ key: String, in allowed: [String]) -> String? {
        guard let node = map[key], node.value != .null else { return nil }
        guard let text = node.value.scalarText, allowed.contains(text) else {
            diagnostics.append(.error(
                "invalid-value", at: location(of: node),
                "`\(key)` must be one of \(allowed.joined(separator: ", ")), found '\(node.value.scalarText ?? node.value.typeDescription)'",
                hint: "write `\(key): \(allowed[0])`"))
            return nil
        }
        return text
    }

    /// The entries whose keys are not in `known`.
    public func unknownEntries(known: Set<String>) -> [YAMLMap.Entry] {
        map.entries.filter { !known.contains($0.key) }
    }
}
