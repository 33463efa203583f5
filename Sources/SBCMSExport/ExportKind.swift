import SBCMSSource

/// What `sbcms export` exports.
public enum ExportKind: String, Sendable, CaseIterable {
    /// The site's `docs/` tree.
    case docs
    /// The site's public characters, with their relationships and timelines.
    case characters

    /// Where an export goes when no `--output` is given: `<root>/output/<site-id>-<kind>.<ext>`
    /// (`acme-docs.html`, `acme-characters.zip`).
    public func defaultOutputPath(workspace: Workspace, siteID: String, format: ExportFormat) -> String {
        workspace.root + "/output/\(siteID)-\(rawValue).\(format.fileExtension)"
    }
}
