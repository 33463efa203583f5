import Testing
@testable import SBCMSMarkdown

@Suite("Raw HTML in Markdown")
struct RawHTMLTests {
    let safe = MarkdownRenderer()
    let raw = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: true))

    @Test func rawHTMLIsDroppedByDefault() {
        let markdown = """
        Hello <span class="x">world</span>!

        <script>alert(1)</script>

        <div onclick="evil()">
        block
        </div>

        [js](javascript:alert(1))
        """
        let html = safe.render(markdown).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert"))
        #expect(!html.contains("span"))
        #expect(!html.contains("<div"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("raw HTML omitted"))
        #expect(!html.contains("<!--"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("<p>Hello world!</p>"))
    }

    @Test func escapedTagsStayVisibleText() {
        #expect(safe.render("Use `<b>` or \\<b>.").html == "<p>Use <code>&lt;b&gt;</code> or &lt;b&gt;.</p>\n")
    }

    @Test func allowedRawHTMLIsSanitized() {
        let markdown = """
        <script>alert(1)</script>

        <img src=x onerror=alert(1)>

        <a href="javascript:alert(2)">one</a> <a href=" JaVaScRiPt:alert(3)">two</a> <a href="/ok">three</a>

        <style>body { display: none }</style>

        <iframe src="https://evil.example"></iframe>

        <details><summary>More</summary>

        Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.

        </details>
        """
        let html = raw.render(markdown).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<style"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("onerror"))
        #expect(!html.lowercased().contains("javascript:"))
        #expect(html.contains("<img src=\"x\" />"))
        #expect(html.contains("<a>one</a> <a>two</a> <a href=\"/ok\">three</a>"))
        #expect(html.contains("<details><summary>More</summary>"))
        #expect(html.contains("Press <kbd>Ctrl</kbd>+<kbd>C</kbd>."))
        #expect(html.contains("</details>"))
    }

    @Test func markdownFeaturesSurviveTheSanitizer() {
        let markdown = """
        ## Title

        - [x] done

        | a |
        |---|
        | ~~b~~ |

        Note[^1] and https://example.com

        ```js
        if (a < b) {}
        ```

        [^1]: Foot.
        """
        let html = raw.render(markdown).html
        #expect(html.contains("<h2 id=\"title\"><a class=\"anchor\" href=\"#title\" aria-hidden=\"true\" tabindex=\"-1\">#</a>Title</h2>"))
        #expect(html.contains("<input type=\"checkbox\" checked disabled />"))
        #expect(html.contains("<td><del>b</del></td>"))
        #expect(html.contains("<a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a>"))
        #expect(html.contains("<section class=\"footnotes\" data-footnotes>"))
        #expect(html.contains("<a href=\"https://example.com\">https://example.com</a>"))
        #expect(html.contains("<pre><code class=\"language-js\">if (a &lt; b) {}\n</code></pre>"))
    }

    @Test func markdownJavascriptLinkIsNeutralizedInBothModes() {
        #expect(!safe.render("[x](javascript:alert(1))").html.contains("javascript"))
        #expect(!raw.render("[x](javascript:alert(1)) ![y](vbscript:x)").html.contains("script:"))
    }
}
