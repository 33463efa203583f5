import Testing
@testable import SBCMSMarkdown

@Suite("HTML sanitizer")
struct HTMLSanitizerTests {
    @Test func keepsAllowedMarkup() {
        let html = "<p>A <strong>b</strong> <em>c</em> <a href=\"/x\" title=\"t\">d</a></p>\n<ul>\n<li>e</li>\n</ul>\n"
        #expect(HTMLSanitizer.sanitize(html) == html)
    }

    @Test func dropsDangerousElementsWithContent() {
        let html = "<p>a<script>x()</script>b<style>p{}</style>c</p><iframe src=\"y\">z</iframe><object>o</object><embed src=\"e\"><form><input type=\"text\" value=\"v\"><button>go</button></form>"
        #expect(HTMLSanitizer.sanitize(html) == "<p>abc</p>")
    }

    @Test func unwrapsUnknownElements() {
        #expect(HTMLSanitizer.sanitize("<custom-tag x=\"1\">inside <b>bold</b></custom-tag><font color=red>f</font>") == "inside <b>bold</b>f")
    }

    @Test func dropsEventHandlersAndStyle() {
        #expect(HTMLSanitizer.sanitize("<div onclick=\"x()\" OnMouseOver=\"y()\" style=\"color:red\" class=\"c\">t</div>") == "<div class=\"c\">t</div>")
    }

    @Test func dropsDangerousURLs() {
        let html = """
        <a href="javascript:alert(1)">1</a><a href="  JaVa&#x09;ScRiPt:alert(2)">2</a><a href="&#106;avascript:x">3</a>\
        <a href="vbscript:msgbox">4</a><a href="data:text/html,<script>">5</a><a href="https://ok.example/?a=1&amp;b=2">6</a>\
        <img src="data:image/png;base64,AAAA"><img src="data:text/html;base64,AAAA"><video poster="javascript:x" controls></video>
        """
        #expect(HTMLSanitizer.sanitize(html) == "<a>1</a><a>2</a><a>3</a><a>4</a><a>5</a><a href=\"https://ok.example/?a=1&amp;b=2\">6</a><img src=\"data:image/png;base64,AAAA\" /><img /><video controls></video>")
    }

    @Test func checkboxInputsOnlyAndAlwaysDisabled() {
        #expect(HTMLSanitizer.sanitize("<input type=\"checkbox\" checked><input type=\"password\"><input type=\"checkbox\" disabled=\"\" onclick=\"x\">") == "<input type=\"checkbox\" checked disabled /><input type=\"checkbox\" disabled />")
    }

    @Test func escapesTextAndAttributes() {
        #expect(HTMLSanitizer.sanitize("<p title='a\"b'>1 &lt; 2 &amp; 3 &gt; 0 &eacute;</p>") == "<p title=\"a&quot;b\">1 &lt; 2 &amp; 3 &gt; 0 é</p>")
    }

    @Test func outputIsAFragment() {
        let out = HTMLSanitizer.sanitize("<html><head><title>t</title></head><body onload=\"x()\"><p>hi</p></body></html><p>after</p>")
        #expect(!out.contains("<html"))
        #expect(!out.contains("<body"))
        #expect(!out.contains("<head"))
        #expect(out.contains("<p>hi</p>"))
        #expect(!out.contains("onload"))
    }

    @Test func dropsCommentsAndKeepsDetails() {
        #expect(HTMLSanitizer.sanitize("<!-- c --><details open><summary>S</summary><p>x</p></details>") == "<details open><summary>S</summary><p>x</p></details>")
    }

    @Test func emptyAndTextOnlyInput() {
        #expect(HTMLSanitizer.sanitize("") == "")
        #expect(HTMLSanitizer.sanitize("just text") == "just text")
    }

    @Test func onlyTableAlignmentStylesSurvive() {
        let html = HTMLSanitizer.sanitize(
            "<td style=\"text-align: right\">1</td><p style=\"background:url(javascript:x)\">2</p>")
        #expect(html.contains("style=\"text-align: right\""))
        #expect(!html.contains("background"))
    }
}
