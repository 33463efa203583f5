import Testing
@testable import SBCMSMarkdown

@Suite("GFM extensions")
struct GFMExtensionTests {
    let renderer = MarkdownRenderer()

    @Test func tableRenders() {
        let html = renderer.render("| Name | Qty |\n|:-----|----:|\n| *a* | 1 |\n| b | 2 |\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th style=\"text-align: left\">Name</th>"))
        #expect(html.contains("<th style=\"text-align: right\">Qty</th>"))
        #expect(html.contains("<td style=\"text-align: left\"><em>a</em></td>"))
        #expect(html.contains("<td style=\"text-align: right\">2</td>"))
    }

    @Test func strikethroughRenders() {
        let html = renderer.render("This is ~~gone~~ and ~this~ too.").html
        #expect(html == "<p>This is <del>gone</del> and <del>this</del> too.</p>\n")
    }

    @Test func bareURLsAreAutolinked() {
        let html = renderer.render("See https://example.com/a?b=1, www.example.org and jane@example.com.").html
        #expect(html.contains("<a href=\"https://example.com/a?b=1\">https://example.com/a?b=1</a>,"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("<a href=\"mailto:jane@example.com\">jane@example.com</a>."))
    }

    @Test func taskListRenders() {
        let html = renderer.render("- [ ] todo\n- [x] done\n").html
        #expect(html.contains("<li><input type=\"checkbox\" disabled=\"\" /> todo</li>"))
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>"))
    }

    @Test func footnotesRender() {
        let html = renderer.render("Claim.[^src]\n\n[^src]: The source.\n").html
        #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-src\" id=\"fnref-src\" data-footnote-ref>1</a></sup>"))
        #expect(html.contains("<section class=\"footnotes\" data-footnotes>"))
        #expect(html.contains("<li id=\"fn-src\">"))
        #expect(html.contains("The source."))
    }

    @Test func tagFilterEscapesDangerousTagsWhenRawHTMLIsAllowed() {
        let raw = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: true))
        let html = raw.render("<textarea>x</textarea>\n\nText <title>t</title> here.\n").html
        #expect(!html.contains("<textarea"))
        #expect(!html.contains("<title"))
        #expect(html.contains("&lt;textarea&gt;x&lt;/textarea&gt;"))
        #expect(html.contains("Text &lt;title&gt;t&lt;/title&gt; here."))
    }

    @Test func fencedCodeKeepsLanguageClass() {
        let html = renderer.render("```swift\nlet x = 1 < 2\n```\n\n```\nplain\n```\n").html
        #expect(html.contains("<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>"))
        #expect(html.contains("<pre><code>plain\n</code></pre>"))
        #expect(!html.contains("lang=\""))
    }

    @Test func smartPunctuationIsOff() {
        let html = renderer.render("\"quotes\" -- and ...").html
        #expect(html == "<p>&quot;quotes&quot; -- and ...</p>\n")
    }
}
