import Foundation
import SBCMSContent
import SBCMSCore
import SBCMSSource

/// `sbcms export` for documentation trees: loads a site and builds its content graph (drafts
/// off), refuses to export a site with errors or without docs, and writes one file atomically:
///
/// - `html`: one self-contained HTML5 file (`DocsHTMLDocument`);
/// - `markdown`: a .zip of `docs/**.md` and the media they use (`DocsMarkdownArchive`);
/// - `pdf`: the HTML export (images embedded) printed by WeasyPrint.
public struct DocsExporter: Sendable {
    public let workspace: Workspace
    public let options: ExportOptions

    public init(workspace: Workspace, options: ExportOptions) {
        self.workspace = workspace
        self.options = options
    }

    /// Exports the docs of `sites/<siteID>/` to the file at the absolute `path`, replacing it.
    /// Throws `ExportError`; nothing is written then.
    public func export(siteID: String, to path: String) throws -> ExportResult {
        if options.format == .json { throw ExportError.unsupportedFormat(kind: .docs, format: .json) }
        var weasyPrint: String?
        if options.format == .pdf {
            weasyPrint = options.weasyPrint.executable()
            if weasyPrint == nil { throw ExportError.weasyPrintMissing }
        }
        let (graph, warnings) = try loadGraph(siteID: siteID)
        let pages = graph.docs.pages.count
        switch options.format {
        case .html:
            let (html, images) = try DocsHTMLDocument(graph: graph, images: options.images, date: options.now).render()
            try AtomicFile.write(Array(html.utf8), to: path)
            return ExportResult(path: path, format: .html, pages: pages, mediaFiles: images, warnings: warnings)
        case .markdown:
            let archive = DocsMarkdownArchive(graph: graph, date: options.now)
            let (entries, media, linkWarnings) = try archive.entries()
            try AtomicFile.replace(path) { temporary in
                try DocsMarkdownArchive.write(entries, to: temporary, date: options.now)
            }
            return ExportResult(path: path, format: .markdown, pages: pages, mediaFiles: media,
                                warnings: warnings + linkWarnings)
        case .pdf:
            let (html, images) = try DocsHTMLDocument(graph: graph, images: .embed, date: options.now).render()
            let folder = FileManager.default.temporaryDirectory.path + "/sbcms-export-" + UUID().uuidString
            defer { FileSystem.removeTree(folder) }
            let input = folder + "/\(siteID)-docs.html"
            do {
                try FileSystem.createDirectories(folder)
                try FileSystem.write(html, to: input)
            } catch {
                throw ExportError.io("cannot write the temporary HTML for WeasyPrint: \(error)")
            }
            try AtomicFile.replace(path) { temporary in
                try options.weasyPrint.convert(executable: weasyPrint ?? "weasyprint", input: input, output: temporary)
            }
            return ExportResult(path: path, format: .pdf, pages: pages, mediaFiles: images, warnings: warnings)
        case .json:
            throw ExportError.unsupportedFormat(kind: .docs, format: .json)
        }
    }

    /// Loads the site and builds its content graph. Throws `ExportError.siteHasErrors` (with
    /// every diagnostic) when the site has errors, `.noDocs` when it has no doc pages; returns
    /// the warnings otherwise.
    public func loadGraph(siteID: String) throws -> (graph: ContentGraph, warnings: [Diagnostic]) {
        let (graph, diagnostics) = try ExportedSite.load(workspace: workspace, siteID: siteID, now: options.now)
        if graph.docs.isEmpty { throw ExportError.noDocs(siteID: siteID) }
        return (graph, diagnostics)
    }
}
