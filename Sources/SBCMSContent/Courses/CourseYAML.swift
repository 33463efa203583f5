import SBCMSCore
import SBCMSSource

/// Reading helpers shared by course.yaml, quiz and flashcard files: a whole YAML file as a map,
/// lists of maps, unknown-key warnings, and where a Markdown value starts in its file.
enum CourseYAML {
    /// A YAML file read as a map, with its text (for positions of Markdown values).
    struct File {
        var map: YAMLMap
        var lines: [Substring]
    }

    /// Reads `file` as a YAML map; nil (with a diagnostic) when unreadable, invalid or not a map.
    static func read(_ file: SourceFile, site: SiteConfig, what: String) -> (File?, [Diagnostic]) {
        let location = SourceLocation(site: site.id, file: file.displayPath)
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(file.absolutePath)
        } catch {
            return (nil, [.error("unreadable-file", at: location, "cannot read the file: \(error)")])
        }
        if ByteScan.contains(0, in: bytes) {
            return (nil, [.error("binary-file", at: location.at(line: 1, column: 1),
                                 "this is not a text file (it contains NUL bytes)",
                                 hint: "\(what) must be UTF-8 YAML")])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        switch YAMLParser.parse(text, location: location) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .empty:
            return (nil, [.error("invalid-type", at: location.at(line: 1, column: 1), "\(what) is empty",
                                 hint: "write `key: value` lines")])
        case .node(let node):
            guard case .map(let map) = node.value else {
                return (nil, [.error("invalid-type", at: location.at(line: node.line, column: node.column),
                                     "\(what) must be a map of keys to values, found \(node.value.typeDescription)",
                                     hint: "write `key: value` lines")])
            }
            return (File(map: map, lines: text.split(separator: "\n", omittingEmptySubsequences: false)), [])
        }
    }

    /// The maps of the list under `key`; wrong types are reported. Each map comes with its node.
    static func maps(_ key: String, in reader: inout FieldReader, example: String) -> [(map: YAMLMap, node: YAMLNode)] {
        guard let node = reader.map[key], node.value != .null else { return [] }
        guard case .list(let items) = node.value else {
            reader.report(.error("invalid-type", at: reader.location(of: node),
                                 "`\(key)` must be a list, found \(node.value.typeDescription)",
                                 hint: "write `\(key):` followed by `- \(example)` lines"))
            return []
        }
        var result: [(map: YAMLMap, node: YAMLNode)] = []
        for item in items {
            guard case .map(let map) = item.value else {
                reader.report(.error("invalid-type", at: reader.location(of: item),
                                     "each item of `\(key)` must be a map, found \(item.value.typeDescription)",
                                     hint: "write `- \(example)`"))
                continue
            }
            result.append((map, item))
        }
        return result
    }

    /// A warning for each key of `reader.map` that is not in `known`.
    /// Records the id of an item (module, lesson, question, card) at `node`; reports
    /// `duplicate-id` at its `id` value and returns false when an earlier item has it.
    static func claim(_ id: String, _ what: String, map: YAMLMap, node: YAMLNode, seen: inout [String: Int],
                      reader: inout FieldReader, scope: String = "", hint: String) -> Bool {
        if let line = seen[id], let idNode = map["id"] {
            reader.report(.error("duplicate-id", at: reader.location(of: idNode),
                                 "\(what) id '\(id)' is already used on line \(line)\(scope)", hint: hint))
            return false
        }
        seen[id] = map["id"]?.line ?? node.line
        return true
    }

    static func warnUnknown(_ reader: inout FieldReader, known: Set<String>) {
        for entry in reader.unknownEntries(known: known) {
            reader.report(.warning(
                "unknown-key", at: reader.location.at(line: entry.keyLine, column: entry.keyColumn),
                "\(reader.what) has an unknown key `\(entry.key)`; it is ignored",
                hint: "known keys: \(known.sorted().joined(separator: ", "))"))
        }
    }

    /// A required string of a map that is an item of a list: a missing one is reported at the
    /// item's own position (`node`), not at column 1.
    static func required(_ key: String, in reader: inout FieldReader, at node: YAMLNode, example: String) -> String? {
        let value = reader.string(key, example: example)
        let entry = reader.map[key]
        if value == nil, entry == nil || entry?.value == .null || entry?.value.scalarText == "" {
            reader.report(.error("missing-key", at: reader.location(of: node),
                                 "\(reader.what) has no `\(key)`, which is required",
                                 hint: "add a line such as `\(key): \(example)`"))
        }
        return value
    }

    /// A required id that must be a slug; reports a missing or invalid one.
    static func slug(_ key: String, in reader: inout FieldReader, at node: YAMLNode, example: String) -> String? {
        guard let id = required(key, in: &reader, at: node, example: example) else { return nil }
        guard Slug.isValid(id) else {
            let suggestion = Slug.make(id).isEmpty ? example : Slug.make(id)
            reader.report(.error("invalid-slug", at: reader.map[key].map(reader.location(of:)) ?? reader.location,
                                 "`\(key)` '\(id)' is not valid in a URL",
                                 hint: "use lowercase letters, digits and hyphens, e.g. `\(key): \(suggestion)`"))
            return nil
        }
        return id
    }

    /// A whole number that must not be negative.
    static func nonNegativeInt(_ key: String, in reader: inout FieldReader, unit: String) -> Int? {
        guard let number = reader.int(key) else { return nil }
        if number < 0, let node = reader.map[key] {
            reader.report(.error("invalid-value", at: reader.location(of: node),
                                 "`\(key)` must not be negative, found \(number)",
                                 hint: "give the \(unit) as a whole number, e.g. `\(key): 10`"))
            return nil
        }
        return number
    }

    /// Where the Markdown of a string value starts: the body line offset for `BodyRenderer`
    /// and the columns to add to positions (on every line of a block scalar, on the first line
    /// of a flow scalar).
    struct MarkdownPosition {
        var lineOffset: Int
        var columnShift: Int
        var shiftsEveryLine: Bool
    }

    static func markdownPosition(of node: YAMLNode, lines: [Substring]) -> MarkdownPosition {
        let index = node.line - 1
        guard lines.indices.contains(index) else {
            return MarkdownPosition(lineOffset: node.line - 1, columnShift: 0, shiftsEveryLine: false)
        }
        let line = lines[index]
        let rest = line.dropFirst(max(0, node.column - 1))
        if rest.hasPrefix("|") || rest.hasPrefix(">") {
            let next = lines.indices.contains(index + 1) ? lines[index + 1] : ""
            let indent = next.prefix { $0 == " " }.count
            return MarkdownPosition(lineOffset: node.line, columnShift: indent, shiftsEveryLine: true)
        }
        let quoted = rest.hasPrefix("\"") || rest.hasPrefix("'")
        return MarkdownPosition(lineOffset: node.line - 1, columnShift: node.column - 1 + (quoted ? 1 : 0),
                                shiftsEveryLine: false)
    }

    /// Renders a Markdown value of a YAML file with positions mapped back to the file.
    static func render(_ markdown: String, node: YAMLNode, lines: [Substring], file: SourceFile,
                       with renderer: BodyRenderer) -> RenderedBody {
        let position = markdownPosition(of: node, lines: lines)
        var body = renderer.render(markdown, lineOffset: position.lineOffset, file: file)
        func shifted(_ location: SourceLocation) -> SourceLocation {
            guard position.shiftsEveryLine || location.line == position.lineOffset + 1 else { return location }
            return location.at(line: location.line, column: location.column + position.columnShift)
        }
        body.diagnostics = body.diagnostics.map { diagnostic in
            guard let file = diagnostic.file, diagnostic.line > 0 else { return diagnostic }
            var copy = diagnostic
            let location = shifted(SourceLocation(site: diagnostic.site, file: file, line: diagnostic.line,
                                                  column: diagnostic.column))
            copy.column = location.column
            return copy
        }
        body.anchorChecks = body.anchorChecks.map { check in
            var copy = check
            copy.location = shifted(check.location)
            return copy
        }
        return body
    }
}
