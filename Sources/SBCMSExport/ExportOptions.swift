import SBCMSCore

/// What `DocsExporter` writes and how.
public struct ExportOptions: Sendable {
    public var format: ExportFormat
    /// How the HTML export refers to images; the PDF always embeds them, the Markdown zip keeps
    /// them as files.
    public var images: ImageMode
    /// The export time: decides which posts are scheduled (for links to them) and is printed on
    /// the title page. Injected so exports are reproducible.
    public var now: ContentDate
    /// Where WeasyPrint is looked for (PDF only).
    public var weasyPrint: WeasyPrint

    public init(format: ExportFormat, images: ImageMode = .embed, now: ContentDate,
                weasyPrint: WeasyPrint = WeasyPrint()) {
        self.format = format
        self.images = images
        self.now = now
        self.weasyPrint = weasyPrint
    }
}
