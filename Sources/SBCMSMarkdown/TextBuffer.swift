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

    /// Number of whitespace-separated words in `text`.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let space = scalar.isASCII ? isSpace(UInt8(scalar.value)) : scalar.properties.isWhitespace
            if space {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
