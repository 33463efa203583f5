import SBCMSCore
import SBCMSSource

/// A Markdown file after its front matter was read: the first step for every page kind.
struct ParsedFile<FrontMatter: Sendable>: Sendable {
    var file: SourceFile
    /// Nil when the file could not be read or its front matter is invalid (see `diagnostics`).
    var frontMatter: FrontMatter?
    var body: String
    /// Lines before the body (the front matter), so body positions map to file lines.
    var bodyLineOffset: Int
    var diagnostics: [Diagnostic]
}

/// Reads a Markdown file with front matter: rejects unreadable, binary and (unless
/// `requireFrontMatter` is false) front-matter-less files with a diagnostic, then lets `read`
/// check the front matter (an empty map when the file has none).
enum MarkdownFileReader {
    static func parse<FrontMatter: Sendable>(
        _ file: SourceFile, site: SiteConfig, requireFrontMatter: Bool = true,
        read: (MarkdownSource, SourceFile) -> (FrontMatter?, [Diagnostic])
    ) -> ParsedFile<FrontMatter> {
        let location = SourceLocation(site: site.id, file: file.displayPath)
        func failed(_ diagnostic: Diagnostic) -> ParsedFile<FrontMatter> {
            ParsedFile(file: file, frontMatter: nil, body: "", bodyLineOffset: 0, diagnostics: [diagnostic])
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(file.absolutePath)
        } catch {
            return failed(.error("unreadable-file", at: location, "cannot read the file: \(error)"))
        }
        if ByteScan.contains(0, in: bytes) {
            return failed(.error("binary-file", at: location.at(line: 1, column: 1),
                                 "this is not a text file (it contains NUL bytes)",
                                 hint: "pages must be UTF-8 Markdown; move binary files to media/"))
        }
        let markdown: MarkdownSource
        switch MarkdownSource.parse(String(decoding: bytes, as: UTF8.self), location: location) {
        case .failure(let diagnostic): return failed(diagnostic)
        case .success(let parsed): markdown = parsed
        }
        if requireFrontMatter && !markdown.hasFrontMatter {
            return failed(.error("front-matter-missing", at: location.at(line: 1, column: 1),
                                 "page has no front matter",
                                 hint: "start the file with a `---` line, `title: ...`, and another `---` line"))
        }
        let (frontMatter, diagnostics) = read(markdown, file)
        return ParsedFile(file: file, frontMatter: frontMatter, body: markdown.body,
                          bodyLineOffset: markdown.bodyLineOffset, diagnostics: diagnostics)
    }
}
