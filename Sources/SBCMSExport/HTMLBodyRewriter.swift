import SBCMSCore
import SBCMSRender

/// Rewrites one doc page's body HTML for the single-file export, tag by tag:
///
/// - every `id` becomes `<section id>--<id>` (and `headers` references follow), so ids are
///   unique across the document; in-page `href="#x"` follow them;
/// - links to doc pages (`/docs/a/`, `/docs/a/#x`) become in-document anchors;
/// - other site URLs (`/blog/x/`) become absolute URLs on the site's base URL;
/// - `/media/...` images become `data:` URIs or `media/...` relative paths;
/// - headings move down by `headingShift` levels (at most h6), to sit under the page title.
///
/// The input is the HTML written by the Markdown renderer (cmark-gfm, then the sanitizer when
/// raw HTML is allowed): text never holds a raw `<`, so every `<` starts a tag or comment.
struct HTMLBodyRewriter {
    let anchors: DocAnchors
    let baseURL: String
    let images: ImageMode
    let media: MediaEmbedder

    /// Rewrites the body of the page at site URL `pageURL` whose section id is `sectionID`.
    func rewrite(_ html: String, pageURL: String, sectionID: String, headingShift: Int) throws -> String {
        let bytes = Array(html.utf8)
        let count = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(count + count / 8)
        var index = 0
        while index < count {
            let byte = bytes[index]
            guard byte == Byte.lessThan else {
                out.append(byte)
                index += 1
                continue
            }
            if Self.hasPrefix(bytes, at: index, "<!--") {
                let end = Self.find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? count
                out.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            var cursor = index + 1
            let isClosing = cursor < count && bytes[cursor] == Byte.slash
            if isClosing { cursor += 1 }
            guard cursor < count, Self.isLetter(bytes[cursor]) else {
                out.append(byte)
                index += 1
                continue
            }
            let nameStart = cursor
            while cursor < count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
            out.append(contentsOf: bytes[index..<nameStart])
            if let heading = Self.headingLevel(bytes[nameStart..<cursor]), headingShift != 0 {
                out.append(contentsOf: Array("h\(min(max(heading + headingShift, 1), 6))".utf8))
            } else {
                out.append(contentsOf: bytes[nameStart..<cursor])
            }
            cursor = try copyAttributes(bytes, from: cursor, isClosing: isClosing, pageURL: pageURL,
                                        sectionID: sectionID, into: &out)
            index = cursor
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Copies a tag's attributes up to and including its `>`, rewriting the ones that name ids
    /// or URLs. Returns the index after the tag.
    private func copyAttributes(_ bytes: [UInt8], from start: Int, isClosing: Bool, pageURL: String,
                                sectionID: String, into out: inout [UInt8]) throws -> Int {
        let count = bytes.count
        var cursor = start
        while cursor < count {
            let byte = bytes[cursor]
            if byte == Byte.greaterThan {
                out.append(byte)
                return cursor + 1
            }
            if Self.isSpace(byte) || byte == Byte.slash {
                out.append(byte)
                cursor += 1
                continue
            }
            let nameStart = cursor
            while cursor < count, !Self.isSpace(bytes[cursor]), bytes[cursor] != Byte.equals,
                  bytes[cursor] != Byte.greaterThan, bytes[cursor] != Byte.slash {
                cursor += 1
            }
            if cursor == nameStart {  // a stray `=`
                out.append(byte)
                cursor += 1
                continue
            }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            var look = cursor
            while look < count, Self.isSpace(bytes[look]) { look += 1 }
            guard look < count, bytes[look] == Byte.equals else {
                out.append(contentsOf: bytes[nameStart..<cursor])
                continue
            }
            look += 1
            while look < count, Self.isSpace(bytes[look]) { look += 1 }
            let valueStart: Int
            let valueEnd: Int
            let after: Int
            if look < count, bytes[look] == Byte.doubleQuote || bytes[look] == Byte.singleQuote {
                let quote = bytes[look]
                valueStart = look + 1
                valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? count
                after = min(valueEnd + 1, count)
            } else {
                valueStart = look
                var end = look
                while end < count, !Self.isSpace(bytes[end]), bytes[end] != Byte.greaterThan { end += 1 }
                valueEnd = end
                after = end
            }
            let value = HTMLText.decodeEntities(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))
            if !isClosing, let replacement = try rewriteAttribute(name, value, pageURL: pageURL, sectionID: sectionID) {
                out.append(contentsOf: Array("\(name)=\"\(HTMLText.escape(replacement))\"".utf8))
            } else {
                out.append(contentsOf: bytes[nameStart..<after])
            }
            cursor = after
        }
        return count
    }

    /// The new value of an attribute, or nil to keep it as it is.
    private func rewriteAttribute(_ name: String, _ value: String, pageURL: String, sectionID: String) throws -> String? {
        switch name {
        case "id":
            return value.isEmpty ? nil : DocAnchors.prefixed(value, in: sectionID)
        case "headers":
            let ids = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            return ids.map { DocAnchors.prefixed(String($0), in: sectionID) }.joined(separator: " ")
        case "href":
            return link(Self.siteURL(value, pageURL: pageURL) ?? value, sectionID: sectionID)
        case "src", "poster":
            return try resource(Self.siteURL(value, pageURL: pageURL) ?? value)
        case "srcset":
            return try sourceSet(value, pageURL: pageURL)
        default:
            return nil
        }
    }

    private func link(_ value: String, sectionID: String) -> String? {
        if value.hasPrefix("#") {
            let fragment = String(value.dropFirst())
            guard !fragment.isEmpty else { return nil }
            return "#" + DocAnchors.prefixed(SitePath.percentDecoded(fragment), in: sectionID)
        }
        guard value.hasPrefix("/"), !value.hasPrefix("//") else { return nil }
        let (path, fragment) = SitePath.split(value)
        if let target = anchors.sectionID(forURL: path) {
            guard let fragment, !fragment.isEmpty else { return "#" + target }
            return "#" + DocAnchors.prefixed(SitePath.percentDecoded(fragment), in: target)
        }
        if images == .relative, media.file(forURLPath: path) != nil { return String(value.dropFirst()) }
        return URLPaths.absolute(value, baseURL: baseURL)
    }

    private func resource(_ value: String) throws -> String? {
        guard value.hasPrefix("/"), !value.hasPrefix("//") else { return nil }
        if let file = media.file(forURLPath: SitePath.split(value).path) {
            switch images {
            case .embed: return try media.dataURI(for: file)
            case .relative: return String(value.dropFirst())
            }
        }
        return URLPaths.absolute(value, baseURL: baseURL)
    }

    /// `srcset`: each candidate's URL rewritten like `src`, descriptors kept.
    private func sourceSet(_ value: String, pageURL: String) throws -> String? {
        var candidates: [String] = []
        var rest = Substring(value)
        while true {
            rest = rest.drop(while: { $0.isWhitespace || $0 == "," })
            guard !rest.isEmpty else { break }
            var url = String(rest.prefix(while: { !$0.isWhitespace }))
            rest = rest.dropFirst(url.count)
            var descriptor = ""
            if url.hasSuffix(",") {
                while url.hasSuffix(",") { url.removeLast() }
            } else {
                descriptor = rest.prefix(while: { $0 != "," }).trimmingCharacters(in: " \t\n")
                rest = rest.drop(while: { $0 != "," })
            }
            let siteURL = Self.siteURL(url, pageURL: pageURL) ?? url
            let rewritten = try resource(siteURL) ?? siteURL
            candidates.append(descriptor.isEmpty ? rewritten : rewritten + " " + descriptor)
        }
        return candidates.joined(separator: ", ")
    }

    /// A URL relative to the page (`img.png`, `../other/`, `?q`), as the site URL the browser
    /// would load from the page; nil for fragments, site URLs and URLs with a scheme.
    static func siteURL(_ value: String, pageURL: String) -> String? {
        if value.isEmpty || value.hasPrefix("#") || value.hasPrefix("/") || SitePath.hasScheme(value) { return nil }
        if value.hasPrefix("?") { return pageURL + value }
        let suffixStart = value.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? value.endIndex
        let path = value[..<suffixStart]
        var parts = pageURL.split(separator: "/")
        if !pageURL.hasSuffix("/"), !parts.isEmpty { parts.removeLast() }
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else {
                parts.append(component)
            }
        }
        let trailing = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..") || path == "." || path == ".."
        let joined = "/" + parts.joined(separator: "/")
        return (trailing && joined != "/" ? joined + "/" : joined) + value[suffixStart...]
    }

    // MARK: Bytes

    private enum Byte {
        static let lessThan = UInt8(ascii: "<")
        static let greaterThan = UInt8(ascii: ">")
        static let slash = UInt8(ascii: "/")
        static let equals = UInt8(ascii: "=")
        static let doubleQuote = UInt8(ascii: "\"")
        static let singleQuote = UInt8(ascii: "'")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 48 && byte <= 57) || byte == 45
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12
    }

    /// 1...6 for `h1`...`h6` (any case).
    private static func headingLevel(_ name: ArraySlice<UInt8>) -> Int? {
        guard name.count == 2, name.first == 104 || name.first == 72, let digit = name.last,
              digit >= 49, digit <= 54 else { return nil }
        return Int(digit - 48)
    }

    private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: String) -> Bool {
        let prefixBytes = Array(prefix.utf8)
        guard index + prefixBytes.count <= bytes.count else { return false }
        return bytes[index..<index + prefixBytes.count].elementsEqual(prefixBytes)
    }

    private static func find(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if hasPrefix(bytes, at: index, needle) { return index }
            index += 1
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        let trimmed = drop(while: { characters.contains($0) })
        return String(trimmed.reversed().drop(while: { characters.contains($0) }).reversed())
    }
}
