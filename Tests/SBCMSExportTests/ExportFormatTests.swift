import Testing
@testable import SBCMSExport

@Suite struct ExportFormatTests {
    @Test func formatsHaveTheirCommandLineNames() {
        #expect(ExportFormat.allCases.map(\.rawValue) == ["html", "markdown", "pdf", "json"])
        #expect(ExportKind.docs.formats == [.html, .markdown, .pdf])
        #expect(ExportKind.characters.formats == [.json, .markdown, .html])
    }
}
