import Foundation
import SBCMSTestSupport
import Testing

/// `sbcms export --kind characters` through the real binary: default file names, messages,
/// exit statuses.
@Suite struct CharacterExportCLITests {
    private func repository() throws -> FixtureRepository {
        let fixture = FixtureRepository.projectRoot + "/Tests/Fixtures/characters-site"
        let repo = try FixtureRepository()
        try repo.copySites(from: fixture)
        try FileManager.default.copyItem(atPath: fixture + "/templates", toPath: repo.root + "/templates")
        return repo
    }

    @Test func writesEachFormatToItsDefaultFile() throws {
        let repo = try repository()
        for (format, file) in [("json", "cast-characters.json"), ("markdown", "cast-characters.zip"), ("html", "cast-characters.html")] {
            let output = try CommandRunner.run(["export", "--root", repo.root, "--site", "cast", "--kind", "characters",
                                                "--format", format], in: repo.root)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("exported 3 characters of cast"))
            #expect(repo.exists("output/" + file))
        }
        let json = try repo.read("output/cast-characters.json")
        #expect(!json.contains("Quillon"))
    }

    @Test func formatsThatDoNotApplyExit64AndASiteWithoutCharactersExits1() throws {
        let repo = try repository()
        let pdf = try CommandRunner.run(["export", "--root", repo.root, "--site", "cast", "--kind", "characters", "--format", "pdf"],
                                        in: repo.root)
        #expect(pdf.status == 64)
        #expect(pdf.stderr.contains("--kind characters cannot be exported as pdf"))
        try repo.writeSite("plain")
        try repo.write("sites/plain/blog/2026-01-01-hello.md", "---\ntitle: Hello\n---\nHi.\n")
        let none = try CommandRunner.run(["export", "--root", repo.root, "--site", "plain", "--kind", "characters", "--format", "json"],
                                         in: repo.root)
        #expect(none.status == 1)
        #expect(none.stderr.contains("no public characters"))
    }
}
