import SBCMSCore

/// Why an export wrote nothing.
public enum ExportError: Error, Sendable, CustomStringConvertible {
    /// The site has errors (or could not be loaded); they are listed, sorted by location.
    case siteHasErrors(siteID: String, diagnostics: [Diagnostic])
    /// The site has no `docs/` pages.
    case noDocs(siteID: String)
    /// The site has no public characters.
    case noCharacters(siteID: String)
    /// The kind cannot be exported in this format (`--kind docs --format json`).
    case unsupportedFormat(kind: ExportKind, format: ExportFormat)
    /// The `weasyprint` executable was not found.
    case weasyPrintMissing
    /// WeasyPrint ran and failed.
    case weasyPrintFailed(status: Int32, output: String)
    /// A file could not be read or written.
    case io(String)

    public var description: String {
        switch self {
        case .siteHasErrors(let siteID, let diagnostics):
            let count = diagnostics.filter { $0.severity == .error }.count
            return "site '\(siteID)' has \(count) error\(count == 1 ? "" : "s"); nothing was exported"
        case .noDocs(let siteID):
            return "site '\(siteID)' has no documentation to export: add Markdown pages under sites/\(siteID)/docs/"
        case .noCharacters(let siteID):
            return "site '\(siteID)' has no public characters to export: add profiles under sites/\(siteID)/characters/"
        case .unsupportedFormat(let kind, let format):
            return "--kind \(kind.rawValue) cannot be exported as \(format.rawValue); use "
                + kind.formats.map(\.rawValue).joined(separator: ", ")
        case .weasyPrintMissing:
            return WeasyPrint.missingMessage
        case .weasyPrintFailed(let status, let output):
            let details = output.isEmpty ? "" : ":\n" + output
            return "WeasyPrint failed with exit status \(status)\(details)"
        case .io(let message):
            return message
        }
    }
}
