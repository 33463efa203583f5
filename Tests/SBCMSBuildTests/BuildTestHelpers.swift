import SBCMSBuild
import SBCMSCore
import SBCMSSource
import SBCMSTestSupport

/// Builds sites of a fixture repository at a fixed time into `<root>/output`.
func buildSites(_ repo: FixtureRepository, _ ids: [String], drafts: Bool = false, future: Bool = false) -> [SiteBuildResult] {
    var options = BuildOptions(now: fixedNow, outputDirectory: repo.root + "/output")
    options.includeDrafts = drafts
    options.includeFuture = future
    return BuildFarm(workspace: Workspace(root: repo.root), options: options).build(siteIDs: ids)
}

/// 2026-06-01T12:00:00Z: every fixture is built "now" at this instant.
let fixedNow = ContentDate(iso: "2026-06-01T12:00:00Z") ?? ContentDate(secondsSince1970: 0)

/// `code@line:column` of each error of a result, for exact comparisons.
func errorPositions(_ result: SiteBuildResult) -> [String] {
    result.diagnostics.filter { $0.severity == .error }.map { "\($0.code)@\($0.file ?? "-"):\($0.line):\($0.column)" }
}

/// A post file with front matter lines and a body.
func post(_ frontMatter: String, body: String = "Some text for the post.\n") -> String {
    "---\n\(frontMatter)\n---\n\(body)"
}
