import SBCMSCore
import Testing
@testable import SBCMSSource

@Suite struct MarkdownSourceTests {
    let location = SourceLocation(site: "acme", file: "sites/acme/blog/x.md")

    private func parse(_ text: String) -> Result<MarkdownSource, Diagnostic> {
        MarkdownSource.parse(text, location: location)
    }

    @Test func splitsFrontMatterAndBody() throws {
        let source = try parse("---\ntitle: Hello\ntags: [a, b]\n---\n# Body\n").get()
        #expect(source.hasFrontMatter)
        #expect(source.frontMatter["title"]?.value == .string("Hello"))
        #expect(source.frontMatter["title"]?.line == 2)
        #expect(source.frontMatter["tags"]?.line == 3)
        #expect(source.body == "# Body\n")
        #expect(source.bodyLineOffset == 4)
    }

    @Test func toleratesBOMAndCRLF() throws {
        let source = try parse("\u{FEFF}---\r\ntitle: Hello\r\ncount: 3\r\n---\r\nLine one\r\nLine two\r\n").get()
        #expect(source.frontMatter["title"]?.value == .string("Hello"))
        #expect(source.frontMatter["count"]?.value == .int(3))
        #expect(source.body == "Line one\nLine two\n")
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let source = try parse("Just text\n").get()
        #expect(!source.hasFrontMatter)
        #expect(source.body == "Just text\n")
    }

    @Test func unclosedFrontMatterIsAnError() {
        let result = parse("---\ntitle: Hello\n\nBody without end\n")
        guard case .failure(let diagnostic) = result else { Issue.record("expected failure"); return }
        #expect(diagnostic.code == "front-matter-unclosed")
        #expect(diagnostic.line == 1)
        #expect(diagnostic.column == 1)
    }

    @Test func yamlErrorIsReportedAtItsLineInTheMarkdownFile() {
        let result = parse("---\ntitle: Hello\ntags: [a, b\ndate: 2026-01-01\n---\nBody\n")
        guard case .failure(let diagnostic) = result else { Issue.record("expected failure"); return }
        #expect(diagnostic.code == "yaml")
        #expect(diagnostic.file == "sites/acme/blog/x.md")
        #expect(diagnostic.line == 4)
        #expect(diagnostic.column == 5)
    }

    @Test func badIndentationIsReportedAtItsLine() {
        let result = parse("---\ntitle: Hello\n  author: bob\n---\n")
        guard case .failure(let diagnostic) = result else { Issue.record("expected failure"); return }
        #expect(diagnostic.code == "yaml")
        #expect(diagnostic.line == 3)
    }

    @Test func listInsteadOfMapIsAnError() {
        let result = parse("---\n- a\n- b\n---\nBody\n")
        guard case .failure(let diagnostic) = result else { Issue.record("expected failure"); return }
        #expect(diagnostic.code == "front-matter")
        #expect(diagnostic.line == 2)
        #expect(diagnostic.column == 1)
        #expect(diagnostic.message.contains("a list"))
    }

    @Test func duplicateKeyIsAnError() {
        let result = parse("---\ntitle: A\ntitle: B\n---\n")
        guard case .failure(let diagnostic) = result else { Issue.record("expected failure"); return }
        #expect(diagnostic.code == "yaml-duplicate-key")
    }

    @Test func emptyFrontMatterIsAnEmptyMap() throws {
        let source = try parse("---\n---\nBody\n").get()
        #expect(source.hasFrontMatter)
        #expect(source.frontMatter.entries.isEmpty)
        #expect(source.body == "Body\n")
    }

    @Test func scalarsKeepTheirTypes() throws {
        let source = try parse("---\na: \"1\"\nb: 1\nc: 1.5\nd: true\ne: ~\nf: 2026-01-01\n---\n").get()
        #expect(source.frontMatter["a"]?.value == .string("1"))
        #expect(source.frontMatter["b"]?.value == .int(1))
        #expect(source.frontMatter["c"]?.value == .double(1.5))
        #expect(source.frontMatter["d"]?.value == .bool(true))
        #expect(source.frontMatter["e"]?.value == .null)
        #expect(source.frontMatter["f"]?.value == .string("2026-01-01"))
    }
}
