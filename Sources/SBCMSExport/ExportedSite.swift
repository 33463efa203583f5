import SBCMSContent
import SBCMSCore
import SBCMSSource

/// A site as every export reads it: loaded and built into a content graph (drafts off).
enum ExportedSite {
    /// Loads `sites/<siteID>/` and builds its content graph. Throws `ExportError.siteHasErrors`
    /// (with every diagnostic) when the site has errors; returns the warnings otherwise.
    static func load(workspace: Workspace, siteID: String, now: ContentDate) throws -> (graph: ContentGraph, warnings: [Diagnostic]) {
        let (loaded, loadDiagnostics) = SiteLoader(workspace: workspace).load(siteID: siteID)
        guard let source = loaded else {
            throw ExportError.siteHasErrors(siteID: siteID, diagnostics: loadDiagnostics.sortedByLocation())
        }
        let (graph, contentDiagnostics) = ContentGraphBuilder(source: source, options: ContentOptions(now: now)).build()
        let diagnostics = (loadDiagnostics + contentDiagnostics).sortedByLocation()
        if diagnostics.containsErrors { throw ExportError.siteHasErrors(siteID: siteID, diagnostics: diagnostics) }
        return (graph, diagnostics)
    }
}
