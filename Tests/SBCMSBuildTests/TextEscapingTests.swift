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
