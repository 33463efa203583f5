import Testing
@testable import SBCMSContent

@Suite("Table width limit")
struct MarkdownLimitsTests {
    private func row(_ cells: Int) -> String { "|" + String(repeating: " c |", count: cells - 1) + "\n" }

    @Test func manyNarrowTablesStayUnderTheLimit() {
        // More `|` than one line may have in all, none of the lines over the limit.
        let text = String(repeating: row(150), count: 10)
        #expect(MarkdownLimits.tableLineOverLimit(text) == nil)
        #expect(MarkdownLimits.tableLineOverLimit("no table here\n") == nil)
    }

    @Test func theWidestLineOverTheLimitIsNamed() {
        let text = "Intro.\n\n" + row(150) + row(MarkdownLimits.maxTableColumns + 1) + row(250) + row(250)
        let found = MarkdownLimits.tableLineOverLimit(text)
        #expect(found?.line == 5)
        #expect(found?.cells == 250)
        #expect(MarkdownLimits.tableLineOverLimit(row(MarkdownLimits.maxTableColumns)) == nil)
    }
}
