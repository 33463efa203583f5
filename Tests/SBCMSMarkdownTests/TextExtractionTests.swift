import Testing
import CCmarkGFM
@testable import SBCMSMarkdown
import SBCMSTestSupport

@Suite("Plain text extraction")
struct TextExtractionTests {
    let renderer = MarkdownRenderer()

    @Test func firstParagraphIsTopLevelPlainText() {
        let markdown = """
        # Title

        > A quote first.

        - a list item

        The **real**   first
        paragraph with `code` and [a link](x.md).

        Second paragraph.
        """
        #expect(renderer.render(markdown).firstParagraph == "The real first paragraph with code and a link.")
    }

    @Test func firstParagraphEmptyWithoutParagraph() {
        #expect(renderer.render("# Only a heading\n\n- item\n").firstParagraph == "")
        #expect(renderer.render("").firstParagraph == "")
    }

    @Test func paragraphOfDroppedHTMLIsSkipped() {
        let document = renderer.render("<span></span>\n\nReal text.")
        #expect(document.firstParagraph == "Real text.")
        #expect(document.html == "<p>Real text.</p>\n")
    }

    @Test func plainTextHasNoMarkupAndKeepsCode() throws {
        let markdown = """
        # Hello *World*

        Some **bold** text.

        ```swift
        let x = 1
        ```

        | a | b |
        |---|---|
        | c | d |
        """
        let bytes = Array(markdown.utf8)
        let tree = try #require(CmarkTree(bytes: bytes, options: CMARK_OPT_DEFAULT))
        var walk = DocumentWalk(source: SourceLines(bytes: bytes), collectRawHTML: true)
        walk.run(tree, rewrite: { _ in nil })
        #expect(walk.plainText == "Hello World\nSome bold text.\nlet x = 1\na b\nc d")
        #expect(renderer.render(markdown).wordCount == 13)
    }

    /// The byte counter agrees with the definition: runs of scalars between `White_Space` ones.
    @Test func wordCountAgreesWithTheWhiteSpaceProperty() {
        let pieces = ["a", "é", "日本", " ", "\t", "\n", "\u{0B}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{200B}",
                      "\u{2028}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{2060}", "x-y", "\u{1F600}"]
        var random = SplitMix64(seed: 7)
        for _ in 0..<3000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let expected = text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }).count
            #expect(TextBuffer.wordCount(Array(text.utf8)) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func wordCountSplitsOnAnyWhitespace() {
        #expect(renderer.render("one two\tthree\nfour\u{00A0}five").wordCount == 5)
        #expect(renderer.render("").wordCount == 0)
        #expect(renderer.render("   \n\n  ").wordCount == 0)
        // Unicode white space separates words; other non-ASCII text is part of them.
        #expect(renderer.render("caf\u{E9} na\u{EF}ve\u{2003}r\u{E9}sum\u{E9}\u{3000}\u{65E5}\u{672C}\u{2028}x\u{205F}y").wordCount == 6)
    }
}

@Suite("Word counts and line bounds, word at a time")
struct ByteWordScanTests {
    /// Random text from pieces that meet the scanners' branches: ASCII words and whitespace,
    /// Unicode spaces (U+00A0, U+2003, U+3000, U+1680, U+205F), other multi-byte characters and
    /// every line ending.
    private func randomText(_ generator: inout SystemRandomNumberGenerator) -> [UInt8] {
        let pieces = ["a", "word", "x1", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{2003}",
                      "\u{3000}", "\u{1680}", "\u{205F}", "é", "日本", "\u{2028}", "|", "—", "\u{85}"]
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...60, using: &generator) {
            bytes += Array(pieces.randomElement(using: &generator)!.utf8)
        }
        return bytes
    }

    /// Words as runs between whitespace (Unicode `White_Space`), one character at a time.
    private func referenceWordCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        var previousIsSpace = true
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let isSpace = scalar.properties.isWhitespace
            if !isSpace && previousIsSpace { count += 1 }
            previousIsSpace = isSpace
        }
        return count
    }

    @Test func wordCountAgreesWithACharacterByCharacterCount() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let bytes = randomText(&generator)
            #expect(TextBuffer.wordCount(bytes) == referenceWordCount(bytes), "\(bytes)")
        }
    }

    @Test func lineBoundsAgreeWithAByteByByteSplit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let bytes = randomText(&generator)
            var lines: [[UInt8]] = [[]]
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x0A || bytes[index] == 0x0D {
                    if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                    lines.append([])
                } else {
                    lines[lines.count - 1].append(bytes[index])
                }
                index += 1
            }
            let source = SourceLines(bytes: bytes)
            #expect(source.lineCount == lines.count)
            for (number, line) in lines.enumerated() {
                #expect(source.length(of: number + 1) == line.count)
                #expect(source.matches(line, line: number + 1, offset: 0) || line.isEmpty)
            }
        }
    }
}
