import SBCMSCore

/// Escaping for the text formats sbcms writes by hand (XML feeds, JSON).
public enum TextEscaping {
    /// Escapes `& < > " '` for XML text and attribute values, and drops characters XML 1.0 forbids.
    public static func xml(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            // Bytes that need no change are copied a run at a time.
            var runStart = 0
            var index = 0
            func replace(with replacement: StaticString, skipping count: Int = 1) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                index += count
                runStart = index
            }
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "&"): replace(with: "&amp;")
                case UInt8(ascii: "<"): replace(with: "&lt;")
                case UInt8(ascii: ">"): replace(with: "&gt;")
                case UInt8(ascii: "\""): replace(with: "&quot;")
                case UInt8(ascii: "'"): replace(with: "&apos;")
                case 0x09, 0x0A, 0x0D: index += 1
                case ..<0x20: replace(with: "")
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF
                    && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    replace(with: "", skipping: 3)  // U+FFFE, U+FFFF
                default: index += 1
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// A JSON string literal, quotes included. With `forScript`, `</` is written as `<\/` so
    /// the result is safe inside a `<script>` element.
    public static func jsonString(_ text: String, forScript: Bool = false) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 2)
        appendJSONString(text, forScript: forScript, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal (quotes included) to UTF-8 `output`; bytes that
    /// need no escape are copied a run at a time.
    public static func appendJSONString(_ text: String, forScript: Bool = false, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            output.append(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            func replace(with replacement: StaticString, skipping count: Int = 1) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                index += count
                runStart = index
            }
            while index < bytes.count {
                // Most bytes need no escape: skip them eight at a time, then byte by byte
                // through the word that may hold one.
                index = Self.skipPlainJSONWords(in: bytes, from: index, forScript: forScript)
                let wordEnd = min(index + 8, bytes.count)
                while index < wordEnd, Self.isPlainJSONByte(bytes[index], forScript: forScript) { index += 1 }
                guard index < wordEnd else { continue }
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): replace(with: "\\\"")
                case UInt8(ascii: "\\"): replace(with: "\\\\")
                case 0x0A: replace(with: "\\n")
                case 0x0D: replace(with: "\\r")
                case 0x09: replace(with: "\\t")
                case UInt8(ascii: "/") where forScript && index > 0 && bytes[index - 1] == UInt8(ascii: "<"):
                    replace(with: "\\/")
                case ..<0x20:
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    output.append(contentsOf: "\\u00".utf8)
                    output.append(SHA256.hexDigits[Int(byte >> 4)])
                    output.append(SHA256.hexDigits[Int(byte & 0x0F)])
                    index += 1
                    runStart = index
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    replace(with: bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
                default:
                    index += 1
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            output.append(UInt8(ascii: "\""))
        }
    }

    /// The index of the first eight-byte word, from `index` on, that may hold a byte
    /// `appendJSONString` escapes or looks at: below 0x20, `"`, `\\`, 0xE2 (which starts U+2028
    /// and U+2029) or, in scripts, `/`. The byte tests (SWAR: a borrow marks a byte below a bound
    /// or equal to zero, `ByteWords`) can flag a byte that is none of these, never miss one; the caller looks
    /// at the word's bytes one by one.
    @inline(__always)
    private static func skipPlainJSONWords(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, forScript: Bool) -> Int {
        guard let base = bytes.baseAddress else { return start }
        @inline(__always) func has(_ word: UInt64, _ byte: UInt8) -> Bool {
            ByteWords.hasZeroByte(word ^ (ByteWords.ones &* UInt64(byte)))
        }
        var index = start
        while index + 8 <= bytes.count {
            let word = ByteWords.load(base, at: index)
            if ByteWords.hasByte(word, below: 0x20) || has(word, 0x22) || has(word, 0x5C) || has(word, 0xE2)
                || (forScript && has(word, 0x2F)) {
                break
            }
            index += 8
        }
        return index
    }

    /// True for bytes `appendJSONString` copies as they are, whatever precedes them (`/`
    /// matters only in scripts, after `<`).
    @inline(__always)
    private static func isPlainJSONByte(_ byte: UInt8, forScript: Bool) -> Bool {
        byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2
            && (byte != UInt8(ascii: "/") || !forScript)
    }

    /// Makes site-relative `href="/..."`, `src="/..."`, `poster="/..."` and `href="#..."` in
    /// HTML absolute, for feeds that are read away from the site. One pass over the bytes.
    public static func absolutizeURLs(in html: String, baseURL: String, pageURL: String) -> String {
        let root = Array((baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL).utf8)
        let page = Array(pageURL.utf8)
        let attributes: [[UInt8]] = [Array(" href=".utf8), Array(" src=".utf8), Array(" poster=".utf8)]
        var html = html
        return html.withUTF8 { bytes in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index + 1 < bytes.count {
                // An attribute value starts at `="`; look at what precedes and follows it.
                guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "\"") else {
                    index += 1
                    continue
                }
                let valueStart = index + 2
                let isURLAttribute = attributes.contains { name in
                    index + 1 >= name.count && bytes[(index + 1 - name.count)...index].elementsEqual(name)
                }
                index = valueStart
                guard isURLAttribute, valueStart < bytes.count else { continue }
                let first = bytes[valueStart]
                let second = valueStart + 1 < bytes.count ? bytes[valueStart + 1] : 0
                let prefix: [UInt8]
                if first == UInt8(ascii: "/") && second != UInt8(ascii: "/") {
                    prefix = root
                } else if first == UInt8(ascii: "#") {
                    prefix = page
                } else {
                    continue
                }
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<valueStart]))
                output.append(contentsOf: prefix)
                copied = valueStart
            }
            if copied == 0 { return String(decoding: bytes, as: UTF8.self) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: output, as: UTF8.self)
        }
    }
}
