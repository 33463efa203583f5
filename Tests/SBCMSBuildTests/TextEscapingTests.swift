import Foundation
import SBCMSRender
import SBCMSTestSupport
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

    /// The escaper skips eight bytes at a time; every special byte, at every offset in a word
    /// and next to every other kind of byte, must still be found. Compared with a byte-by-byte
    /// definition on random strings built from the bytes that matter.
    @Test func jsonStringAgreesWithItsByteByByteDefinition() {
        let pieces = ["a", "é", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", " ", "/", "<", "<a href=\"/x\">",
                      "\u{2028}", "\u{2029}", "\u{2027}", "₂", "☕", "𝄞", "0123456789abcdef"]
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            for forScript in [false, true] {
                #expect(TextEscaping.jsonString(text, forScript: forScript) == Self.jsonByDefinition(text, forScript: forScript),
                        "\(Array(text.utf8)) forScript \(forScript)")
            }
        }
    }

    private static func jsonByDefinition(_ text: String, forScript: Bool) -> String {
        var output = "\""
        var previous: Character?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            case "/" where forScript && previous == "<": output += "\\/"
            default:
                if scalar.value < 0x20 {
                    output += String(format: "\\u%04x", scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
            previous = Character(scalar)
        }
        return output + "\""
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
