import SBCMSCore
#if canImport(Glibc)
import Glibc
#endif

/// A Markdown file split into its front matter and body, with the positions needed to report
/// problems at their real line in the file.
public struct MarkdownSource: Sendable {
    /// The front matter as a map (empty when the file has none).
    public var frontMatter: YAMLMap
    /// Line 1 of the front matter map (the line after the opening `---`), for "missing key" errors.
    public var frontMatterLine: Int
    /// The Markdown after the closing `---`, with CRLF normalised to LF.
    public var body: String
    /// The file line on which the body starts; a body line N is file line `bodyLineOffset + N`.
    public var bodyLineOffset: Int
    /// True when the file started with a front matter block.
    public var hasFrontMatter: Bool

    public init(frontMatter: YAMLMap, frontMatterLine: Int, body: String, bodyLineOffset: Int, hasFrontMatter: Bool) {
        self.frontMatter = frontMatter
        self.frontMatterLine = frontMatterLine
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.hasFrontMatter = hasFrontMatter
    }

    /// Splits a file's text. Returns a diagnostic instead when the front matter is unclosed,
    /// invalid YAML, or not a map. `location.file` is used for the diagnostics.
    public static func parse(_ rawText: String, location: SourceLocation) -> Swift.Result<MarkdownSource, Diagnostic> {
        switch split(rawText) {
        case .noFrontMatter(let text):
            return .success(MarkdownSource(frontMatter: YAMLMap(), frontMatterLine: 1, body: text,
                                           bodyLineOffset: 0, hasFrontMatter: false))
        case .unclosed:
            return .failure(.error(
                "front-matter-unclosed", at: location.at(line: 1, column: 1),
                "front matter starts with `---` on line 1 but is never closed",
                hint: "add a line with only `---` after the last front matter key"))
        case .frontMatter(let yaml, let body, let bodyLineOffset):
            switch YAMLParser.parse(yaml, location: location, lineOffset: 1) {
            case .failure(let diagnostic):
                return .failure(diagnostic)
            case .empty:
                return .success(MarkdownSource(frontMatter: YAMLMap(), frontMatterLine: 2, body: body,
                                               bodyLineOffset: bodyLineOffset, hasFrontMatter: true))
            case .node(let node):
                guard case .map(let map) = node.value else {
                    return .failure(.error(
                        "front-matter", at: location.at(line: node.line, column: node.column),
                        "front matter must be a map of keys to values, found \(node.value.typeDescription)",
                        hint: "write `key: value` lines between the `---` lines, e.g. `title: My post`"))
                }
                return .success(MarkdownSource(frontMatter: map, frontMatterLine: 2, body: body,
                                               bodyLineOffset: bodyLineOffset, hasFrontMatter: true))
            }
        }
    }

    /// A file's text cut at its front matter lines, before any YAML is read.
    public enum Split {
        /// No `---` first line: the whole text (BOM removed, line ends LF) is the body.
        case noFrontMatter(String)
        /// The front matter's YAML text, the body, and the file line before the body's first.
        case frontMatter(yaml: String, body: String, bodyLineOffset: Int)
        /// A `---` first line without a closing line.
        case unclosed
    }

    /// Cuts `rawText` at its front matter lines (`---`, closed by `---` or `...`), after
    /// removing a byte order mark and turning CRLF line ends into LF.
    public static func split(_ rawText: String) -> Split {
        var text = rawText
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text.unicodeScalars.removeFirst() }
        if ByteScan.contains(13, in: text) {
            text = text.replacingCRLF()
        }
        // Lines are found in the UTF-8 bytes: a line feed always ends a character, and `---`
        // and `...` have no other spelling, so byte comparisons decide as characters would.
        let cut: FrontMatterCut = text.withUTF8 { bytes in
            let end = bytes.count
            func lineEnd(from start: Int) -> Int {
                guard start < end, let base = bytes.baseAddress,
                      let found = memchr(base + start, 0x0A, end - start) else { return end }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            /// Whether `bytes[start..<stop]`, without trailing spaces and tabs, is `marker`.
            func isMarker(_ start: Int, _ stop: Int, _ marker: UInt8) -> Bool {
                var stop = stop
                while stop > start, bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 { stop -= 1 }
                return stop - start == 3 && bytes[start] == marker && bytes[start + 1] == marker && bytes[start + 2] == marker
            }
            let firstLineEnd = lineEnd(from: 0)
            let opens = firstLineEnd < end ? isMarker(0, firstLineEnd, UInt8(ascii: "-")) : (end == 3 && isMarker(0, 3, UInt8(ascii: "-")))
            guard opens else { return .none }
            var lineNumber = 1
            var lineStart = min(firstLineEnd + 1, end)
            let yamlStart = lineStart
            while lineStart < end {
                lineNumber += 1
                let stop = lineEnd(from: lineStart)
                if isMarker(lineStart, stop, UInt8(ascii: "-")) || isMarker(lineStart, stop, UInt8(ascii: ".")) {
                    return .closed(yamlStart: yamlStart, yamlEnd: lineStart, bodyStart: min(stop + 1, end),
                                   bodyLineOffset: lineNumber)
                }
                lineStart = min(stop + 1, end)
            }
            return .unclosed
        }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        switch cut {
        case .none: return .noFrontMatter(text)
        case .unclosed: return .unclosed
        case .closed(let yamlStart, let yamlEnd, let bodyStart, let bodyLineOffset):
            return .frontMatter(yaml: String(text[index(yamlStart)..<index(yamlEnd)]),
                                body: String(text[index(bodyStart)...]), bodyLineOffset: bodyLineOffset)
        }
    }

    /// Where `split` cuts a text, as UTF-8 offsets.
    private enum FrontMatterCut {
        case none, unclosed
        case closed(yamlStart: Int, yamlEnd: Int, bodyStart: Int, bodyLineOffset: Int)
    }
}

extension String {
    /// The text with `\r\n` (and lone `\r`) turned into `\n`.
    func replacingCRLF() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8 {
            if byte == 13 {
                bytes.append(10)
                previousWasCR = true
                continue
            }
            if byte == 10 && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
