import SBCMSCore

/// Limits that keep one tenant's Markdown from stalling a build: cmark-gfm 0.29's table
/// extension is quadratic in the number of columns (a 4,000-column table takes seconds).
enum MarkdownLimits {
    /// The most `|`-separated cells one line may have.
    static let maxTableColumns = 200

    /// The 1-based line with the most `|` characters and that count, when that count is over
    /// `maxTableColumns`; nil for every other text.
    static func tableLineOverLimit(_ text: String) -> (line: Int, cells: Int)? {
        // Most bodies have no table: one memchr pass answers for them. Most others have fewer
        // `|` in all than one line may have: eight bytes are counted at once.
        guard ByteScan.contains(124, in: text) else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var total = 0
            var index = 0
            while index + 8 <= bytes.count {
                total += ByteWords.bytes(ByteWords.load(base, at: index), equalTo: 124).nonzeroBitCount
                index += 8
            }
            while index < bytes.count {
                if bytes[index] == 124 { total += 1 }
                index += 1
            }
            guard total > maxTableColumns else { return nil }
            var line = 1
            var pipes = 0
            var widest: (line: Int, cells: Int)?
            for byte in bytes {
                if byte == 124 {
                    pipes += 1
                } else if byte == 10 {
                    if pipes > 0, pipes > (widest?.cells ?? 0) { widest = (line, pipes) }
                    pipes = 0
                    line += 1
                }
            }
            if pipes > 0, pipes > (widest?.cells ?? 0) { widest = (line, pipes) }
            return widest.flatMap { $0.cells > maxTableColumns ? $0 : nil }
        }
    }
}
