import Foundation
import SBCMSContent
import SBCMSCore
import SBCMSSource

/// `sbcms export --kind characters`: loads a site and builds its content graph (drafts off),
/// refuses a site with errors or without public characters, and writes one file atomically:
///
/// - `json`: one JSON document with every public profile, its relationships both ways, its
///   timeline and bio, plus the merged timeline (`CharactersJSONDocument`);
/// - `markdown`: a .zip with one Markdown file per character, an index with the merged
///   timeline, and the media files they use (`CharactersMarkdownArchive`);
/// - `html`: one self-contained HTML5 file (`CharactersHTMLDocument`).
///
/// Private characters (`public: false`) are not in the graph, so they are in no export, and
/// neither are relationships to or from them.
public struct CharactersExporter: Sendable {
    public let workspace: Workspace
    public let options: ExportOptions

    public init(workspace: Workspace, options: ExportOptions) {
        self.workspace = workspace
        self.options = options
    }

    /// Exports the public characters of `sites/<siteID>/` to the file at the absolute `path`,
    /// replacing it. Throws `ExportError`; nothing is written then.
    public func export(siteID: String, to path: String) throws -> ExportResult {
        guard ExportKind.characters.formats.contains(options.format) else {
            throw ExportError.unsupportedFormat(kind: .characters, format: options.format)
        }
        let (graph, warnings) = try loadGraph(siteID: siteID)
        let count = graph.characters.characters.count
        switch options.format {
        case .json:
            let text = CharactersJSONDocument(graph: graph, date: options.now).render()
            try AtomicFile.write(Array(text.utf8), to: path)
            return ExportResult(path: path, format: .json, pages: count, mediaFiles: 0, warnings: warnings)
        case .markdown:
            let (entries, media, linkWarnings) = try CharactersMarkdownArchive(graph: graph).entries()
            try AtomicFile.replace(path) { temporary in
                try DocsMarkdownArchive.write(entries.map { DocsMarkdownArchive.Entry(path: $0.path, bytes: $0.bytes) },
                                              to: temporary, date: options.now)
            }
            return ExportResult(path: path, format: .markdown, pages: count, mediaFiles: media,
                                warnings: warnings + linkWarnings)
        case .html:
            let (html, images) = try CharactersHTMLDocument(graph: graph, images: options.images, date: options.now).render()
            try AtomicFile.write(Array(html.utf8), to: path)
            return ExportResult(path: path, format: .html, pages: count, mediaFiles: images, warnings: warnings)
        case .pdf:
            throw ExportError.unsupportedFormat(kind: .characters, format: .pdf)
        }
    }

    /// Loads the site and builds its content graph; throws when it has errors or no public characters.
    public func loadGraph(siteID: String) throws -> (graph: ContentGraph, warnings: [Diagnostic]) {
        let (graph, diagnostics) = try ExportedSite.load(workspace: workspace, siteID: siteID, now: options.now)
        if graph.characters.isEmpty { throw ExportError.noCharacters(siteID: siteID) }
        return (graph, diagnostics)
    }
}

/// A character's relationships both ways, as exports write them.
struct ExportedRelation {
    var isIncoming: Bool
    var kind: String
    var note: String?
    var other: CharacterProfile

    /// `Ally:` for outgoing, `Ally of` for incoming.
    var label: String {
        let kind = self.kind.prefix(1).uppercased() + self.kind.dropFirst()
        return isIncoming ? "\(kind) of" : kind + ":"
    }

    static func of(_ index: Int, in cast: CharacterCast) -> [ExportedRelation] {
        cast.relations[index].map { view in
            let relationship = cast.relationships[view.relationship]
            return ExportedRelation(isIncoming: view.isIncoming, kind: relationship.kind, note: relationship.note,
                                    other: cast.characters[view.other])
        }
    }
}
