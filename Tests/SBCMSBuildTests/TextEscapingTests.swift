import SBCMSRender
import Testing

/// The hand-written escaping of feeds (XML) and API files / JSON-LD (JSON).
@Suite struct TextEscapingTests {
    @Test func jsonStringEscapesQuotesControlsAndLineSeparators() {
        #expect(TextEscaping.jsonString("a\"b\\c\nd\re\tf") == #""a\"b\\c\nd\re\tf""#)
        #expect(TextEscaping.jsonString("\u{01}\u{1F}") == #""\u0001\u001f""#)
        #expect(TextEscaping.jsonString("x\u{2028}y\u{2029}z") == #""x\u2028y\u2029z""#)
        #expect(TextEscaping.jsonString("café ☕ 𝄞") == "\"café ☕ 𝄞\"")
        #expect(TextEscaping.jsonString("") == "\"\"")
    }

    @Test func jsonStringForScriptBreaksClosingTags() {
        #expect(TextEscaping.jsonString("</script><b>/x", forScript: true) == #""<\/script><b>/x""#)
        #expect(TextEscaping.jsonString("</script>") == "\"</script>\"")
    }

    @Test func xmlEscapesMarkupAndDropsForbiddenCharacters() {
        #expect(TextEscaping.xml(#"<a href="x">Tom & 'Jerry'</a>"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;")
        #expect(TextEscaping.xml("a\u{01}b\u{0B}c\td\ne\r") == "abc\td\ne\r")
        #expect(TextEscaping.xml("x\u{FFFE}y\u{FFFF}z é") == "xyz é")
    }
}

/// Feeds make a page's links absolute.
@Suite struct AbsoluteURLTests {
    @Test func rootRelativeAndFragmentLinksBecomeAbsolute() {
        let html = ##"<p><a href="/blog/x/">x</a> <a href="#top">t</a> <img src="/media/a.png" alt="a"> "##
            + ##"<video poster="/media/p.png"></video> <a href="//cdn.example.com/y">y</a> "##
            + ##"<a href="https://e.com/">e</a> <a href="rel/">r</a> <a data-x="/no">n</a></p>"##
        let result = TextEscaping.absolutizeURLs(in: html, baseURL: "https://s.example.com/", pageURL: "https://s.example.com/blog/z/")
        #expect(result == ##"<p><a href="https://s.example.com/blog/x/">x</a> <a href="https://s.example.com/blog/z/#top">t</a> "##
            + ##"<img src="https://s.example.com/media/a.png" alt="a"> <video poster="https://s.example.com/media/p.png"></video> "##
            + ##"<a href="//cdn.example.com/y">y</a> <a href="https://e.com/">e</a> <a href="rel/">r</a> <a data-x="/no">n</a></p>"##)
    }

    @Test func textWithoutLinksIsReturnedAsItIs() {
        #expect(TextEscaping.absolutizeURLs(in: "a = \"b\" é", baseURL: "https://s/", pageURL: "https://s/p/") == "a = \"b\" é")
        #expect(TextEscaping.absolutizeURLs(in: "", baseURL: "https://s/", pageURL: "https://s/p/") == "")
        #expect(TextEscaping.absolutizeURLs(in: "<a href=\"", baseURL: "https://s/", pageURL: "https://s/p/") == "<a href=\"")
    }
}
