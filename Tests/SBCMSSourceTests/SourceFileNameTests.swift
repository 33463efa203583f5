import Testing
import SBCMSSource

/// `SourceFile.fileName` and `baseName`, found in the UTF-8 bytes, against their definitions.
@Suite struct SourceFileNameTests {
    private func file(_ path: String) -> SourceFile {
        SourceFile(path: path, displayPath: "sites/s/" + path, absolutePath: "/r/sites/s/" + path)
    }

    @Test(arguments: [
        ("blog/2026-01-02-hello.md", "2026-01-02-hello.md", "2026-01-02-hello"),
        ("docs/a/b/c/guide.v2.md", "guide.v2.md", "guide.v2"),
        ("README", "README", "README"),
        ("docs/.hidden", ".hidden", ".hidden"),
        ("media/diagram.", "diagram.", "diagram"),
        ("docs/été/résumé.md", "résumé.md", "résumé"),
        ("docs/x.\u{301}md", "x.\u{301}md", "x.\u{301}md"),
        ("docs/a.b.\u{301}c", "a.b.\u{301}c", "a"),
    ])
    func namesAreCutAtTheLastSlashAndDot(path: String, fileName: String, baseName: String) {
        #expect(file(path).fileName == fileName)
        #expect(file(path).baseName == baseName)
    }
}
