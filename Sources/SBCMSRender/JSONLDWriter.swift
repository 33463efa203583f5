/// A JSON-LD object for a page's `<script type="application/ld+json">`, written field by field
/// into UTF-8 with strings escaped for a script element, in the order the fields are given.
struct JSONLDWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var hasFields = false

    init() {
        bytes.reserveCapacity(1024)
    }

    private mutating func key(_ name: StaticString) {
        if hasFields { bytes.append(UInt8(ascii: ",")) }
        hasFields = true
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: "\":".utf8)
    }

    /// `"name":"value"`.
    mutating func string(_ name: StaticString, _ value: String) {
        key(name)
        TextEscaping.appendJSONString(value, forScript: true, to: &bytes)
    }

    /// `"name":value` for a number.
    mutating func int(_ name: StaticString, _ value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// `"name":{...}` with the fields `fill` writes.
    mutating func object(_ name: StaticString, _ fill: (inout JSONLDWriter) -> Void) {
        key(name)
        var inner = JSONLDWriter()
        fill(&inner)
        bytes.append(contentsOf: inner.closedBytes)
    }

    private var closedBytes: [UInt8] { bytes + [UInt8(ascii: "}")] }

    /// The object's text.
    var text: String { String(decoding: closedBytes, as: UTF8.self) }
}
