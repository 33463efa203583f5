import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// The characters fixture: `Tests/Fixtures/characters-site` (site `cast` and the repository
/// templates it uses), built at the fixed time.
enum CharacterFixture {
    static let root = FixtureRepository.projectRoot + "/Tests/Fixtures/characters-site"
    static let expected = FixtureRepository.projectRoot + "/Tests/Fixtures/characters-site-expected"
    static let privateName = "Quillon Vantersby-Ashgrove"

    /// Builds the fixture; with `themeLayouts`, the site's plain-text layout overrides are
    /// removed so the default theme's own layouts render the pages.
    static func build(themeLayouts: Bool = false, theme: String = "default") throws -> (FixtureRepository, SiteBuildResult) {
        let repo = try FixtureRepository()
        try repo.copySites(from: root)
        try FileManager.default.copyItem(atPath: root + "/templates", toPath: repo.root + "/templates")
        if themeLayouts { try repo.remove("sites/cast/layouts") }
        if theme != "default" {
            let config = try repo.read("sites/cast/site.yaml").replacingOccurrences(of: "theme: default", with: "theme: \(theme)")
            try repo.write("sites/cast/site.yaml", config)
        }
        let result = try #require(buildSites(repo, ["cast"]).first)
        return (repo, result)
    }

    /// A repository with one site, the hero template and the given files under `sites/site/`.
    static func build(_ files: [String: String], template: String? = nil) throws -> (FixtureRepository, SiteBuildResult) {
        let repo = try FixtureRepository()
        try repo.writeSite("site")
        try repo.write("templates/characters/hero.yaml", template ?? (try String(contentsOfFile: root + "/templates/characters/hero.yaml", encoding: .utf8)))
        for (path, text) in files { try repo.write("sites/site/" + path, text) }
        let result = try #require(buildSites(repo, ["site"]).first)
        return (repo, result)
    }
}

