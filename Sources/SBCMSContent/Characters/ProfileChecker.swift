import SBCMSCore
import SBCMSSource

/// Checks a character's `profile:` map against its template: unknown fields, missing required
/// ones, types, enum values, bounds and list items, each reported at its own line and column.
struct ProfileChecker {
    let template: CharacterTemplate
    let location: SourceLocation

    /// The profile's entries in the template's order. `missingAt` is where a missing required
    /// field is reported (the `profile:` key, or `template:` when there is no profile).
    func check(_ profile: YAMLMap?, missingAt: (line: Int, column: Int)) -> ([ProfileEntry], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let fields = Dictionary(template.fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var values: [String: ProfileValue] = [:]
        for entry in profile?.entries ?? [] {
            guard let field = fields[entry.key] else {
                let known = template.fields.map(\.name).joined(separator: ", ")
                diagnostics.append(.error(
                    "unknown-profile-field", at: location.at(line: entry.keyLine, column: entry.keyColumn),
                    "template \(template.fileName) has no field `\(entry.key)`",
                    hint: known.isEmpty ? "this template has no fields" : "its fields are: \(known)"))
                continue
            }
            if entry.node.value == .null { continue }
            if let value = check(entry.node, field: field, type: field.type, diagnostics: &diagnostics) {
                values[field.name] = value
            }
        }
        let missing = template.fields.filter { $0.required && values[$0.name] == nil && !isPresent($0.name, in: profile) }
        for field in missing {
            diagnostics.append(.error(
                "missing-profile-field", at: location.at(line: missingAt.line, column: missingAt.column),
                "the profile has no `\(field.name)`, which template \(template.fileName) requires",
                hint: "add `\(field.name):` under `profile:`"))
        }
        let entries = template.fields.compactMap { field in values[field.name].map { ProfileEntry(field: field, value: $0) } }
        return (entries, diagnostics)
    }

    /// Present with a value (a wrong value was already reported where it is).
    private func isPresent(_ name: String, in profile: YAMLMap?) -> Bool {
        guard let node = profile?[name] else { return false }
        return node.value != .null
    }

    private func check(_ node: YAMLNode, field: CharacterField, type: CharacterFieldType,
                       diagnostics: inout [Diagnostic]) -> ProfileValue? {
        let at = location.at(line: node.line, column: node.column)
        func wrongType(_ expected: String, example: String) -> ProfileValue? {
            diagnostics.append(.error(
                "invalid-profile-value", at: at,
                "`\(field.name)` must be \(expected), found \(node.value.typeDescription)",
                hint: "write it like `\(field.name): \(example)`"))
            return nil
        }
        func outOfRange(_ shown: String, what: String = "") -> ProfileValue? {
            var bounds: [String] = []
            if let min = field.min { bounds.append("at least \(min.text)") }
            if let max = field.max { bounds.append("at most \(max.text)") }
            diagnostics.append(.error(
                "profile-value-out-of-range", at: at,
                "`\(field.name)`\(what) is \(shown); it must be \(bounds.joined(separator: " and "))",
                hint: "the bounds are set by template \(template.fileName)"))
            return nil
        }
        func inRange(_ value: Double) -> Bool {
            if case .number(let min)? = field.min, value < min { return false }
            if case .number(let max)? = field.max, value > max { return false }
            return true
        }
        switch type {
        case .string:
            guard let text = node.value.scalarText else { return wrongType("text", example: "some text") }
            if field.type == .string, !inRange(Double(text.count)) { return outOfRange("\(text.count) characters long", what: "") }
            return .string(text)
        case .integer:
            guard case .int(let number) = node.value else { return wrongType("a whole number", example: "42") }
            if field.type == .integer, !inRange(Double(number)) { return outOfRange(String(number)) }
            return .integer(number)
        case .number:
            let number: Double
            switch node.value {
            case .int(let value): number = Double(value)
            case .double(let value) where value.isFinite: number = value
            default: return wrongType("a number", example: "1.75")
            }
            if field.type == .number, !inRange(number) { return outOfRange(ProfileValue.number(number).displayText) }
            return .number(number)
        case .date:
            guard let text = node.value.scalarText else { return wrongType("a date", example: "1930-07-08") }
            guard let date = ContentDate(iso: text) else {
                diagnostics.append(.error("invalid-date", at: at, "`\(field.name)` is not a valid date: '\(text)'",
                                          hint: "use ISO 8601 with a four-digit year, e.g. `\(field.name): 1930-07-08`"))
                return nil
            }
            if field.type == .date {
                if case .date(let min)? = field.min, date < min { return outOfRange(text) }
                if case .date(let max)? = field.max, date > max { return outOfRange(text) }
            }
            return .date(date, text)
        case .enum:
            guard let text = node.value.scalarText, field.values.contains(text) else {
                diagnostics.append(.error(
                    "invalid-enum-value", at: at,
                    "`\(field.name)` must be one of \(field.values.joined(separator: ", ")), found '\(node.value.scalarText ?? node.value.typeDescription)'",
                    hint: "write `\(field.name): \(field.values.first ?? "")` or add the word to `values` in \(template.fileName)"))
                return nil
            }
            return .word(text)
        case .list:
            guard case .list(let items) = node.value else { return wrongType("a list", example: "[first, second]") }
            let itemType = field.items ?? .string
            var values: [ProfileValue] = []
            var failed = false
            for item in items {
                if let value = check(item, field: field, type: itemType, diagnostics: &diagnostics) {
                    values.append(value)
                } else {
                    failed = true
                }
            }
            if failed { return nil }
            if !inRange(Double(items.count)) { return outOfRange("\(items.count) items long") }
            return .list(values)
        }
    }
}
