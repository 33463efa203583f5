import Testing
@testable import SBCMSCore

@Suite struct DiagnosticTests {
    @Test func formatsLikeACompiler() {
        let diagnostic = Diagnostic.error(
            "front-matter", at: SourceLocation(site: "acme", file: "sites/acme/blog/x.md", line: 8, column: 3),
            "bad thing", hint: "fix it")
        #expect(diagnostic.formatted == "sites/acme/blog/x.md:8:3: error[front-matter]: bad thing\n  hint: fix it")
    }

    @Test func sortsByFileThenPosition() {
        let a = Diagnostic(.error, code: "x", file: "b.md", line: 1, column: 1, message: "")
        let b = Diagnostic(.error, code: "x", file: "a.md", line: 9, column: 1, message: "")
        let c = Diagnostic(.error, code: "x", file: "a.md", line: 2, column: 5, message: "")
        #expect([a, b, c].sortedByLocation() == [c, b, a])
    }
}
