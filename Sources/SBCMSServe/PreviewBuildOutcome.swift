import SBCMSCore

/// What one preview rebuild produced: all the server needs to tell the browser.
public struct PreviewBuildOutcome: Sendable {
    public enum Status: String, Sendable {
        /// New output is being served.
        case built
        /// Nothing the site is made from changed: the output was left alone.
        case upToDate = "up-to-date"
        /// The build had errors: the last good output keeps being served.
        case failed
    }

    public var status: Status
    /// Errors and warnings, sorted by location.
    public var diagnostics: [Diagnostic]
    /// URL paths of outputs added, changed or removed (`/blog/x/`, `/css/site.css`), sorted.
    public var changedPaths: [String]
    /// HTML pages and files of the site's output.
    public var pages: Int
    public var files: Int
    /// Wall time of the rebuild in seconds.
    public var seconds: Double
    /// The post or doc page (site-relative) when the rebuild only rendered the outputs that
    /// show it (`PreviewSession`'s fast path); nil when the site was built.
    public var editedPage: String?

    public init(status: Status, diagnostics: [Diagnostic], changedPaths: [String], pages: Int, files: Int, seconds: Double,
                editedPage: String? = nil) {
        self.status = status
        self.diagnostics = diagnostics
        self.changedPaths = changedPaths
        self.pages = pages
        self.files = files
        self.seconds = seconds
        self.editedPage = editedPage
    }
}
