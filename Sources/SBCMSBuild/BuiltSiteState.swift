import SBCMSContent
import SBCMSRender
import SBCMSSource

/// What a successful site build was made from, kept in memory by `PreviewSession`.
struct BuiltSiteState: Sendable {
    var source: SiteSource
    /// A renderer of the built graph (`renderer.graph`), without page fingerprints. It is the
    /// only holder of the graph, so replacing a post changes it in place.
    var renderer: SiteRenderer
    /// Reads edited pages for the fast path (made once per build).
    var editor: BodyEditor
}
