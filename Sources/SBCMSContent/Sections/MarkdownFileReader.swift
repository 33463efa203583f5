import SBCMSCore
import SBCMSSource

/// A Markdown file after its front matter was read: the first step for every page kind.
struct ParsedFile<FrontMatter: Sendable>: Sendable {
    var file: SourceFile
    /// Nil when the file could not be read or its front matter is invalid (see `diagnostics`).
    var frontMatter: FrontMatter?
    var body: MarkdownBody
    /// Lines before the body (the front matter), so body positions map to file lines.
    var bodyLineOffset: Int
    var diagnostics: [Diagnostic]
}

/// Reads a Markdown file with front matter: rejects unreadable, binary and (unless
/// `requireFrontMatter` is false) front-matter-less files with a diagnostic, then lets `read`
/// check the front matter (an empty map when the file has none).
enum MarkdownFileReader {
    /// With `splits`, a file unchanged since an earlier build is not parsed: its front matter
    /// comes from its recorded split, and its body stays unread (`MarkdownBody`) unless
    /// `needsBodyText`, when only the body is cut from the file; a file that is parsed has its
    /// split recorded.
    static func parse<FrontMatter: Sendable>(
        _ file: SourceFile, site: SiteConfig, requireFrontMatter: Bool = true, splits: (any MarkdownSplitCache)? = nil,
        needsBodyText: Bool = false, read: (MarkdownSource, SourceFile) -> (FrontMatter?, [Diagnostic])
    ) -> ParsedFile<FrontMatter> {
        let location = SourceLocation(site: site.id, file: file.displayPath)
        if let split = splits?.split(ofUnchanged: file.path) {
            let markdown = MarkdownSource(frontMatter: split.frontMatter, frontMatterLine: split.frontMatterLine, body: "",
                                          bodyLineOffset: split.bodyLineOffset, hasFrontMatter: split.hasFrontMatter)
            if !needsBodyText {
                return checked(markdown, body: MarkdownBody(unreadWithDigest: split.bodyDigest), file: file,
                               location: location, requireFrontMatter: requireFrontMatter, read: read)
            }
            // The body's text, without reading the YAML again; a file whose body is not the
            // recorded one changed after all and is parsed below.
            if let text = bodyText(of: file), MarkdownBody.digest(of: text) == split.bodyDigest {
                return checked(markdown, body: MarkdownBody(text: text, digest: split.bodyDigest), file: file,
                               location: location, requireFrontMatter: requireFrontMatter, read: read)
            }
        }
        let markdown: MarkdownSource
        switch split(file, location: location) {
        case .failure(let diagnostic):
            return ParsedFile(file: file, frontMatter: nil, body: MarkdownBody(text: ""), bodyLineOffset: 0,
                              diagnostics: [diagnostic])
        case .success(let parsed):
            markdown = parsed
        }
        var body = MarkdownBody(text: markdown.body)
        if let splits {
            let digest = MarkdownBody.digest(of: markdown.body)
            body.digest = digest
            splits.record(MarkdownFileSplit(frontMatter: markdown.frontMatter, frontMatterLine: markdown.frontMatterLine,
                                            bodyLineOffset: markdown.bodyLineOffset,
                                            hasFrontMatter: markdown.hasFrontMatter, bodyDigest: digest),
                          for: file.path)
        }
        return checked(markdown, body: body, file: file, location: location, requireFrontMatter: requireFrontMatter,
                       read: read)
    }

    /// The body of `file` (after its front matter lines), nil when it cannot be read.
    private static func bodyText(of file: SourceFile) -> String? {
        guard let bytes = try? FileSystem.readBytes(file.absolutePath), !ByteScan.contains(0, in: bytes) else { return nil }
        switch MarkdownSource.split(String(decoding: bytes, as: UTF8.self)) {
        case .noFrontMatter(let text): return text
        case .frontMatter(_, let body, _): return body
        case .unclosed: return nil
        }
    }

    /// Reads `file` and splits it into front matter and body; a diagnostic when it cannot be
    /// read, is binary, or its front matter is unclosed or not a YAML map.
    static func split(_ file: SourceFile, location: SourceLocation) -> Result<MarkdownSource, Diagnostic> {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(file.absolutePath)
        } catch {
            return .failure(.error("unreadable-file", at: location, "cannot read the file: \(error)"))
        }
        if ByteScan.contains(0, in: bytes) {
            return .failure(.error("binary-file", at: location.at(line: 1, column: 1),
                                   "this is not a text file (it contains NUL bytes)",
                                   hint: "pages must be UTF-8 Markdown; move binary files to media/"))
        }
        return MarkdownSource.parse(String(decoding: bytes, as: UTF8.self), location: location)
    }

    private static func checked<FrontMatter: Sendable>(
        _ markdown: MarkdownSource, body: MarkdownBody, file: SourceFile, location: SourceLocation,
        requireFrontMatter: Bool, read: (MarkdownSource, SourceFile) -> (FrontMatter?, [Diagnostic])
    ) -> ParsedFile<FrontMatter> {
        if requireFrontMatter && !markdown.hasFrontMatter {
            return ParsedFile(file: file, frontMatter: nil, body: MarkdownBody(text: ""), bodyLineOffset: 0, diagnostics: [
                .error("front-matter-missing", at: location.at(line: 1, column: 1), "page has no front matter",
                       hint: "start the file with a `---` line, `title: ...`, and another `---` line"),
            ])
        }
        let (frontMatter, diagnostics) = read(markdown, file)
        return ParsedFile(file: file, frontMatter: frontMatter, body: body, bodyLineOffset: markdown.bodyLineOffset,
                          diagnostics: diagnostics)
    }
}
