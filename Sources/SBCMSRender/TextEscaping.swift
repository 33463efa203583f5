/// Escaping for the text formats sbcms writes by hand (XML feeds, JSON).
public enum TextEscaping {
    /// Escapes `& < > " '` for XML text and attribute values, and drops characters XML 1.0 forbids.
    public static func xml(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                let value = scalar.value
                if value < 0x20 && value != 0x9 && value != 0xA && value != 0xD { continue }
                if value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A JSON string literal, quotes included. With `forScript`, `</` is written as `<\/` so
    /// the result is safe inside a `<script>` element.
    public static func jsonString(_ text: String, forScript: Bool = false) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "/" where forScript && previous == "<": result += "\\/"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
            previous = scalar
        }
        result += "\""
        return result
    }

    /// Makes site-relative `href="/..."`, `src="/..."` and `href="#..."` in HTML absolute, for
    /// feeds that are read away from the site.
    public static func absolutizeURLs(in html: String, baseURL: String, pageURL: String) -> String {
        guard html.contains("=\"/") || html.contains("=\"#") else { return html }
        let root = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        var result = ""
        result.reserveCapacity(html.utf8.count + 256)
        var remaining = Substring(html)
        let markers = [" href=\"", " src=\"", " poster=\""]
        while let range = markers.compactMap({ remaining.firstRange(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            result += remaining[..<range.upperBound]
            remaining = remaining[range.upperBound...]
            if remaining.hasPrefix("//") {
                continue
            } else if remaining.hasPrefix("/") {
                result += root
            } else if remaining.hasPrefix("#") {
                result += pageURL
            }
        }
        result += remaining
        return result
    }
}
