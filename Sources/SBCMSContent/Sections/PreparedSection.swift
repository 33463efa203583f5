import SBCMSCore
import SBCMSSource

/// A content section beyond posts and docs (courses, portfolio, characters) after its files
/// were read and checked, before its Markdown is rendered.
///
/// Sections are built in two steps so links between all pages of a site can be resolved:
/// `prepare` (in each section's builder) reads the files and says which pages exist; once
/// every section has done that, `finish` renders the Markdown bodies with a `BodyRenderer`
/// that knows every page's URL.
struct PreparedSection<Section: Sendable>: Sendable {
    /// The section's built pages that have a Markdown source: link targets and backlink sources.
    var pages: [PageReference]
    /// Source paths of pages that exist but are not built (a link to one is an error).
    var unbuiltPages: Set<String> = []
    /// Source paths of pages that could not be read (links to them are not reported again).
    var failedPages: Set<String> = []
    /// Problems found while reading.
    var diagnostics: [Diagnostic]
    /// Renders the bodies and returns the finished section.
    var finish: @Sendable (BodyRenderer) -> FinishedSection<Section>
}

/// A section after its bodies were rendered.
struct FinishedSection<Section: Sendable>: Sendable {
    var section: Section
    /// Rendered bodies by source path: their anchors are checked and their links become
    /// backlinks. Leave out bodies whose links must not show anywhere (private pages).
    var bodies: [(path: String, body: RenderedBody)]
    /// Problems found while rendering that are not in the bodies' own diagnostics.
    var diagnostics: [Diagnostic] = []
}
