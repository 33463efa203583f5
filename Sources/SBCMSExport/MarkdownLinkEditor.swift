import SBCMSContent
import SBCMSCore
import SBCMSMarkdown
import SBCMSRender
import SBCMSSource

/// Rewrites the link destinations of one doc's Markdown source for the Markdown export:
/// links that leave `docs/` for other pages (`../blog/x.md#a`) and site-absolute links
/// (`/blog/x/`) become absolute URLs on the site's base URL; links inside `docs/` and to
/// `media/` are kept (the zip has the same layout), and the media files are reported so the
/// zip can include them. Everything else in the file is kept byte for byte.
///
/// Positions come from the Markdown renderer (the `[` of each link, in code points), so text
/// that only looks like a link (code spans, code blocks) is never touched.
struct MarkdownLinkEditor {
    /// Every built page by site-relative source path.
    let pages: [String: PageReference]
    /// Site-relative paths of the files under `media/`.
    let mediaPaths: Set<String>
    let baseURL: String

    struct Outcome {
        /// The new file text; nil when nothing had to change.
        var text: String?
        /// Site-relative paths of the media files the page links to.
        var media: [String]
        /// Links that should have been rewritten but whose destination was not found in the text.
        var missed: [MarkdownLink]
        /// The file line on which the body starts (for reporting `missed`).
        var bodyLineOffset: Int
    }

    func edit(fileText: String, filePath: String, links: [MarkdownLink]) -> Outcome {
        var outcome = Outcome(text: nil, media: [], missed: [], bodyLineOffset: 0)
        var rewrites: [(link: MarkdownLink, replacement: String)] = []
        for link in links {
            switch classify(link.destination, filePath: filePath) {
            case .keep: break
            case .media(let path): outcome.media.append(path)
            case .rewrite(let replacement): rewrites.append((link, replacement))
            }
        }
        guard !rewrites.isEmpty else { return outcome }

        let hasBOM = fileText.unicodeScalars.first == "\u{FEFF}"
        let usesCRLF = fileText.contains("\r\n")
        guard case .success(let markdown) = MarkdownSource.parse(fileText, location: SourceLocation(site: nil, file: filePath))
        else { return outcome }
        outcome.bodyLineOffset = markdown.bodyLineOffset
        // The text the positions refer to: the front matter and body, BOM removed, CRLF as LF.
        var normalized = fileText
        if hasBOM { normalized.unicodeScalars.removeFirst() }
        if normalized.contains("\r") {
            normalized = normalized.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        var scalars = Array(normalized.unicodeScalars)
        var lineStarts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" { lineStarts.append(offset + 1) }

        var edits: [Int: (length: Int, replacement: String)] = [:]
        for (link, replacement) in rewrites {
            let line = markdown.bodyLineOffset + link.line
            guard line >= 1, line <= lineStarts.count else {
                outcome.missed.append(link)
                continue
            }
            let start = lineStarts[line - 1] + max(link.column - 1, 0)
            let target = Array(link.destination.unicodeScalars)
            if let found = Self.findInline(target, in: scalars, from: start, excluding: edits)
                ?? Self.findDefinition(target, in: scalars, lineStarts: lineStarts,
                                       firstLine: markdown.bodyLineOffset + 1, excluding: edits) {
                edits[found.offset] = (found.length, replacement)
            } else {
                outcome.missed.append(link)
            }
        }
        guard !edits.isEmpty else { return outcome }
        for (start, edit) in edits.sorted(by: { $0.key > $1.key }) {
            scalars.replaceSubrange(start..<start + edit.length, with: edit.replacement.unicodeScalars)
        }
        var text = String(String.UnicodeScalarView(scalars))
        if usesCRLF { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        if hasBOM { text = "\u{FEFF}" + text }
        outcome.text = text
        return outcome
    }

    private enum Action {
        case keep
        case media(String)
        case rewrite(String)
    }

    private func classify(_ destination: String, filePath: String) -> Action {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("?")
            || destination.hasPrefix("//") || SitePath.hasScheme(destination) {
            return .keep
        }
        if destination.hasPrefix("/") { return .rewrite(URLPaths.absolute(destination, baseURL: baseURL)) }
        let (path, fragment) = SitePath.split(destination)
        guard !path.isEmpty, let target = SitePath.resolve(SitePath.percentDecoded(path), from: filePath) else {
            return .keep
        }
        if target == "docs" || target.hasPrefix("docs/") { return .keep }
        if mediaPaths.contains(target) { return .media(target) }
        guard let page = pages[target] else { return .keep }
        var url = URLPaths.absolute(page.url, baseURL: baseURL)
        if let fragment, !fragment.isEmpty { url += "#" + fragment }
        return .rewrite(url)
    }

    /// The offset of `destination` written as an inline link `](destination` or
    /// `](<destination>` after `start`, within the paragraph (up to the next blank line).
    private static func findInline(_ destination: [Unicode.Scalar], in text: [Unicode.Scalar], from start: Int,
                                   excluding taken: [Int: (length: Int, replacement: String)]) -> (offset: Int, length: Int)? {
        var index = start
        while index + 1 < text.count {
            if text[index] == "\n", index + 1 < text.count, isBlankLine(text, from: index + 1) { return nil }
            if text[index] == "]", text[index + 1] == "(" {
                var cursor = index + 2
                while cursor < text.count, text[cursor] == " " || text[cursor] == "\t" || text[cursor] == "\n" {
                    cursor += 1
                }
                let angle = cursor < text.count && text[cursor] == "<"
                if angle { cursor += 1 }
                if taken[cursor] == nil, let length = matchLength(destination, in: text, at: cursor, angle: angle) {
                    return (cursor, length)
                }
            }
            index += 1
        }
        return nil
    }

    /// The offset of `destination` in a reference definition `[label]: destination` of the body.
    private static func findDefinition(_ destination: [Unicode.Scalar], in text: [Unicode.Scalar], lineStarts: [Int],
                                       firstLine: Int, excluding taken: [Int: (length: Int, replacement: String)]) -> (offset: Int, length: Int)? {
        guard firstLine >= 1, firstLine <= lineStarts.count else { return nil }
        for lineStart in lineStarts[(firstLine - 1)...] {
            var cursor = lineStart
            var indent = 0
            while cursor < text.count, text[cursor] == " ", indent < 3 {
                cursor += 1
                indent += 1
            }
            guard cursor < text.count, text[cursor] == "[" else { continue }
            while cursor < text.count, text[cursor] != "]", text[cursor] != "\n" {
                cursor += text[cursor] == "\\" ? 2 : 1
            }
            guard cursor + 1 < text.count, text[cursor] == "]", text[cursor + 1] == ":" else { continue }
            cursor += 2
            while cursor < text.count, text[cursor] == " " || text[cursor] == "\t" { cursor += 1 }
            let angle = cursor < text.count && text[cursor] == "<"
            if angle { cursor += 1 }
            if taken[cursor] == nil, let length = matchLength(destination, in: text, at: cursor, angle: angle) {
                return (cursor, length)
            }
        }
        return nil
    }

    /// The length of `destination` as written at `offset` (a backslash may escape ASCII
    /// punctuation), when what follows ends a destination; nil when it is not there.
    private static func matchLength(_ destination: [Unicode.Scalar], in text: [Unicode.Scalar], at offset: Int,
                                    angle: Bool) -> Int? {
        guard !destination.isEmpty else { return nil }
        var cursor = offset
        for scalar in destination {
            guard cursor < text.count else { return nil }
            if text[cursor] == "\\", isEscapable(scalar),
               cursor + 1 < text.count, text[cursor + 1] == scalar {
                cursor += 2
            } else if text[cursor] == scalar {
                cursor += 1
            } else {
                return nil
            }
        }
        guard cursor < text.count else { return angle ? nil : cursor - offset }
        if angle { return text[cursor] == ">" ? cursor - offset : nil }
        let end = text[cursor]
        return end == ")" || end == " " || end == "\t" || end == "\n" ? cursor - offset : nil
    }

    /// ASCII punctuation, which a backslash may escape in Markdown.
    private static func isEscapable(_ scalar: Unicode.Scalar) -> Bool {
        ##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.unicodeScalars.contains(scalar)
    }

    private static func isBlankLine(_ text: [Unicode.Scalar], from start: Int) -> Bool {
        var index = start
        while index < text.count, text[index] != "\n" {
            if text[index] != " " && text[index] != "\t" { return false }
            index += 1
        }
        return true
    }
}
