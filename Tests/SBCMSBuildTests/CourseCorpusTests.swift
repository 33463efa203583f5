import Foundation
import SBCMSBuild
import SBCMSTestSupport
import Testing

/// The courses that the benchmark corpus generator writes (the format as another tool reads
/// it) build without errors or warnings. Runs when `../shared/bench/gen-corpus` (or
/// `$GEN_CORPUS`) exists next to the checkout.
@Suite struct CourseCorpusTests {
    static let generator = ProcessInfo.processInfo.environment["GEN_CORPUS"]
        ?? FixtureRepository.projectRoot + "/../shared/bench/gen-corpus"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: generator)))
    func generatedCoursesBuildCleanly() throws {
        let repo = try FixtureRepository()
        try repo.run(["python3", Self.generator, "--out", repo.root + "/generated", "--force", "--posts", "20",
                      "--docs", "10", "--courses", "4", "--projects", "3", "--characters", "4"])
        try FileManager.default.moveItem(atPath: repo.root + "/generated/sites", toPath: repo.root + "/sites")
        let ids = try FileManager.default.contentsOfDirectory(atPath: repo.root + "/sites").sorted()
        let results = buildSites(repo, ids)
        for result in results {
            let courseProblems = result.diagnostics.filter { $0.file?.contains("/courses/") == true }
            #expect(courseProblems.isEmpty, "\(courseProblems.map(\.formatted))")
            #expect(result.status == .built, "\(result.diagnostics.prefix(10).map(\.formatted))")
            let catalog = try repo.read("output/\(result.siteID)/courses/index.html")
            #expect(catalog.contains("<h1>Courses</h1>"))
            #expect(repo.files(under: "output/\(result.siteID)/api/v1/courses").count == 4)
        }
    }
}
