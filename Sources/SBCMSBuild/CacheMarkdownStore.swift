import SBCMSContent
import SBCMSCore
import SBCMSMarkdown

#if canImport(Glibc)
import Glibc
#endif

/// The Markdown render cache on disk: `<cache>/markdown/<2 hex>/<key>`, one small binary file
/// per rendered body, shared by every site of the farm. Entries are written through a
/// temporary file and a rename, so a killed build or two sites storing the same body never
/// leave a torn entry; an unreadable or corrupt entry is a miss.
public final class CacheMarkdownStore: MarkdownRenderCache, @unchecked Sendable {
    public let directory: String
    private let lock = PosixLock()
    private var counters = (hits: 0, misses: 0, stores: 0)
    /// Version 2 dropped the body's plain text, which nothing read (only its word count is kept).
    private static let magic = "sbcms-md-2"

    public init(cacheDirectory: String) {
        directory = cacheDirectory + "/markdown"
    }

    /// Entries found and reused, looked up and not found, and written since this store was made.
    public var statistics: (hits: Int, misses: Int, stores: Int) { lock.withLock { counters } }

    /// The file of one entry.
    public func path(forKey key: String) -> String {
        directory + "/" + key.prefix(2) + "/" + key
    }

    public func load(key: String) -> CachedMarkdown? {
        let path = path(forKey: key)
        let entry = (try? FileSystem.readBytes(path)).flatMap(Self.decode)
        lock.withLock {
            if entry == nil { counters.misses += 1 } else { counters.hits += 1 }
        }
        // A used entry is young again: `pruneIfDue` removes only entries nobody used for long.
        if entry != nil { FileSystem.touch(path) }
        return entry
    }

    /// Entries no build used for this long are removed (30 days).
    public static let maximumUnusedSeconds: Int64 = 30 * 24 * 3600
    /// Pruning scans the whole cache, so it runs at most once in this many seconds (a day).
    public static let pruneIntervalSeconds: Int64 = 24 * 3600

    /// Removes entries unused for `maximumUnusedSeconds`, when the last pruning is older than
    /// `pruneIntervalSeconds` (or never happened). Returns how many entries were removed.
    @discardableResult
    public func pruneIfDue(nowNanoseconds: Int64 = FileSystem.Identity.wallClockNanoseconds()) -> Int {
        let marker = directory + "/.pruned"
        if let last = FileSystem.identity(marker)?.modificationNanoseconds,
           nowNanoseconds - last < Self.pruneIntervalSeconds * 1_000_000_000 {
            return 0
        }
        let cutoff = nowNanoseconds - Self.maximumUnusedSeconds * 1_000_000_000
        var removed = 0
        for folder in FileSystem.list(directory) where folder.count == 2 {
            let folderPath = directory + "/" + folder
            for name in FileSystem.list(folderPath) {
                let path = folderPath + "/" + name
                guard let modified = FileSystem.identity(path)?.modificationNanoseconds, modified < cutoff else { continue }
                if unlink(path) == 0 { removed += 1 }
            }
        }
        if (try? FileSystem.createDirectories(directory)) != nil,
           (try? FileSystem.writeAtomically(Array("pruned\n".utf8), to: marker)) != nil {
            FileSystem.touch(marker, nanoseconds: nowNanoseconds)
        }
        return removed
    }

    public func store(_ entry: CachedMarkdown, key: String) {
        let path = path(forKey: key)
        let folder = String(path[..<path.lastIndex(of: "/")!])
        do {
            try FileSystem.createDirectories(folder)
            try FileSystem.writeAtomically(Self.encode(entry), to: path)
            lock.withLock { counters.stores += 1 }
        } catch {
            // A cache that cannot be written only makes the next build slower.
        }
    }

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

    static func decode(_ bytes: [UInt8]) -> CachedMarkdown? {
        var reader = BinaryReader(bytes)
        guard reader.readString() == magic, let html = reader.readString(), let headingCount = reader.readUInt(),
              headingCount <= UInt64(bytes.count) else { return nil }
        var headings: [MarkdownHeading] = []
        for _ in 0..<headingCount {
            guard let level = reader.readInt(), let id = reader.readString(), let text = reader.readString() else { return nil }
            headings.append(MarkdownHeading(level: level, id: id, text: text))
        }
        func readTOC(depth: Int) -> [TOCEntry]? {
            guard depth < 16, let count = reader.readUInt(), count <= UInt64(bytes.count) else { return nil }
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
              let wordCount = reader.readInt(), let linkCount = reader.readUInt(), linkCount <= UInt64(bytes.count) else { return nil }
        var documentLinks: [MarkdownLink] = []
        for _ in 0..<linkCount {
            guard let link = readLink() else { return nil }
            documentLinks.append(link)
        }
        guard let recordedCount = reader.readUInt(), recordedCount <= UInt64(bytes.count) else { return nil }
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
        let document = MarkdownDocument(html: html, headings: headings, toc: toc, firstParagraph: firstParagraph,
                                        wordCount: wordCount, links: documentLinks)
        return CachedMarkdown(document: document, links: recorded)
    }
}
