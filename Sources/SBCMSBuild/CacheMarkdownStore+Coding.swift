import SBCMSContent
import SBCMSCore
import SBCMSMarkdown

/// The bytes of one cache entry: length-prefixed fields between two copies of the format's magic,
/// so a torn or foreign payload decodes to nil (a miss).
extension CacheMarkdownStore {
    /// Version 2 dropped the body's plain text, which nothing read (only its word count is kept).
    static let magic = "sbcms-md-2"

    static func encode(_ entry: CachedMarkdown) -> [UInt8] {
        var writer = BinaryWriter()
        writer.reserveCapacity(entry.document.html.utf8.count + 4096)
        writer.write(magic)
        let document = entry.document
        writer.write(document.html)
        writer.write(UInt64(document.headings.count))
        for heading in document.headings {
            writer.write(heading.level)
            writer.write(heading.id)
            writer.write(heading.text)
        }
        func writeTOC(_ entries: [TOCEntry]) {
            writer.write(UInt64(entries.count))
            for entry in entries {
                writer.write(entry.level)
                writer.write(entry.id)
                writer.write(entry.text)
                writeTOC(entry.children)
            }
        }
        writeTOC(document.toc)
        writer.write(document.firstParagraph)
        writer.write(document.wordCount)
        func writeLink(_ link: MarkdownLink) {
            writer.write(link.destination)
            writer.write(link.isImage)
            writer.write(link.line)
            writer.write(link.column)
        }
        writer.write(UInt64(document.links.count))
        for link in document.links { writeLink(link) }
        writer.write(UInt64(entry.links.count))
        for link in entry.links {
            writeLink(link.link)
            writer.write(link.output != nil)
            if let output = link.output { writer.write(output) }
        }
        writer.write(magic)
        return writer.bytes
    }

    /// The entry in `bytes`, its HTML decoded into a string; nil when they are not a whole entry.
    static func decode(_ bytes: [UInt8]) -> CachedMarkdown? {
        var reader = BinaryReader(bytes)
        guard reader.readString() == magic, let html = reader.readString() else { return nil }
        return decodeFields(after: DocumentHTML(html), &reader, limit: bytes.count)
    }

    /// The entry in `payload` (bytes of a mapped pack), its HTML left in the mapping until it is
    /// read (`DocumentHTML`); nil when they are not a whole entry. Only the fields around the HTML are
    /// copied.
    static func decode(mapped payload: MappedBytes) -> CachedMarkdown? {
        // The magic and the HTML's length come first: at most 1 + 10 + 10 bytes.
        let head = payload.withUnsafeBytes { Array($0.prefix(32)) }
        var headReader = BinaryReader(head)
        guard headReader.readString() == magic, let htmlLength = headReader.readUInt(),
              htmlLength <= UInt64(payload.count - headReader.position) else { return nil }
        let htmlEnd = headReader.position + Int(htmlLength)
        guard let html = payload.slice(headReader.position..<htmlEnd) else { return nil }
        var reader = BinaryReader(payload.withUnsafeBytes { Array($0[htmlEnd...]) })
        return decodeFields(after: DocumentHTML(mapped: html), &reader, limit: payload.count)
    }

    /// The fields after the HTML, up to the closing magic; counts above `limit` (the payload's
    /// size) are malformed.
    private static func decodeFields(after html: DocumentHTML, _ reader: inout BinaryReader, limit: Int) -> CachedMarkdown? {
        guard let headingCount = reader.readUInt(), headingCount <= UInt64(limit) else { return nil }
        var headings: [MarkdownHeading] = []
        for _ in 0..<headingCount {
            guard let level = reader.readInt(), let id = reader.readString(), let text = reader.readString() else { return nil }
            headings.append(MarkdownHeading(level: level, id: id, text: text))
        }
        func readTOC(depth: Int) -> [TOCEntry]? {
            guard depth < 16, let count = reader.readUInt(), count <= UInt64(limit) else { return nil }
            var entries: [TOCEntry] = []
            for _ in 0..<count {
                guard let level = reader.readInt(), let id = reader.readString(), let text = reader.readString(),
                      let children = readTOC(depth: depth + 1) else { return nil }
                entries.append(TOCEntry(level: level, id: id, text: text, children: children))
            }
            return entries
        }
        func readLink() -> MarkdownLink? {
            guard let destination = reader.readString(), let isImage = reader.readBool(), let line = reader.readInt(),
                  let column = reader.readInt() else { return nil }
            return MarkdownLink(destination: destination, isImage: isImage, line: line, column: column)
        }
        guard let toc = readTOC(depth: 0), let firstParagraph = reader.readString(),
              let wordCount = reader.readInt(), let linkCount = reader.readUInt(), linkCount <= UInt64(limit) else { return nil }
        var documentLinks: [MarkdownLink] = []
        for _ in 0..<linkCount {
            guard let link = readLink() else { return nil }
            documentLinks.append(link)
        }
        guard let recordedCount = reader.readUInt(), recordedCount <= UInt64(limit) else { return nil }
        var recorded: [CachedMarkdown.Link] = []
        for _ in 0..<recordedCount {
            guard let link = readLink(), let hasOutput = reader.readBool() else { return nil }
            var output: String?
            if hasOutput {
                guard let text = reader.readString() else { return nil }
                output = text
            }
            recorded.append(CachedMarkdown.Link(link: link, output: output))
        }
        guard reader.readString() == magic, reader.isAtEnd else { return nil }
        let document = MarkdownDocument(storedHTML: html, headings: headings, toc: toc, firstParagraph: firstParagraph,
                                        wordCount: wordCount, links: documentLinks)
        return CachedMarkdown(document: document, links: recorded)
    }
}
