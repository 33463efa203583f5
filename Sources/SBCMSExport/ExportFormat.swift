/// The formats `sbcms export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One self-contained HTML file of the whole docs tree.
    case html
    /// A .zip of the docs as Markdown files, links still working, media included.
    case markdown
    /// A PDF made from the HTML export by WeasyPrint.
    case pdf

    /// The extension of the written file: `html`, `zip` or `pdf`.
    public var fileExtension: String {
        switch self {
        case .html: return "html"
        case .markdown: return "zip"
        case .pdf: return "pdf"
        }
    }
}
