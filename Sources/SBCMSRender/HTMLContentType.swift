import Mustache

/// The HTML escaping of `{{value}}` in layouts: the same replacements as swift-mustache's own
/// (`&lt; &gt; &amp; &quot; &#39;`), done on UTF-8 bytes with unchanged runs copied at once.
/// swift-mustache's version walks grapheme clusters through a dictionary and was an eighth of
/// a 10,000-page build.
struct HTMLContentType: MustacheContentType {
    /// The name layouts select it by, in the pragma `ThemeLoader` puts first in every layout.
    static let name = "SBCMS_HTML"
    /// A standalone pragma line: Mustache drops it from the output.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Registers the content type once, before the first layout is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLContentType(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            var firstSpecial = 0
            while firstSpecial < bytes.count, !Self.isSpecial(bytes[firstSpecial]) { firstSpecial += 1 }
            if firstSpecial == bytes.count { return nil }  // most values: nothing to escape, no copy
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<firstSpecial]))
            for byte in bytes[firstSpecial...] {
                switch byte {
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        return escaped ?? text
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
