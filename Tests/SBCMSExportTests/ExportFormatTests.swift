import Testing
@testable import SBCMSExport

@Suite struct ExportFormatTests {
    @Test func formatsHaveTheirCommandLineNames() {
        #expect(ExportFormat.allCases.map(\.rawValue) == ["html", "markdown", "pdf"])
    }
}
