import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// The benchmark corpus generator writes every kind of content the format has (the format as
/// another tool reads it): it must build without errors or warnings. Runs when
/// `../shared/bench/gen-corpus` (or `$GEN_CORPUS`) exists next to the checkout.
@Suite struct GeneratedCorpusTests {
    static let generator = ProcessInfo.processInfo.environment["GEN_CORPUS"]
        ?? FixtureRepository.projectRoot + "/../shared/bench/gen-corpus"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: generator)))
    func generatedCorpusBuildsCleanly() throws {
        let repo = try FixtureRepository()
        try repo.run(["python3", Self.generator, "--out", repo.root + "/generated", "--force", "--sites", "2", "--posts", "20",
                      "--docs", "10", "--courses", "4", "--projects", "5", "--characters", "12"])
        for folder in ["sites", "templates"] {
            try FileManager.default.moveItem(atPath: repo.root + "/generated/" + folder, toPath: repo.root + "/" + folder)
        }
        let ids = try FileManager.default.contentsOfDirectory(atPath: repo.root + "/sites").sorted()
        #expect(ids.count == 2)
        for result in buildSites(repo, ids) {
            #expect(result.status == .built, "\(result.diagnostics.prefix(10).map(\.formatted))")
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(10).map(\.formatted))")
            let site = "output/\(result.siteID)"
            #expect(try repo.read(site + "/courses/index.html").contains("<h1>Courses</h1>"))
            #expect(repo.files(under: site + "/api/v1/courses").count == 4)
            #expect(repo.files(under: site + "/api/v1/projects").count == 5)
            #expect(repo.exists(site + "/characters/graph.svg"))
            #expect(repo.exists(site + "/characters/timeline/index.html"))
        }
    }
}
