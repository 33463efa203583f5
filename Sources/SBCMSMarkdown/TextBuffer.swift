/// A UTF-8 text accumulator working on bytes.
///
/// In `collapsing` mode every run of ASCII whitespace becomes one space and the ends are trimmed
/// (for the first paragraph); otherwise text is kept as is and only the separators requested
/// between pieces are inserted (for headings, whose ids keep every space, and the plain text).
struct TextBuffer {
    private(set) var bytes: [UInt8] = []
    private var pending: UInt8?
    private let collapsing: Bool

    init(collapsing: Bool) {
        self.collapsing = collapsing
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// Asks for `separator` (a space or a newline) before the next text; a newline wins over a space.
    mutating func separate(_ separator: UInt8) {
        guard !bytes.isEmpty else { return }
        if pending == nil || separator == 0x0A { pending = separator }
    }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        guard !text.isEmpty else { return }
        if !collapsing {
            if let separator = pending {
                bytes.append(separator)
                pending = nil
            }
            bytes.append(contentsOf: text)
            return
        }
        for byte in text {
            if collapsing && TextBuffer.isSpace(byte) {
                separate(0x20)
                continue
            }
            if let separator = pending {
                bytes.append(separator)
                pending = nil
            }
            bytes.append(byte)
        }
    }

    /// Appends text without the line endings that terminate it (code block literals).
    mutating func appendTrimmingNewlines(_ text: UnsafeBufferPointer<UInt8>) {
        var end = text.count
        while end > 0, text[end - 1] == 0x0A || text[end - 1] == 0x0D { end -= 1 }
        append(UnsafeBufferPointer(rebasing: text[0..<end]))
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text without leading and trailing ASCII whitespace.
    var trimmedString: String {
        var start = 0
        var end = bytes.count
        while start < end, TextBuffer.isSpace(bytes[start]) { start += 1 }
        while end > start, TextBuffer.isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Number of words in UTF-8 text: runs between ASCII and Unicode whitespace (`White_Space`:
    /// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
    static func wordCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        var inWord = false
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            var space = false
            var length = 1
            if byte < 0x80 {
                space = isSpace(byte)
            } else if byte == 0xC2, index + 1 < end {
                space = bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0
                length = 2
            } else if byte == 0xE1 || byte == 0xE2 || byte == 0xE3, index + 2 < end {
                let second = bytes[index + 1], third = bytes[index + 2]
                switch byte {
                case 0xE1: space = second == 0x9A && third == 0x80
                case 0xE2: space = (second == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF))
                    || (second == 0x81 && third == 0x9F)
                default: space = second == 0x80 && third == 0x80
                }
                length = 3
            }
            if space {
                inWord = false
                index += length
            } else {
                if !inWord {
                    inWord = true
                    count += 1
                }
                index += 1
            }
        }
        return count
    }
}
