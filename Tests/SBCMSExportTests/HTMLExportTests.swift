import Foundation
import SBCMSExport
import SBCMSTestSupport
import Testing

/// `sbcms export --format html`: one self-contained file with every doc page once.
@Suite struct HTMLExportTests {
    private func exportHTML(images: ImageMode = .embed) throws -> (FixtureRepository, String, ExportResult) {
        let repo = try ExportFixture.make()
        let result = try ExportFixture.export(repo, .html, images: images)
        return (repo, try String(contentsOfFile: result.path, encoding: .utf8), result)
    }

    @Test func everyPageAppearsExactlyOnceInReadingOrder() throws {
        let (_, html, result) = try exportHTML()
        let sections = ExportFixture.captures(#"<section id="(doc-[^"]*)""#, in: html)
        #expect(sections == ExportFixture.sectionIDs)
        #expect(result.pages == ExportFixture.readingOrder.count)
        let titles = ExportFixture.captures(#"<h[1-6] class="doc-title">([^<]*)</h[1-6]>"#, in: html)
        #expect(titles == ExportFixture.readingOrder)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h1>Handbook Notes</h1>"))
        #expect(html.contains("<p class=\"subtitle\">Documentation</p>"))
        #expect(html.contains("<time datetime=\"2026-06-01\">"))
    }

    @Test func titleLevelsFollowTheDepthAndBodyHeadingsSitBelowThem() throws {
        let (_, html, _) = try exportHTML()
        #expect(html.contains(#"<h1 class="doc-title">Handbook</h1>"#))
        #expect(html.contains(#"<h1 class="doc-title">Getting started</h1>"#))
        #expect(html.contains(#"<h2 class="doc-title">Install</h2>"#))
        #expect(html.contains(#"<h3 class="doc-title">Commands</h3>"#))
        // `## Requirements` under the h2 title of Install becomes an h3; `## Export` under h3 an h4.
        #expect(html.contains(#"<h3 id="doc-getting-started-install--requirements">"#))
        #expect(html.contains(#"<h4 id="doc-reference-cli-commands--export">"#))
    }

    @Test func tableOfContentsIsNestedLikeTheTreeAndLinksEveryPage() throws {
        let (_, html, _) = try exportHTML()
        let toc = try #require(html.range(of: "<nav class=\"toc\"").flatMap { start in
            html.range(of: "</nav>", range: start.upperBound..<html.endIndex).map { html[start.lowerBound..<$0.upperBound] }
        })
        let links = ExportFixture.captures(##"<a href="#([^"]*)">"##, in: String(toc))
        #expect(links == ExportFixture.sectionIDs)
        #expect(toc.contains("<li><a href=\"#doc-reference\">Reference</a>\n<ol>\n<li><a href=\"#doc-reference-cli\">Cli</a>\n<ol>\n<li><a href=\"#doc-reference-cli-commands\">Commands</a>"))
    }

    @Test func everyFragmentLinkHasATargetAndIDsAreUnique() throws {
        let (_, html, _) = try exportHTML()
        let ids = ExportFixture.captures(#"\sid="([^"]*)""#, in: html)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
        let fragments = ExportFixture.captures(##"\shref="#([^"]*)""##, in: html)
        #expect(!fragments.isEmpty)
        let missing = fragments.filter { !Set(ids).contains($0) }
        #expect(missing.isEmpty, "links without a target: \(missing)")
        // Headings, in-page links and footnotes are prefixed with their page's id.
        #expect(html.contains(##"href="#doc-getting-started-configure--options""##))
        #expect(html.contains(#"id="doc-getting-started-configure--options-1""#))
        #expect(html.contains(#"id="doc-getting-started-install--fn-disk""#))
        #expect(html.contains(##"href="#doc-getting-started-install--fnref-disk""##))
    }

    @Test func docLinksBecomeAnchorsAndOtherSiteLinksAbsoluteURLs() throws {
        let (_, html, _) = try exportHTML()
        let hrefs = ExportFixture.captures(#"\shref="([^"]*)""#, in: html)
        #expect(hrefs.filter { $0.contains("/docs/") }.isEmpty, "doc links left: \(hrefs.filter { $0.contains("/docs/") })")
        #expect(hrefs.filter { $0.hasPrefix("/") }.isEmpty, "site-relative links left: \(hrefs.filter { $0.hasPrefix("/") })")
        #expect(html.contains(##"<a href="#doc-getting-started-install--requirements">requirements</a>"##))
        #expect(html.contains(##"<a href="#doc-getting-started-configure--options">configure it</a>"##))
        #expect(html.contains(##"<a href="#doc-getting-started-install">Install</a>"##))
        #expect(html.contains(#"<a href="https://handbook.example.com/blog/launch/">launch post</a>"#))
        #expect(html.contains(#"<a href="https://handbook.example.com/blog/launch/#details">launch details</a>"#))
        #expect(html.contains(#"<a href="https://handbook.example.com/blog/launch/">blog</a>"#))
    }

    @Test func imagesAreEmbeddedAsDataURIsByDefault() throws {
        let (_, html, result) = try exportHTML()
        #expect(html.contains(#"src="data:image/png;base64,\#(ExportFixture.png.base64EncodedString())""#))
        let svg = Data(ExportFixture.svg.utf8).base64EncodedString()
        #expect(html.contains(#"src="data:image/svg+xml;base64,\#(svg)""#))
        #expect(!html.contains("media/"))
        #expect(result.mediaFiles == 2)
        // Nothing external: no stylesheet, script or image is loaded from elsewhere.
        #expect(!html.contains("<link"))
        #expect(!html.contains("<script"))
        #expect(ExportFixture.captures(#"\ssrc="([^"]*)""#, in: html).allSatisfy { $0.hasPrefix("data:") })
    }

    @Test func imagesStayRelativeWithTheOption() throws {
        let (_, html, result) = try exportHTML(images: .relative)
        #expect(html.contains(#"src="media/diagram.png""#))
        #expect(html.contains(#"src="media/icons/logo.svg""#))
        #expect(!html.contains("data:image"))
        #expect(result.mediaFiles == 0)
    }

    @Test func generatedFolderPagesListTheirChildren() throws {
        let (_, html, _) = try exportHTML()
        let section = try #require(ExportFixture.captures(
            #"(<section id="doc-reference" [\s\S]*?</section>)"#, in: html).first)
        #expect(section.contains("class=\"doc depth-1 generated\""))
        #expect(section.contains("<a href=\"#doc-reference-cli\">Cli</a>"))
        #expect(section.contains("<a href=\"#doc-reference-glossary\">Glossary</a> — Words we use."))
    }

    @Test func relativeURLsInRawHTMLAreReadFromThePageURL() throws {
        let repo = try ExportFixture.make(siteExtra: "  allow_raw_html: true", extra: [
            "docs/reference/cli/commands.md": """
                ---
                title: Commands
                ---
                <p><a href="../../../faq/#why">FAQ</a> <a href="../">CLI</a> <img src="../../../../media/diagram.png" alt="d">
                <img src="other.png" alt="o"> <a href="?page=2">next</a></p>
                """,
        ])
        let html = try String(contentsOfFile: ExportFixture.export(repo, .html).path, encoding: .utf8)
        #expect(html.contains(##"<a href="#doc-faq--why">FAQ</a>"##))
        #expect(html.contains(##"<a href="#doc-reference-cli">CLI</a>"##))
        #expect(html.contains(#"<img src="data:image/png;base64,"#))
        #expect(html.contains(#"<img src="https://handbook.example.com/docs/reference/cli/commands/other.png""#))
        // A static page with a query is the page itself.
        #expect(html.contains(##"<a href="#doc-reference-cli-commands">next</a>"##))
    }

    @Test func stylesheetIsEmbeddedAndPrintFriendly() throws {
        let (_, html, _) = try exportHTML()
        #expect(html.contains("<style>"))
        #expect(html.contains("@page { size: A4; margin: 2cm;"))
        #expect(html.contains("content: counter(page)"))
        #expect(html.contains("target-counter(attr(href), page)"))
    }

    @Test func theFileIsReplacedWithoutLeavingTemporaryFiles() throws {
        let repo = try ExportFixture.make()
        try repo.write("out/handbook-docs.html", "old")
        let result = try ExportFixture.export(repo, .html)
        #expect(try String(contentsOfFile: result.path, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(repo.files(under: "out") == ["handbook-docs.html"])
    }

    @Test func exportsAreDeterministic() throws {
        let repo = try ExportFixture.make()
        let first = try Data(contentsOf: URL(fileURLWithPath: ExportFixture.export(repo, .html).path))
        let second = try Data(contentsOf: URL(fileURLWithPath: ExportFixture.export(repo, .html).path))
        #expect(first == second)
    }
}
