import Testing
@testable import SBCMSMarkdown

@Suite("Table of contents")
struct TOCTests {
    let renderer = MarkdownRenderer()

    @Test func nestsH2ToH4AndSkipsOthers() {
        let toc = renderer.render("""
        # Page
        ## One
        ### One A
        #### One A i
        ##### Too deep
        ### One B
        ## Two
        #### Two i
        ### Two A
        """).toc
        #expect(toc == [
            TOCEntry(level: 2, id: "one", text: "One", children: [
                TOCEntry(level: 3, id: "one-a", text: "One A", children: [
                    TOCEntry(level: 4, id: "one-a-i", text: "One A i"),
                ]),
                TOCEntry(level: 3, id: "one-b", text: "One B"),
            ]),
            TOCEntry(level: 2, id: "two", text: "Two", children: [
                TOCEntry(level: 4, id: "two-i", text: "Two i"),
                TOCEntry(level: 3, id: "two-a", text: "Two A"),
            ]),
        ])
    }

    @Test func headingBeforeAnyH2IsTopLevel() {
        let toc = renderer.render("### Early\n#### Earlier child\n## Later\n### Nested\n").toc
        #expect(toc == [
            TOCEntry(level: 3, id: "early", text: "Early", children: [
                TOCEntry(level: 4, id: "earlier-child", text: "Earlier child"),
            ]),
            TOCEntry(level: 2, id: "later", text: "Later", children: [
                TOCEntry(level: 3, id: "nested", text: "Nested"),
            ]),
        ])
    }

    @Test func emptyWithoutHeadings() {
        #expect(renderer.render("# Only h1\n\ntext").toc.isEmpty)
    }
}
