import Foundation
import SBCMSCore
import SBCMSExport
import SBCMSSource
import SBCMSTestSupport
import Testing

/// What an export refuses to do, and where it writes by default.
@Suite struct ExportErrorTests {
    @Test func siteWithErrorsIsNotExported() throws {
        let repo = try ExportFixture.make(extra: ["docs/faq.md": "---\ntitle: FAQ\n---\nSee [nothing](missing.md).\n"])
        for format in ExportKind.docs.formats {
            #expect {
                try ExportFixture.export(repo, format)
            } throws: { error in
                guard case ExportError.siteHasErrors(let site, let diagnostics) = error else { return false }
                return site == "handbook" && diagnostics.contains {
                    $0.code == "broken-link" && $0.file == "sites/handbook/docs/faq.md" && $0.line == 4 && $0.column == 5
                }
            }
        }
        #expect(!repo.exists("out"))
    }

    @Test func siteWithoutDocsIsAClearError() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("empty")
        try repo.write("sites/empty/blog/2026-01-01-hello.md", "---\ntitle: Hello\n---\nHi.\n")
        let exporter = DocsExporter(workspace: Workspace(root: repo.root),
                                    options: ExportOptions(format: .html, now: ExportFixture.now))
        #expect {
            try exporter.export(siteID: "empty", to: repo.root + "/out.html")
        } throws: { error in
            guard case ExportError.noDocs("empty") = error else { return false }
            return "\(error)".contains("no documentation") && "\(error)".contains("sites/empty/docs/")
        }
        #expect(!repo.exists("out.html"))
    }

    @Test func unknownSiteIsReportedWithItsDiagnostic() throws {
        let repo = try FixtureRepository()
        #expect {
            try DocsExporter(workspace: Workspace(root: repo.root), options: ExportOptions(format: .html, now: ExportFixture.now))
                .export(siteID: "nope", to: repo.root + "/out.html")
        } throws: { error in
            guard case ExportError.siteHasErrors(_, let diagnostics) = error else { return false }
            return diagnostics.map(\.code) == ["unknown-site"]
        }
    }

    @Test func defaultOutputIsUnderTheRepositoryOutputFolder() {
        let workspace = Workspace(root: "/repo")
        #expect(ExportKind.docs.defaultOutputPath(workspace: workspace, siteID: "acme", format: .html) == "/repo/output/acme-docs.html")
        #expect(ExportKind.docs.defaultOutputPath(workspace: workspace, siteID: "acme", format: .markdown) == "/repo/output/acme-docs.zip")
        #expect(ExportKind.docs.defaultOutputPath(workspace: workspace, siteID: "acme", format: .pdf) == "/repo/output/acme-docs.pdf")
        #expect(ExportKind.characters.defaultOutputPath(workspace: workspace, siteID: "acme", format: .json)
                == "/repo/output/acme-characters.json")
    }
}
