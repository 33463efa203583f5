/// A JSON document built in code and written with keys in the order given, so the static API
/// files are byte-for-byte reproducible.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    /// Written in Swift's shortest form; infinity and NaN become `null`.
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Keys keep their order.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// `nil` becomes `null`.
    public static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// The JSON text: two-space indentation, a newline at the end.
    public func serialized() -> String {
        var output = ""
        write(into: &output, indent: 0)
        output += "\n"
        return output
    }

    private func write(into output: inout String, indent: Int) {
        switch self {
        case .string(let text): output += TextEscaping.jsonString(text)
        case .int(let number): output += String(number)
        case .double(let number): output += number.isFinite ? "\(number)" : "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (position, item) in items.enumerated() {
                output += String(repeating: "  ", count: indent + 1)
                item.write(into: &output, indent: indent + 1)
                output += position + 1 < items.count ? ",\n" : "\n"
            }
            output += String(repeating: "  ", count: indent) + "]"
        case .object(let fields):
            guard !fields.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (position, (key, value)) in fields.enumerated() {
                output += String(repeating: "  ", count: indent + 1) + TextEscaping.jsonString(key) + ": "
                value.write(into: &output, indent: indent + 1)
                output += position + 1 < fields.count ? ",\n" : "\n"
            }
            output += String(repeating: "  ", count: indent) + "}"
        }
    }
}
