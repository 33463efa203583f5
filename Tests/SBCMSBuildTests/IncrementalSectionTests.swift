import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSTestSupport
import Testing

/// Every section (docs, courses, portfolio, characters): after editing every Markdown file, an
/// incremental build equals a cold build.
@Suite struct IncrementalSectionTests {
    @Test(arguments: ["docs-site", "courses-site", "portfolio-site", "characters-site"])
    func editedSectionsEqualColdBuild(_ fixture: String) throws {
        let repo = try FixtureRepository()
        try repo.copySites(from: FixtureRepository.projectRoot + "/Tests/Fixtures/" + fixture)
        if FileManager.default.fileExists(atPath: FixtureRepository.projectRoot + "/Tests/Fixtures/\(fixture)/templates") {
            try FileManager.default.copyItem(atPath: FixtureRepository.projectRoot + "/Tests/Fixtures/\(fixture)/templates",
                                             toPath: repo.root + "/templates")
        }
        try ageSources(repo)
        let ids = try FileManager.default.contentsOfDirectory(atPath: repo.root + "/sites").sorted()
        for result in buildWithCache(repo, ids) {
            #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        }
        let markdown = repo.files(under: "sites").filter { $0.hasSuffix(".md") && !$0.contains("/quiz") }
        for (index, file) in markdown.enumerated() where index % 2 == 0 {
            try repo.write("sites/" + file, try repo.read("sites/" + file) + "\nAn added sentence.\n")
        }
        for result in buildWithCache(repo, ids) {
            #expect(result.status == .built, "\(result.diagnostics.map(\.formatted))")
        }
        _ = buildWithCache(repo, ids, output: "cold", cache: nil)
        for id in ids {
            let differences = GoldenTree.compare(actual: repo.root + "/output/" + id, expected: repo.root + "/cold/" + id)
            #expect(differences.isEmpty, "\(id): \(differences.prefix(5).joined(separator: "\n"))")
        }
    }
}
