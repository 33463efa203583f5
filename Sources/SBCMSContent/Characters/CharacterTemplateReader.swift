import SBCMSCore
import SBCMSSource

/// Reads and checks one `templates/characters/*.yaml` file. Every problem is reported at its
/// line and column in the template file; a template with errors is not returned.
struct CharacterTemplateReader {
    let site: SiteConfig

    static let templateKeys: Set<String> = ["name", "description", "fields"]
    static let fieldKeys: Set<String> = ["name", "label", "type", "required", "min", "max", "values", "items"]

    func read(_ file: SourceFile) -> (CharacterTemplate?, [Diagnostic]) {
        let location = SourceLocation(site: site.id, file: file.displayPath)
        let text: String
        do {
            text = String(decoding: try FileSystem.readBytes(file.absolutePath), as: UTF8.self)
        } catch {
            return (nil, [.error("unreadable-file", at: location, "cannot read the template: \(error)")])
        }
        let root: YAMLNode
        switch YAMLParser.parse(text, location: location) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .empty: return (nil, [.error("invalid-template", at: location.at(line: 1, column: 1), "the template is empty",
                                          hint: "write `name:`, `description:` and a list of `fields:`")])
        case .node(let node): root = node
        }
        guard case .map(let map) = root.value else {
            return (nil, [.error("invalid-template", at: location.at(line: root.line, column: root.column),
                                 "a template must be a map with `name`, `description` and `fields`, found \(root.value.typeDescription)")])
        }
        var reader = FieldReader(map: map, location: location, mapLine: root.line, what: "the template")
        for entry in reader.unknownEntries(known: Self.templateKeys) {
            reader.report(.error("unknown-key", at: location.at(line: entry.keyLine, column: entry.keyColumn),
                                 "unknown key `\(entry.key)` in a character template",
                                 hint: "a template has `name`, `description` and `fields`"))
        }
        let title = reader.string("name", required: true, example: "Basic character")
        let description = reader.string("description")
        var fields: [CharacterField] = []
        var diagnostics: [Diagnostic] = []
        if let node = map["fields"], node.value != .null {
            if case .list(let items) = node.value {
                var seen: Set<String> = []
                for item in items {
                    guard let field = readField(item, location: location, diagnostics: &diagnostics) else { continue }
                    if !seen.insert(field.name).inserted {
                        diagnostics.append(.error("duplicate-field", at: location.at(line: item.line, column: item.column),
                                                  "the template already has a field `\(field.name)`",
                                                  hint: "give every field its own name"))
                        continue
                    }
                    fields.append(field)
                }
            } else {
                diagnostics.append(.error("invalid-type", at: location.at(line: node.line, column: node.column),
                                          "`fields` must be a list, found \(node.value.typeDescription)",
                                          hint: "write `fields:` and one `- { name: ..., type: string }` per line"))
            }
        }
        diagnostics = reader.diagnostics + diagnostics
        guard let title, !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (CharacterTemplate(fileName: file.fileName, title: title, description: description, fields: fields), diagnostics)
    }

    private func readField(_ node: YAMLNode, location: SourceLocation, diagnostics: inout [Diagnostic]) -> CharacterField? {
        guard case .map(let map) = node.value else {
            diagnostics.append(.error("invalid-type", at: location.at(line: node.line, column: node.column),
                                      "a field must be a map, found \(node.value.typeDescription)",
                                      hint: "write `- { name: species, type: string }`"))
            return nil
        }
        var reader = FieldReader(map: map, location: location, mapLine: node.line, what: "this field")
        defer { diagnostics += reader.diagnostics.map { $0.missingKeyMoved(to: node) } }
        for entry in reader.unknownEntries(known: Self.fieldKeys) {
            reader.report(.error("unknown-key", at: location.at(line: entry.keyLine, column: entry.keyColumn),
                                 "unknown key `\(entry.key)` in a template field",
                                 hint: "a field has name, label, type, required, min, max, values and items"))
        }
        let name = reader.string("name", required: true, example: "species")
        if let name, let nameNode = map["name"], !Self.isFieldName(name) {
            reader.report(.error("invalid-field-name", at: reader.location(of: nameNode),
                                 "field name '\(name)' must start with a letter and use only letters, digits, `_` and `-`",
                                 hint: "e.g. `name: home_town`"))
        }
        let label = reader.string("label")
        let required = reader.bool("required") ?? false
        let type = fieldType("type", in: map, reader: &reader, required: true)
        var items: CharacterFieldType?
        if let itemsNode = map["items"], itemsNode.value != .null {
            if type != .list {
                reader.report(.error("invalid-template-field", at: reader.location(of: itemsNode),
                                     "`items` only applies to list fields", hint: "remove `items` or write `type: list`"))
            } else if let itemType = fieldType("items", in: map, reader: &reader, required: false) {
                if itemType == .list {
                    reader.report(.error("unknown-field-type", at: reader.location(of: itemsNode),
                                         "list items cannot be lists", hint: "use string, integer, number, date or enum"))
                }
                items = itemType
            }
        }
        if type == .list, items == nil { items = .string }
        let usesValues = type == .enum || (type == .list && items == .enum)
        var values: [String] = []
        if let valuesNode = map["values"], valuesNode.value != .null {
            if !usesValues {
                reader.report(.error("invalid-template-field", at: reader.location(of: valuesNode),
                                     "`values` only applies to enum fields", hint: "remove `values` or write `type: enum`"))
            } else {
                values = reader.stringList("values")
            }
        }
        if usesValues, values.isEmpty, !reader.diagnostics.containsErrors {
            let at = map.entry("values").map { location.at(line: $0.keyLine, column: $0.keyColumn) }
                ?? map.entry("type").map { location.at(line: $0.node.line, column: $0.node.column) }
                ?? location.at(line: node.line, column: node.column)
            reader.report(.error("enum-without-values", at: at,
                                 "an enum field needs a non-empty list of `values`",
                                 hint: "write `values: [first, second]`"))
        }
        let min = bound("min", in: map, type: type, reader: &reader)
        let max = bound("max", in: map, type: type, reader: &reader)
        if let min, let max, min > max, let maxNode = map["max"] {
            reader.report(.error("invalid-bounds", at: reader.location(of: maxNode),
                                 "`max` (\(max.text)) is smaller than `min` (\(min.text))",
                                 hint: "swap the two bounds"))
        }
        guard let name, let type, !reader.diagnostics.containsErrors else { return nil }
        return CharacterField(name: name, label: label ?? CharacterField.defaultLabel(name), type: type, required: required,
                              min: min, max: max, values: values, items: items)
    }

    private func fieldType(_ key: String, in map: YAMLMap, reader: inout FieldReader, required: Bool) -> CharacterFieldType? {
        guard let node = map[key], node.value != .null else {
            if required {
                reader.report(.error("missing-key", at: reader.location.at(line: reader.mapLine, column: 1),
                                     "this field has no `\(key)`, which is required",
                                     hint: "add `\(key): string` (or integer, number, date, list, enum)"))
            }
            return nil
        }
        guard let text = node.value.scalarText, let type = CharacterFieldType(rawValue: text) else {
            reader.report(.error("unknown-field-type", at: reader.location(of: node),
                                 "unknown field type '\(node.value.scalarText ?? node.value.typeDescription)'",
                                 hint: "use one of: " + CharacterFieldType.allCases.map(\.rawValue).joined(separator: ", ")))
            return nil
        }
        return type
    }

    /// `min` / `max`: numbers for integer, number, string (length) and list (item count), dates for date.
    private func bound(_ key: String, in map: YAMLMap, type: CharacterFieldType?, reader: inout FieldReader) -> FieldBound? {
        guard let node = map[key], node.value != .null, let type else { return nil }
        switch type {
        case .enum:
            reader.report(.error("invalid-bounds", at: reader.location(of: node), "`\(key)` does not apply to enum fields",
                                 hint: "list the allowed words in `values` instead"))
            return nil
        case .date:
            if let text = node.value.scalarText, let date = ContentDate(iso: text) { return .date(date) }
            reader.report(.error("invalid-bounds", at: reader.location(of: node),
                                 "`\(key)` of a date field must be a date, found '\(node.value.scalarText ?? node.value.typeDescription)'",
                                 hint: "write `\(key): 1900-01-01`"))
            return nil
        case .integer, .string, .list:
            if case .int(let value) = node.value, type == .integer || value >= 0 { return .number(Double(value)) }
            reader.report(.error("invalid-bounds", at: reader.location(of: node),
                                 "`\(key)` of a\(type == .integer ? "n integer field must be a whole number" : " \(type.rawValue) field must be a whole number of at least 0"), found '\(node.value.scalarText ?? node.value.typeDescription)'",
                                 hint: "write `\(key): 0`"))
            return nil
        case .number:
            switch node.value {
            case .int(let value): return .number(Double(value))
            case .double(let value) where value.isFinite: return .number(value)
            default:
                reader.report(.error("invalid-bounds", at: reader.location(of: node),
                                     "`\(key)` of a number field must be a number, found '\(node.value.scalarText ?? node.value.typeDescription)'",
                                     hint: "write `\(key): 0.5`"))
                return nil
            }
        }
    }

    static func isFieldName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
        }
    }
}
