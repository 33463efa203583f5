import SBCMSCore

/// What an export wrote.
public struct ExportResult: Sendable {
    /// The absolute path of the written file.
    public var path: String
    public var format: ExportFormat
    /// Number of doc pages exported (generated folder pages included).
    public var pages: Int
    /// Images embedded in the HTML/PDF, or media files put in the zip.
    public var mediaFiles: Int
    /// Warnings of the site, and links the Markdown export could not rewrite.
    public var warnings: [Diagnostic]

    public init(path: String, format: ExportFormat, pages: Int, mediaFiles: Int, warnings: [Diagnostic]) {
        self.path = path
        self.format = format
        self.pages = pages
        self.mediaFiles = mediaFiles
        self.warnings = warnings
    }
}
