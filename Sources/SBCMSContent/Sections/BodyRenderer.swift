import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// A page body after rendering: the document, its problems, the anchors to check once every
/// page is known, and the pages it links to (site-relative source paths, for backlinks).
struct RenderedBody: Sendable {
    var document: MarkdownDocument
    var diagnostics: [Diagnostic]
    var anchorChecks: [LinkResolver.AnchorCheck]
    var linkedPages: [String]
}

/// Renders Markdown bodies of one site with cmark-gfm, resolving relative links against every
/// page of the site and reporting broken ones at their line and column.
struct BodyRenderer: Sendable {
    let renderer: MarkdownRenderer
    let resolver: LinkResolver
    let site: SiteConfig
    /// Rendered bodies kept between builds and shared by every site (nil: always render).
    var cache: (any MarkdownRenderCache)? = nil

    /// Renders `markdown`, which starts at line `lineOffset + 1` of `file`.
    func render(_ markdown: String, lineOffset: Int, file: SourceFile) -> RenderedBody {
        render(MarkdownBody(text: markdown), lineOffset: lineOffset, file: file)
    }

    /// Renders `body`, which starts at line `lineOffset + 1` of `file`. An unread body is found
    /// in the cache by its digest, or else read from the file.
    func render(_ body: MarkdownBody, lineOffset: Int, file: SourceFile) -> RenderedBody {
        let fileLocation = SourceLocation(site: site.id, file: file.displayPath)
        var key: String?
        if let cache {
            let digest = body.digest ?? MarkdownBody.digest(of: body.text ?? "")
            key = CachedMarkdown.key(bodyDigest: digest, allowRawHTML: renderer.options.allowRawHTML)
            if let key, let entry = cache.load(key: key),
               let reused = reuse(entry, key: key, lineOffset: lineOffset, file: file, location: fileLocation) {
                return reused
            }
        }
        guard let markdown = body.text else {
            // Not in the cache after all (pruned, or written by another sbcms): read the file.
            switch MarkdownFileReader.split(file, location: fileLocation) {
            case .failure(let diagnostic):
                return RenderedBody(document: MarkdownRenderer().render(""), diagnostics: [diagnostic], anchorChecks: [],
                                    linkedPages: [])
            case .success(let split):
                let digest = MarkdownBody.digest(of: split.body)
                guard digest == body.digest else {
                    // The file changed since its split was recorded: render what it holds now.
                    return render(MarkdownBody(text: split.body, digest: digest), lineOffset: split.bodyLineOffset, file: file)
                }
                return render(split.body, key: key, lineOffset: split.bodyLineOffset, file: file, location: fileLocation)
            }
        }
        return render(markdown, key: key, lineOffset: lineOffset, file: file, location: fileLocation)
    }

    /// The cached document when every link resolves as it did when it was stored (cmark-gfm's
    /// output depends only on the text and on what the rewriter answers for each link); nil
    /// when one does not.
    private func reuse(_ entry: CachedMarkdown, key: String, lineOffset: Int, file: SourceFile,
                       location fileLocation: SourceLocation) -> RenderedBody? {
        var checks: [LinkResolver.AnchorCheck] = []
        var linked: [String] = []
        for recorded in entry.links {
            let location = fileLocation.at(line: recorded.link.line + lineOffset, column: recorded.link.column)
            switch resolver.resolve(recorded.link, fromPath: file.path, location: location) {
            case .keep:
                guard recorded.output == nil else { return nil }
            case .rewrite(let url, let check, let page):
                guard recorded.output == url else { return nil }
                if let check { checks.append(check) }
                if let page, !recorded.link.isImage { linked.append(page) }
            case .broken:
                return nil
            }
        }
        var document = entry.document
        document.identity = CachedMarkdown.identity(key: key, links: entry.links)
        return RenderedBody(document: document, diagnostics: [], anchorChecks: checks, linkedPages: linked)
    }

    /// Renders `markdown` with cmark-gfm and stores it under `key` when it has no problem.
    private func render(_ markdown: String, key: String?, lineOffset: Int, file: SourceFile,
                        location fileLocation: SourceLocation) -> RenderedBody {
        var diagnostics: [Diagnostic] = []
        var checks: [LinkResolver.AnchorCheck] = []
        var linked: [String] = []
        // Only bodies that passed this check are cached, so a cache hit skips it.
        if let (line, cells) = MarkdownLimits.tableLineOverLimit(markdown) {
            let diagnostic = Diagnostic.error(
                "table-too-wide", at: fileLocation.at(line: line + lineOffset, column: 1),
                "this line has \(cells) table cells; at most \(MarkdownLimits.maxTableColumns) are allowed",
                hint: "split the table; very wide tables make the Markdown parser slow for the whole farm")
            return RenderedBody(document: MarkdownRenderer().render(""), diagnostics: [diagnostic], anchorChecks: [],
                                linkedPages: [])
        }
        var recordedLinks: [CachedMarkdown.Link] = []
        var document = renderer.render(markdown) { link in
            let location = fileLocation.at(line: link.line + lineOffset, column: link.column)
            let output: String?
            switch resolver.resolve(link, fromPath: file.path, location: location) {
            case .keep:
                output = nil
            case .rewrite(let url, let check, let page):
                if let check { checks.append(check) }
                if let page, !link.isImage { linked.append(page) }
                output = url
            case .broken(let diagnostic):
                diagnostics.append(diagnostic)
                output = nil
            }
            recordedLinks.append(CachedMarkdown.Link(link: link, output: output))
            return output
        }
        if let cache, let key, diagnostics.isEmpty {
            cache.store(CachedMarkdown(document: document, links: recordedLinks), key: key)
        }
        document.identity = key.map { CachedMarkdown.identity(key: $0, links: recordedLinks) }
        return RenderedBody(document: document, diagnostics: diagnostics, anchorChecks: checks, linkedPages: linked)
    }
}
