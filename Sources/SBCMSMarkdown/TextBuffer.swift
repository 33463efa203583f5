import SBCMSCore

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
        bytes.withUnsafeBufferPointer { buffer in
            // A word starts at every non-space byte after a space (or at the start). Words of
            // eight ASCII bytes are counted at once; only bytes from 0x80 up take the Unicode path.
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            var previousIsSpace = 1
            var index = 0
            let end = buffer.count
            while index < end {
                if index + 8 <= end {
                    let word = ByteWords.load(base, at: index)
                    if ByteWords.isASCII(word) {
                        let spaces = ByteWords.asciiSpaces(word)
                        let afterSpaces = (spaces << 8) | (previousIsSpace == 1 ? 0x80 : 0)
                        count &+= (~spaces & ByteWords.highs & afterSpaces).nonzeroBitCount
                        previousIsSpace = Int(truncatingIfNeeded: spaces >> 63)
                        index += 8
                        continue
                    }
                }
                let byte = buffer[index]
                if byte < 0x80 {
                    let isSpace = (byte == 0x20 || byte &- 0x09 <= 0x0D - 0x09) ? 1 : 0
                    count &+= previousIsSpace & (isSpace ^ 1)
                    previousIsSpace = isSpace
                    index += 1
                    continue
                }
                var spaceLength = 0
                if byte == 0xC2, index + 1 < end {
                    if buffer[index + 1] == 0x85 || buffer[index + 1] == 0xA0 { spaceLength = 2 }
                } else if byte == 0xE1 || byte == 0xE2 || byte == 0xE3, index + 2 < end {
                    let second = buffer[index + 1], third = buffer[index + 2]
                    let isSpace: Bool
                    switch byte {
                    case 0xE1: isSpace = second == 0x9A && third == 0x80
                    case 0xE2: isSpace = (second == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF))
                        || (second == 0x81 && third == 0x9F)
                    default: isSpace = second == 0x80 && third == 0x80
                    }
                    if isSpace { spaceLength = 3 }
                }
                if spaceLength > 0 {
                    previousIsSpace = 1
                    index += spaceLength
                } else {
                    count &+= previousIsSpace
                    previousIsSpace = 0
                    index += 1
                }
            }
            return count
        }
    }
}
