/// What `sbcms export` exports.
public enum ExportKind: String, Sendable, CaseIterable {
    /// The site's `docs/` tree.
    case docs
    /// The site's public characters, with their relationships and timelines.
    case characters
}
