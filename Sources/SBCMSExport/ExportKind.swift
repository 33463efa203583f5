/// What `sbcms export` exports. Only the documentation tree for now; characters come later.
public enum ExportKind: String, Sendable, CaseIterable {
    /// The site's `docs/` tree.
    case docs
}
