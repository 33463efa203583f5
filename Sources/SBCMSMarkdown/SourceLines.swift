import SBCMSCore

/// A point in the Markdown body: 1-based line, 0-based UTF-8 byte offset within that line.
struct SourcePoint: Comparable {
    var line: Int
    var offset: Int

    static func < (a: SourcePoint, b: SourcePoint) -> Bool {
        a.line != b.line ? a.line < b.line : a.offset < b.offset
    }
}

/// The Markdown body as UTF-8 bytes, split into lines the way cmark splits them
/// (`\n`, `\r\n` and a lone `\r` all end a line).
struct SourceLines {
    let bytes: [UInt8]
    private let starts: [Int]
    private let ends: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        (starts, ends) = bytes.withUnsafeBufferPointer(Self.lineBounds)
    }

    /// The start and end offsets of every line; bytes without a line ending are skipped eight
    /// at a time.
    private static func lineBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> ([Int], [Int]) {
        var starts: [Int] = [], ends: [Int] = []
        let count = bytes.count
        starts.reserveCapacity(count / 32 + 1)
        ends.reserveCapacity(count / 32 + 1)
        var start = 0
        var index = 0
        while index < count {
            if index + 8 <= count, let base = bytes.baseAddress {
                let word = ByteWords.load(base, at: index)
                let endings = ByteWords.bytes(word, equalTo: 0x0A) | ByteWords.bytes(word, equalTo: 0x0D)
                if endings == 0 {
                    index += 8
                    continue
                }
                index += endings.trailingZeroBitCount / 8
            }
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                starts.append(start)
                ends.append(index)
                if byte == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        starts.append(start)
        ends.append(count)
        return (starts, ends)
    }

    var lineCount: Int { starts.count }

    func contains(line: Int) -> Bool { line >= 1 && line <= starts.count }

    /// Length of a line in bytes (0 for a line that does not exist).
    func length(of line: Int) -> Int {
        contains(line: line) ? ends[line - 1] - starts[line - 1] : 0
    }

    /// The byte at `offset` of `line`, or nil outside the line.
    func byte(line: Int, offset: Int) -> UInt8? {
        guard contains(line: line), offset >= 0 else { return nil }
        let index = starts[line - 1] + offset
        return index < ends[line - 1] ? bytes[index] : nil
    }

    /// Whether `pattern` occurs at `offset` of `line`.
    func matches<C: Collection>(_ pattern: C, line: Int, offset: Int) -> Bool where C.Element == UInt8 {
        guard contains(line: line), offset >= 0, !pattern.isEmpty else { return false }
        var index = starts[line - 1] + offset
        let end = ends[line - 1]
        for byte in pattern {
            guard index < end, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    /// First occurrence of `pattern` at or after `from`, up to and including `lastLine`.
    func find(_ pattern: [UInt8], from: SourcePoint, lastLine: Int) -> SourcePoint? {
        guard let first = pattern.first else { return nil }
        var line = max(from.line, 1)
        var offset = from.line >= 1 ? max(from.offset, 0) : 0
        let last = min(lastLine, lineCount)
        while line <= last {
            let length = length(of: line)
            while offset + pattern.count <= length {
                if byte(line: line, offset: offset) == first, matches(pattern, line: line, offset: offset) {
                    return SourcePoint(line: line, offset: offset)
                }
                offset += 1
            }
            line += 1
            offset = 0
        }
        return nil
    }

    /// The occurrence of `pattern` on `line`, at or after `minimum`, closest to `near`.
    func nearest(_ pattern: [UInt8], line: Int, near: Int, minimum: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var best: Int?
        var offset = max(minimum, 0)
        let length = length(of: line)
        while offset < length {
            if byte(line: line, offset: offset) == first, matches(pattern, line: line, offset: offset) {
                if let current = best, abs(current - near) <= abs(offset - near) { break }
                best = offset
            }
            offset += 1
        }
        return best
    }

    /// Offsets where the content of a continuation line may start: non-blank bytes preceded only by
    /// indentation and block-quote markers, last (most stripped) first.
    func contentStarts(line: Int) -> [Int] {
        var result: [Int] = []
        let length = length(of: line)
        var offset = 0
        while offset < length, let byte = byte(line: line, offset: offset) {
            if byte == 0x20 || byte == 0x09 {
                offset += 1
                continue
            }
            result.append(offset)
            guard byte == UInt8(ascii: ">") else { break }
            offset += 1
        }
        return result.reversed()
    }

    /// 1-based column of a byte offset, counted in Unicode code points.
    func column(line: Int, offset: Int) -> Int {
        guard contains(line: line) else { return max(offset, 0) + 1 }
        let start = starts[line - 1]
        let end = min(start + max(offset, 0), ends[line - 1])
        var column = 1
        var index = start
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }
}
