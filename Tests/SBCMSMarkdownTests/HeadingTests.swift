import Testing
@testable import SBCMSMarkdown

@Suite("Heading ids")
struct HeadingTests {
    let renderer = MarkdownRenderer()

    private func ids(_ markdown: String) -> [String] {
        renderer.render(markdown).headings.map(\.id)
    }

    @Test func headingRendersWithIdAndAnchor() {
        let html = renderer.render("## Getting Started\n").html
        #expect(html == "<h2 id=\"getting-started\"><a class=\"anchor\" href=\"#getting-started\" aria-hidden=\"true\" tabindex=\"-1\">#</a>Getting Started</h2>\n")
    }

    @Test func githubSlugRules() {
        #expect(ids("# Hello, World!\n") == ["hello-world"])
        #expect(ids("# What's new in v2.0?\n") == ["whats-new-in-v20"])
        #expect(ids("# snake_case and kebab-case\n") == ["snake_case-and-kebab-case"])
        #expect(ids("# A  --  B\n") == ["a------b"])
        #expect(ids("# C++ & C#\n") == ["c--c"])
    }

    @Test func unicodeLettersAreKept() {
        #expect(ids("# Über Café\n") == ["über-café"])
        #expect(ids("# Привет мир\n") == ["привет-мир"])
        #expect(ids("# 日本語の見出し\n") == ["日本語の見出し"])
        #expect(ids("# Emoji 🎉 party\n") == ["emoji--party"])
    }

    @Test func duplicatesGetNumberedSuffixes() {
        #expect(ids("# Intro\n## Intro\n### Intro\n# intro-1\n") == ["intro", "intro-1", "intro-2", "intro-1-1"])
        #expect(ids("# a-1\n# a\n# a\n") == ["a-1", "a", "a-2"])
    }

    @Test func emptySlugBecomesSection() {
        #expect(ids("# !!!\n## ???\n###\n") == ["section", "section-1", "section-2"])
    }

    @Test func inlineMarkupInHeadingStillRenders() {
        let document = renderer.render("## Use `let` with *care* and [docs](https://x.org)\n")
        let id = "use-let-with-care-and-docs"
        #expect(document.headings == [MarkdownHeading(level: 2, id: id, text: "Use let with care and docs")])
        #expect(document.html == "<h2 id=\"\(id)\"><a class=\"anchor\" href=\"#\(id)\" aria-hidden=\"true\" tabindex=\"-1\">#</a>Use <code>let</code> with <em>care</em> and <a href=\"https://x.org\">docs</a></h2>\n")
    }

    @Test func allLevelsAndSetextHeadings() {
        let document = renderer.render("Title\n=====\n\nSub\ntitle\n---\n\n###### Six\n")
        #expect(document.headings == [
            MarkdownHeading(level: 1, id: "title", text: "Title"),
            MarkdownHeading(level: 2, id: "sub-title", text: "Sub title"),
            MarkdownHeading(level: 6, id: "six", text: "Six"),
        ])
        #expect(document.html.contains("<h6 id=\"six\">"))
        #expect(document.html.contains("</h6>"))
    }

    @Test func headingsInsideContainersGetIds() {
        let html = renderer.render("> ## Quoted\n\n- ### Listed\n").html
        #expect(html.contains("<blockquote>\n<h2 id=\"quoted\"><a class=\"anchor\" href=\"#quoted\" aria-hidden=\"true\" tabindex=\"-1\">#</a>Quoted</h2>\n</blockquote>"))
        #expect(html.contains("<h3 id=\"listed\">"))
    }

    @Test func headingIdsSurviveSanitizer() {
        let raw = MarkdownRenderer(options: MarkdownOptions(allowRawHTML: true))
        let html = raw.render("## Hello `x`\n").html
        #expect(html == "<h2 id=\"hello-x\"><a class=\"anchor\" href=\"#hello-x\" aria-hidden=\"true\" tabindex=\"-1\">#</a>Hello <code>x</code></h2>\n")
    }

    @Test func mainIsReservedForTheLayout() {
        let headings = MarkdownRenderer().render("## Main\n\n## Main\n").headings
        #expect(headings.map(\.id) == ["main-1", "main-2"])
    }
}
