/// Escaping and unescaping for the HTML the export writes and rewrites.
enum HTMLText {
    /// Escapes `& < > "` for text and double-quoted attribute values.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Decodes the character references found in attribute values (`&amp;`, `&quot;`, `&#x27;`,
    /// `&#39;` ...). Unknown named references are kept as they are.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var remaining = Substring(text)
        while let ampersand = remaining.firstIndex(of: "&") {
            result += remaining[..<ampersand]
            let rest = remaining[ampersand...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                result += "&"
                remaining = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: ampersand)..<semicolon]
            if let decoded = decode(reference: name) {
                result.unicodeScalars.append(decoded)
            } else {
                result += rest[...semicolon]
            }
            remaining = rest[rest.index(after: semicolon)...]
        }
        result += remaining
        return result
    }

    private static func decode(reference name: Substring) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value: UInt32?
        if digits.hasPrefix("x") || digits.hasPrefix("X") {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits, radix: 10)
        }
        return value.flatMap(Unicode.Scalar.init)
    }
}
