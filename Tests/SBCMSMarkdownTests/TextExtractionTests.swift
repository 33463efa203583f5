import Testing
@testable import SBCMSMarkdown

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

    @Test func plainTextHasNoMarkupAndKeepsCode() {
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
        let document = renderer.render(markdown)
        #expect(document.plainText == "Hello World\nSome bold text.\nlet x = 1\na b\nc d")
        #expect(document.wordCount == 13)
    }

    @Test func wordCountSplitsOnAnyWhitespace() {
        #expect(renderer.render("one two\tthree\nfour\u{00A0}five").wordCount == 5)
        #expect(renderer.render("").wordCount == 0)
        #expect(renderer.render("   \n\n  ").wordCount == 0)
    }
}
