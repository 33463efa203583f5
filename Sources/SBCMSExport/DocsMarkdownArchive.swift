import Foundation
import SBCMSContent
import SBCMSCore
import SBCMSSource
import ZIPFoundation

/// The documentation as a .zip of Markdown files: `docs/**.md` as the authors wrote them (same
/// hierarchy, front matter included), with links that leave `docs/` for other pages made
/// absolute, plus every `media/...` file the docs link to, so relative image links keep working.
/// Entries are sorted by path and carry the export time, so the same input gives the same zip.
struct DocsMarkdownArchive {
    let graph: ContentGraph
    /// The modification time written on every entry.
    let date: ContentDate

    struct Entry {
        var path: String
        var bytes: [UInt8]
    }

    /// The entries, sorted by path, and warnings for links that could not be rewritten.
    func entries() throws -> (entries: [Entry], mediaFiles: Int, warnings: [Diagnostic]) {
        let editor = MarkdownLinkEditor(pages: graph.pages, mediaPaths: Set(graph.media.map(\.path)),
                                        baseURL: graph.config.baseURL)
        var entries: [Entry] = []
        var mediaPaths: Set<String> = []
        var warnings: [Diagnostic] = []
        let pages = graph.docs.pages.filter { $0.source != nil }.sorted { ($0.source?.path ?? "") < ($1.source?.path ?? "") }
        for page in pages {
            guard let file = page.source else { continue }
            let bytes = try Self.read(file)
            let outcome = editor.edit(fileText: String(decoding: bytes, as: UTF8.self), filePath: file.path,
                                      links: page.body?.links ?? [])
            mediaPaths.formUnion(outcome.media)
            for link in outcome.missed {
                warnings.append(.warning(
                    "export-link-kept",
                    at: SourceLocation(site: graph.config.id, file: file.displayPath,
                                       line: outcome.bodyLineOffset + link.line, column: link.column),
                    "link '\(link.destination)' leaves docs/ but could not be rewritten in the Markdown export; it is kept as written",
                    hint: "write it as an inline link [text](\(link.destination)) so the export can make it absolute"))
            }
            entries.append(Entry(path: file.path, bytes: outcome.text.map { Array($0.utf8) } ?? bytes))
        }
        let mediaFiles = graph.media.filter { mediaPaths.contains($0.path) }
        for file in mediaFiles {
            entries.append(Entry(path: file.path, bytes: try Self.read(file)))
        }
        entries.sort { $0.path < $1.path }
        return (entries, mediaFiles.count, warnings)
    }

    /// Writes the zip to `path` (a new file; the caller renames it into place).
    static func write(_ entries: [Entry], to path: String, date: ContentDate) throws {
        let modified = Date(timeIntervalSince1970: TimeInterval(date.secondsSince1970))
        do {
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
            for entry in entries {
                let data = Data(entry.bytes)
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: modified, permissions: 0o644, compressionMethod: .deflate) {
                    position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch {
            throw ExportError.io("cannot write the zip \(path): \(error)")
        }
    }

    private static func read(_ file: SourceFile) throws -> [UInt8] {
        do {
            return try FileSystem.readBytes(file.absolutePath)
        } catch {
            throw ExportError.io("cannot read \(file.displayPath): \(error)")
        }
    }
}
