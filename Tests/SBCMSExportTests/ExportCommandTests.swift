import Foundation
import SBCMSTestSupport
import Testing

/// The `sbcms export` command: options, default output, errors and exit status.
@Suite struct ExportCommandTests {
    private func sbcms(_ arguments: [String], in repo: FixtureRepository,
                       environment: [String: String]? = nil) throws -> Tool.Output {
        try Tool.run(CommandRunner.binary, arguments, in: repo.root, environment: environment)
    }

    @Test func helpListsTheOptions() throws {
        let output = try CommandRunner.run(["export", "--help"], in: "/")
        #expect(output.status == 0)
        for option in ["--site", "--format", "--output", "--images", "--root", "--kind", "html", "markdown", "pdf",
                       "embed", "relative", "media/", "weasyprint"] {
            #expect(output.stdout.contains(option), "export --help lacks \(option)")
        }
        let top = try CommandRunner.run(["--help"], in: "/")
        #expect(top.stdout.contains("export"))
    }

    @Test func writesTheDefaultFileUnderOutput() throws {
        let repo = try ExportFixture.make()
        for (format, file) in [("html", "handbook-docs.html"), ("markdown", "handbook-docs.zip")] {
            let output = try sbcms(["export", "--site", "handbook", "--format", format], in: repo)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(repo.exists("output/" + file))
            #expect(output.stdout.contains("exported 9 doc pages of handbook"))
        }
        let custom = try sbcms(["export", "--site", "handbook", "--format", "html", "--images", "relative",
                                "--output", "elsewhere/docs.html", "--kind", "docs"], in: repo)
        #expect(custom.status == 0, "\(custom.stderr)")
        #expect(try repo.read("elsewhere/docs.html").contains(#"src="media/diagram.png""#))
    }

    @Test func siteErrorsArePrintedLikeBuildAndNothingIsWritten() throws {
        let repo = try ExportFixture.make(extra: ["docs/faq.md": "---\ntitle: FAQ\n---\nSee [nothing](missing.md).\n"])
        let output = try sbcms(["export", "--site", "handbook", "--format", "html"], in: repo)
        #expect(output.status == 1)
        #expect(output.stderr.contains("sites/handbook/docs/faq.md:4:5: error[broken-link]: link 'missing.md'"))
        #expect(output.stderr.contains("nothing was exported"))
        #expect(!repo.exists("output/handbook-docs.html"))
    }

    @Test func siteWithoutDocsExits1() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("plain")
        let output = try sbcms(["export", "--site", "plain", "--format", "markdown"], in: repo)
        #expect(output.status == 1)
        #expect(output.stderr.contains("no documentation"))
    }

    @Test func missingWeasyPrintExits1WithInstructions() throws {
        let repo = try ExportFixture.make()
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "/nonexistent"
        let output = try sbcms(["export", "--site", "handbook", "--format", "pdf"], in: repo, environment: environment)
        #expect(output.status == 1)
        #expect(output.stderr.contains(
            "WeasyPrint is not installed: install it with `apt-get install weasyprint` (or `pip install weasyprint`)"))
        #expect(!repo.exists("output/handbook-docs.pdf"))
    }

    @Test func badOptionsExit64() throws {
        let repo = try ExportFixture.make()
        let cases: [[String]] = [
            ["export", "--site", "handbook"],
            ["export", "--format", "html"],
            ["export", "--site", "handbook", "--format", "docx"],
            ["export", "--site", "handbook", "--format", "pdf", "--kind", "characters"],
            ["export", "--site", "handbook", "--format", "json"],
            ["export", "--site", "handbook", "--format", "json", "--kind", "characters", "--images", "embed"],
            ["export", "--site", "handbook", "--format", "markdown", "--images", "embed"],
            ["export", "--site", "handbook", "--format", "pdf", "--images", "relative"],
            ["export", "--site", "handbook", "--format", "html", "--images", "inline"],
        ]
        for arguments in cases {
            let output = try sbcms(arguments, in: repo)
            #expect(output.status == 64, "\(arguments.joined(separator: " ")) exited \(output.status)")
        }
    }
}
