import SBCMSContent
import SBCMSRender
import SBCMSSource

/// What a successful site build was made from, kept in memory by `PreviewSession`.
struct BuiltSiteState: Sendable {
    var source: SiteSource
    var graph: ContentGraph
    var theme: Theme
    var contentOptions: ContentOptions
}
