import ArgumentParser
import Foundation
import SBCMSCore
import SBCMSExport

extension ExportFormat: ExpressibleByArgument {}
extension ExportKind: ExpressibleByArgument {}
extension ImageMode: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a site's documentation (HTML, Markdown zip, PDF) or characters (JSON, Markdown zip, HTML).",
        discussion: """
            html: one self-contained HTML5 file with a title page, a table of contents and every \
            doc page in reading order; links between doc pages become links inside the file, \
            links to other pages of the site (blog posts) absolute URLs on the site's base_url.

            markdown: a .zip of docs/**.md as written, plus the media/ files they use, so the \
            relative links keep working; links that leave docs/ become absolute URLs.

            pdf: the HTML export printed by WeasyPrint (A4, page numbers, table of contents \
            with page numbers). Needs the `weasyprint` command: apt-get install weasyprint \
            (or pip install weasyprint).

            --kind characters exports every public character (private ones and relationships \
            with them are left out) with its profile, relationships both ways and timeline: \
            json is one JSON document; markdown a .zip with one .md file per character, an \
            index with the merged timeline, and the media they use; html one self-contained \
            file. Default file: output/<site-id>-characters.json|.zip|.html.

            The site is checked like `sbcms build` does (drafts left out): when it has errors \
            they are printed and nothing is written. The file is replaced atomically.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("The site to export.", valueName: "id"))
    var site: String

    @Option(help: "docs: html, markdown or pdf (needs WeasyPrint). characters: json, markdown or html.")
    var format: ExportFormat

    @Option(help: "What to export: docs or characters.")
    var kind: ExportKind = .docs

    @Option(help: ArgumentHelp(
        "The file to write (relative to the current folder). Default: output/<site-id>-<kind>.<html|zip|pdf|json> under the repository root.",
        valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp(
        "html only: embed (default) puts images into the file as data: URIs; relative links them as media/... next to the file, so copy the site's media/ folder beside the HTML file.",
        valueName: "embed|relative"))
    var images: ImageMode?

    func validate() throws {
        if !kind.formats.contains(format) {
            throw ValidationError("--kind \(kind.rawValue) cannot be exported as \(format.rawValue); use "
                                  + kind.formats.map(\.rawValue).joined(separator: ", ") + ".")
        }
        if let images, format == .json {
            throw ValidationError("--images \(images.rawValue) does not apply to --format json: it links images by their URLs.")
        }
        if let images, format == .markdown {
            throw ValidationError("--images \(images.rawValue) does not apply to --format markdown: the zip always holds the media files.")
        }
        if images == .relative, format == .pdf {
            throw ValidationError("--images relative does not apply to --format pdf: the PDF always embeds images.")
        }
    }

    func run() throws {
        let workspace = common.workspace
        let options = ExportOptions(format: format, images: images ?? .embed,
                                    now: ContentDate(secondsSince1970: Int64(Date().timeIntervalSince1970)))
        do {
            let result: ExportResult
            let noun: String
            let path = output.map(absolutePath) ?? kind.defaultOutputPath(workspace: workspace, siteID: site, format: format)
            switch kind {
            case .docs:
                result = try DocsExporter(workspace: workspace, options: options).export(siteID: site, to: path)
                noun = result.pages == 1 ? "doc page" : "doc pages"
            case .characters:
                result = try CharactersExporter(workspace: workspace, options: options).export(siteID: site, to: path)
                noun = result.pages == 1 ? "character" : "characters"
            }
            for warning in result.warnings { printError(warning.formatted) }
            let media = result.mediaFiles > 0
                ? ", \(result.mediaFiles) media file\(result.mediaFiles == 1 ? "" : "s")" : ""
            print("exported \(result.pages) \(noun) of \(site)\(media) to \(result.path)")
        } catch let error as ExportError {
            if case .siteHasErrors(_, let diagnostics) = error {
                for diagnostic in diagnostics { printError(diagnostic.formatted) }
            }
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
