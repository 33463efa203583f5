import Testing
@testable import SBCMSMarkdown

@Suite("Link positions and rewriting")
struct LinkPositionTests {
    let renderer = MarkdownRenderer()

    private func positions(_ markdown: String) -> [String] {
        renderer.render(markdown).links.map { "\($0.isImage ? "img" : "a") \($0.destination) \($0.line):\($0.column)" }
    }

    @Test func linksOnEveryLineOfAParagraph() {
        let markdown = """
        Intro with [one](a.md) and
        second line [two](b.md) and ![pic](c.png) x
          third *em [three](d.md)* end
        """
        #expect(positions(markdown) == ["a a.md 1:12", "a b.md 2:13", "img c.png 2:29", "a d.md 3:13"])
    }

    @Test func twoLinksOnOneLine() {
        #expect(positions("[a](1.md) [b](2.md)[c](3.md)") == ["a 1.md 1:1", "a 2.md 1:11", "a 3.md 1:20"])
    }

    @Test func linksInListsAndQuotes() {
        let markdown = """
        - item [li](e.md)
          cont [li2](f.md)
          > quote [q](g.md)
        1. ordered [o](o.md)

        > bq line
        > bq [q2](h.md)
        lazy [lz](l.md)
        """
        #expect(positions(markdown) == [
            "a e.md 1:8", "a f.md 2:8", "a g.md 3:11", "a o.md 4:12", "a h.md 7:6", "a l.md 8:6",
        ])
    }

    @Test func linksInTables() {
        let markdown = """
        | Page | Link |
        |------|------|
        | [t](i.md) | x [t2](j.md) |
        | a \\| b [p](p.md) | ![i](k.png) |
        """
        #expect(positions(markdown) == ["a i.md 3:3", "a j.md 3:17", "a p.md 4:10", "img k.png 4:22"])
    }

    @Test func referenceLinksAtTheirBracket() {
        let markdown = """
        Ref [x][ref] and [y][] and [ref].

        [ref]: r.md
        [y]: y.md
        """
        #expect(positions(markdown) == ["a r.md 1:5", "a y.md 1:18", "a r.md 1:28"])
    }

    @Test func autolinksAtTheirURL() {
        let markdown = """
        Visit https://a.example/x and (www.b.example) now.
        > mail jane@example.com or <https://c.example>
        * **https://d.example** twice https://d.example
        """
        #expect(positions(markdown) == [
            "a https://a.example/x 1:7", "a http://www.b.example 1:32",
            "a mailto:jane@example.com 2:8", "a https://c.example 2:29",
            "a https://d.example 3:5", "a https://d.example 3:31",
        ])
    }

    @Test func headingsFootnotesAndNestedImages() {
        let markdown = """
        ## Title [h](h.md)

        [![logo](logo.png)](home.md) text[^1]

        [^1]: Note [n](n.md)
            more [m](m.md)
        """
        #expect(positions(markdown) == [
            "a h.md 1:10", "a home.md 3:1", "img logo.png 3:2", "a n.md 5:12", "a m.md 6:10",
        ])
    }

    @Test func linkTextSpanningLines() {
        #expect(positions("[a\nb](x.md) [c](y.md)\n  [d](z.md)") == ["a x.md 1:1", "a y.md 2:10", "a z.md 3:3"])
        #expect(positions("[![a\nb](i.png)](x.md)") == ["a x.md 1:1", "img i.png 1:2"])
    }

    @Test func linkTextWithMarkup() {
        #expect(positions("[\\*x](a.md) [`c`](b.md) [](e.md) ![](f.png)") == ["a a.md 1:1", "a b.md 1:13", "a e.md 1:25", "img f.png 1:34"])
    }

    @Test func paragraphsStartingWithReferenceDefinitions() {
        #expect(positions("[ref]: x.md\nText [a](b.md)\n") == ["a b.md 2:6"])
        #expect(positions("> [r2]: y.md\n> [r3]:\n>   z.md\n> Quote [c](c.md)\n") == ["a c.md 4:9"])
        #expect(positions("[ref]: x.md\n[a](b.md)\nhttps://x.example\n") == ["a b.md 2:1", "a https://x.example 3:1"])
        #expect(positions("Setext [x]\n[y](y.md)\n---\n\n[x]: x.md") == ["a x.md 1:8", "a y.md 2:1"])
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(positions("é ü ß [x](x.md)\n\tand [tab](t.md)") == ["a x.md 1:7", "a t.md 2:6"])
    }

    @Test func crlfLineEndings() {
        #expect(positions("one\r\ntwo [a](a.md)\r\n\r\n[b](b.md)\r\n") == ["a a.md 2:5", "a b.md 4:1"])
    }

    @Test func rewriteReplacesDestinationsAndReportsOriginals() {
        var seen: [MarkdownLink] = []
        let document = renderer.render("[Post](../blog/post.md) ![i](img.png) [ext](https://x.org)") { link in
            seen.append(link)
            if link.destination.hasSuffix(".md") { return "/blog/post/" }
            if link.isImage { return "/media/img.png" }
            return nil
        }
        #expect(document.html == "<p><a href=\"/blog/post/\">Post</a> <img src=\"/media/img.png\" alt=\"i\" /> <a href=\"https://x.org\">ext</a></p>\n")
        #expect(seen == document.links)
        #expect(document.links.map(\.destination) == ["../blog/post.md", "img.png", "https://x.org"])
    }

    @Test func rewrittenURLIsEscaped() {
        let document = renderer.render("[a](x.md)") { _ in "/a?b=1&c=\"2\"" }
        #expect(document.html == "<p><a href=\"/a?b=1&amp;c=%222%22\">a</a></p>\n")
    }
}
