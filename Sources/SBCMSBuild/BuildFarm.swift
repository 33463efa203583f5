import SBCMSCore
import SBCMSSource

/// Builds several sites, one after another, each using every core for its pages. A failed
/// site never stops the others.
public struct BuildFarm: Sendable {
    public let workspace: Workspace
    public let options: BuildOptions

    public init(workspace: Workspace, options: BuildOptions) {
        self.workspace = workspace
        self.options = options
    }

    /// Builds the given sites in order and reports each one as it finishes.
    public func build(siteIDs: [String], onSiteFinished: (SiteBuildResult) -> Void = { _ in }) -> [SiteBuildResult] {
        let builder = SiteBuilder(workspace: workspace, options: options,
                                  farmConfig: LoadedFarmConfig.load(workspace: workspace))
        var results: [SiteBuildResult] = []
        for id in siteIDs {
            let result = builder.build(siteID: id)
            onSiteFinished(result)
            results.append(result)
        }
        return results
    }
}
