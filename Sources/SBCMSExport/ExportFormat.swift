/// The formats `sbcms export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One self-contained HTML file (the whole docs tree, or every public character).
    case html
    /// A .zip of Markdown files (the docs as written, or one file per character), links still
    /// working, media included.
    case markdown
    /// A PDF made from the HTML export by WeasyPrint (docs only).
    case pdf
    /// One JSON document (characters only).
    case json

    /// The extension of the written file: `html`, `zip`, `pdf` or `json`.
    public var fileExtension: String {
        switch self {
        case .html: return "html"
        case .markdown: return "zip"
        case .pdf: return "pdf"
        case .json: return "json"
        }
    }
}

extension ExportKind {
    /// The formats this kind can be exported as.
    public var formats: [ExportFormat] {
        switch self {
        case .docs: return [.html, .markdown, .pdf]
        case .characters: return [.json, .markdown, .html]
        }
    }
}
