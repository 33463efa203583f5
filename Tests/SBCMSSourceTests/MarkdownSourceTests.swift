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

/// `MarkdownSource.split` works on bytes; these tests hold it to the definition in characters.
@Suite struct MarkdownSplitDefinitionTests {
    /// The split as the format defines it, one character-level line at a time.
    private func referenceSplit(_ rawText: String) -> MarkdownSource.Split {
        var text = rawText
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        text = text.replacingCRLF()
        func trimmed(_ line: Substring) -> String {
            var line = line
            while line.last == " " || line.last == "\t" { line.removeLast() }
            return String(line)
        }
        guard text.hasPrefix("---"), let firstLineEnd = text.firstIndex(of: "\n") ?? (text == "---" ? text.endIndex : nil),
              trimmed(text[..<firstLineEnd]) == "---" else { return .noFrontMatter(text) }
        var lineNumber = 1
        var lineStart = firstLineEnd < text.endIndex ? text.index(after: firstLineEnd) : text.endIndex
        let yamlStart = lineStart
        while lineStart < text.endIndex {
            lineNumber += 1
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = trimmed(text[lineStart..<lineEnd])
            if line == "---" || line == "..." {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                return .frontMatter(yaml: String(text[yamlStart..<lineStart]), body: String(text[bodyStart...]),
                                    bodyLineOffset: lineNumber)
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        return .unclosed
    }

    private func describe(_ split: MarkdownSource.Split) -> String {
        switch split {
        case .noFrontMatter(let text): return "none \(Array(text.utf8))"
        case .frontMatter(let yaml, let body, let offset): return "yaml \(Array(yaml.utf8)) body \(Array(body.utf8)) at \(offset)"
        case .unclosed: return "unclosed"
        }
    }

    @Test func byteSplitAgreesWithTheCharacterDefinition() {
        let pieces = ["---", "--", "...", "-", ".", " ", "\t", "\n", "\r\n", "\r", "\u{FEFF}", "\u{301}", "é", "title: x", "#"]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<5000 {
            var text = round % 2 == 0 ? "---\n" : ""
            for _ in 0..<Int.random(in: 0...14, using: &generator) { text += pieces.randomElement(using: &generator)! }
            #expect(describe(MarkdownSource.split(text)) == describe(referenceSplit(text)), "\(Array(text.utf8))")
        }
        for text in ["---", "--- ", "---\n---", "\u{FEFF}---\ntitle: a\n...\nbody", "---\u{301}\n---\n"] {
            #expect(describe(MarkdownSource.split(text)) == describe(referenceSplit(text)))
        }
    }
}
