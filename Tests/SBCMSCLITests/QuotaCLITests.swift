import Foundation
import SBCMSTestSupport
import Testing

/// `sbcms build` with an `sbcms.yaml`: quota breaches and a broken file, as the CLI prints them.
@Suite struct QuotaCLITests {
    private func repo() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.writeSite("small")
        try repo.write("sites/small/blog/2026-01-01-hello.md", "---\ntitle: Hello\n---\nHello world.\n")
        try repo.write("sites/big/site.yaml", "name: Big\nbase_url: https://big.example.com/\nplan: pro\n")
        try repo.write("sites/big/blog/2026-01-01-hello.md", "---\ntitle: Hello\n---\nHello world.\n")
        return repo
    }

    @Test func aSiteOverItsPlanFailsAloneWithTheLimitNamed() throws {
        let repo = try repo()
        try repo.write("sbcms.yaml", "plans:\n  free:\n    pages: 2\n")
        let output = try CommandRunner.run(["build", "--all"], in: repo.root)
        #expect(output.status == 1)
        #expect(output.stderr.contains("sites/small: error[quota-exceeded]: site small has "))
        #expect(output.stderr.contains(" pages; the free plan allows 2 (pages)\n"))
        #expect(output.stderr.contains("built big"))
        #expect(!repo.exists("output/small") && repo.exists("output/big/index.html"))
    }

    @Test func aBrokenFarmConfigIsReportedAtItsLineAndFailsEverySite() throws {
        let repo = try repo()
        try repo.write("sbcms.yaml", "plans:\n  free:\n    output_bytes: lots\n")
        let output = try CommandRunner.run(["build", "--all"], in: repo.root)
        #expect(output.status == 1)
        #expect(output.stderr.contains("sbcms.yaml:3:19: error[invalid-value]: `output_bytes` of plan `free` must be a size in bytes, found 'lots'"))
        #expect(output.stderr.contains("failed small") && output.stderr.contains("failed big"))
        #expect(!repo.exists("output/small") && !repo.exists("output/big"))
    }

    @Test func aDanglingFarmConfigLinkIsAnErrorNotTheDefaults() throws {
        let repo = try repo()
        try FileManager.default.createSymbolicLink(atPath: repo.root + "/sbcms.yaml", withDestinationPath: "/nonexistent/sbcms.yaml")
        let output = try CommandRunner.run(["build", "--site", "small"], in: repo.root)
        #expect(output.status == 1)
        #expect(output.stderr.contains("sbcms.yaml: error[farm-config]: cannot read sbcms.yaml"))
    }
}
