internal import CCmarkGFM

/// Finds the exact source position of links and images.
///
/// cmark-gfm 0.29 reports inline positions that are right on a block's first line but assume that
/// every continuation line starts at the block's column (wrong for lazy or extra-indented lines),
/// count a NUL as three bytes, ignore unescaped `\|` in table cells, and give autolinks no or
/// wrong positions. Each reported position is therefore checked against the source text and,
/// when it does not hold, searched for from a cursor that only moves forward within a block.
struct LinkLocator {
    private let source: SourceLines
    private var blockLine = 0
    private var blockColumn = 1
    private var blockEndLine = 0
    private var cursor = SourcePoint(line: 1, offset: 0)
    /// Lines to add to cmark's inline lines in the current block (see `enterBlock`).
    private var lineShift = 0

    init(source: SourceLines) {
        self.source = source
    }

    /// To be called on entering every block node: inlines that follow belong to it.
    mutating func enterBlock(_ node: OpaquePointer) {
        blockLine = Int(cmark_node_get_start_line(node))
        blockColumn = Int(cmark_node_get_start_column(node))
        blockEndLine = Int(cmark_node_get_end_line(node))
        lineShift = 0
        guard blockLine > 0 else { return }
        cursor = SourcePoint(line: blockLine, offset: max(blockColumn - 1, 0))
        // Link reference definitions removed from the start of a paragraph still count in
        // cmark's block start line, so its inline lines are early by the lines they took.
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING, startsWithReferenceDefinition() {
            lineShift = LinkLocator.referenceDefinitionLines(in: node, startLine: blockLine, endLine: blockEndLine)
        }
    }

    /// Whether the block's first line starts like `[label]:`.
    private func startsWithReferenceDefinition() -> Bool {
        var offset = blockColumn - 1
        guard source.byte(line: blockLine, offset: offset) == UInt8(ascii: "[") else { return false }
        offset += 1
        while let byte = source.byte(line: blockLine, offset: offset) {
            switch byte {
            case UInt8(ascii: "\\"): offset += 2
            case UInt8(ascii: "["): return false
            case UInt8(ascii: "]"): return source.byte(line: blockLine, offset: offset + 1) == UInt8(ascii: ":")
            default: offset += 1
            }
        }
        return false
    }

    /// Lines taken by reference definitions at the start of a block: the block's content ends on
    /// `endLine`, so it starts `breaks` lines earlier, and no earlier than its last inline's line.
    /// Both estimates can only be too large (hidden newlines, unpositioned nodes): take the smaller.
    private static func referenceDefinitionLines(in block: OpaquePointer, startLine: Int, endLine: Int) -> Int {
        guard let iterator = cmark_iter_new(block) else { return 0 }
        defer { cmark_iter_free(iterator) }
        var breaks = 0
        var lastLine = 0
        while true {
            let event = cmark_iter_next(iterator)
            guard event == CMARK_EVENT_ENTER || event == CMARK_EVENT_EXIT else { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), node != block else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { breaks += 1 }
            lastLine = max(lastLine, Int(cmark_node_get_start_line(node)))
        }
        var shift = endLine - breaks - startLine
        if lastLine > 0 { shift = min(shift, endLine - lastLine) }
        return max(shift, 0)
    }

    /// To be called for inline nodes other than links and images: moves the cursor past
    /// nodes whose position can be verified (text, code spans, emphasis).
    mutating func noteInline(_ node: OpaquePointer, type: cmark_node_type) {
        let reportedLine = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        let line = reportedLine + lineShift
        guard reportedLine > 0, column > 0, source.contains(line: line) else { return }
        let expected: (UInt8, UInt8)
        switch type {
        case CMARK_NODE_TEXT:
            guard let first = Cmark.literalBytes(node).first else { return }
            expected = (first, first)
        case CMARK_NODE_CODE:
            expected = (UInt8(ascii: "`"), UInt8(ascii: "`"))
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            expected = (UInt8(ascii: "*"), UInt8(ascii: "_"))
        default:
            return
        }
        let found = locate(line: line, column: column) { offset in
            let byte = source.byte(line: line, offset: offset)
            return byte == expected.0 || byte == expected.1
        }
        if let found {
            cursor = max(cursor, SourcePoint(line: line, offset: found))
        }
    }

    /// The 1-based line and column (in code points) of a link's `[`, an image's `!`, or an
    /// autolink's first URL character.
    mutating func locate(link node: OpaquePointer, isImage: Bool, url: String) -> (line: Int, column: Int) {
        let point = find(link: node, isImage: isImage, url: url) ?? cursor
        cursor = max(cursor, SourcePoint(line: point.line, offset: point.offset + 1))
        return (point.line, source.column(line: point.line, offset: point.offset))
    }

    private func find(link node: OpaquePointer, isImage: Bool, url: String) -> SourcePoint? {
        let marker: [UInt8] = isImage ? [UInt8(ascii: "!"), UInt8(ascii: "[")] : [UInt8(ascii: "[")]
        let autolink = isImage ? nil : LinkLocator.autolinkText(node, url: url)
        // The link's own start is right on one line, but a link whose text spans lines gets the
        // line of its `]`; the first node of its text starts right after the `[` (or `![`).
        var reports: [(line: Int, column: Int)] = []
        if let child = cmark_node_first_child(node), cmark_node_get_start_line(child) > 0 {
            reports.append((Int(cmark_node_get_start_line(child)) + lineShift,
                            Int(cmark_node_get_start_column(child)) - marker.count))
        }
        if cmark_node_get_start_line(node) > 0 {
            reports.append((Int(cmark_node_get_start_line(node)) + lineShift, Int(cmark_node_get_start_column(node))))
        }
        reports.removeAll { !source.contains(line: $0.line) }

        for report in reports {
            let found = locate(line: report.line, column: report.column) { offset in
                guard source.matches(marker, line: report.line, offset: offset) else { return false }
                guard let autolink else { return true }
                return source.matches(autolink, line: report.line, offset: offset + 1)
            }
            if let found { return SourcePoint(line: report.line, offset: found) }
        }
        if let autolink {
            let last = blockEndLine >= cursor.line ? blockEndLine : source.lineCount
            if var found = source.find(autolink, from: cursor, lastLine: last) {
                // `[https://x](https://x)` on a line cmark misplaced: report its `[`.
                if !reports.isEmpty, found.offset > 0,
                   source.byte(line: found.line, offset: found.offset - 1) == marker[0] {
                    found.offset -= 1
                }
                return found
            }
        }
        guard let report = reports.last else { return nil }
        let predicted = candidates(line: report.line, column: report.column).first ?? report.column - 1
        let minimum = report.line == cursor.line ? cursor.offset : 0
        if let offset = source.nearest(marker, line: report.line, near: predicted, minimum: minimum) {
            return SourcePoint(line: report.line, offset: offset)
        }
        if let found = source.find(marker, from: cursor, lastLine: report.line) {
            return found
        }
        return SourcePoint(line: report.line, offset: max(min(predicted, source.length(of: report.line)), 0))
    }

    /// Byte offsets where cmark's column may put a node: the column itself on the block's first
    /// line; on later lines, the same distance from each possible start of the line's content.
    private func candidates(line: Int, column: Int) -> [Int] {
        if (line == blockLine && lineShift == 0) || blockLine <= 0 { return [column - 1] }
        let shift = column - blockColumn
        return source.contentStarts(line: line).map { $0 + shift }
    }

    private func locate(line: Int, column: Int, where test: (Int) -> Bool) -> Int? {
        for offset in candidates(line: line, column: column) where offset >= 0 && test(offset) {
            return offset
        }
        return nil
    }

    /// The visible text of a link that looks like an autolink (`<url>`, a bare URL, `www.`, an
    /// e-mail address): a single text child that is the URL, minus an added scheme.
    private static func autolinkText(_ node: OpaquePointer, url: String) -> [UInt8]? {
        guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == CMARK_NODE_TEXT else { return nil }
        let text = Cmark.literal(child)
        guard !text.isEmpty else { return nil }
        if url == text || url == "http://" + text || url == "https://" + text || url == "mailto:" + text {
            return Array(text.utf8)
        }
        return nil
    }
}
