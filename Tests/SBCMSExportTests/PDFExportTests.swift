import Foundation
import SBCMSExport
import SBCMSTestSupport
import Testing

/// `sbcms export --format pdf`: the HTML export printed by WeasyPrint.
@Suite struct PDFExportTests {
    /// WeasyPrint, pdfinfo and pdftotext, or nil (with the reason printed) when one is missing.
    /// They are installed by scripts/setup and in CI, so the test normally runs.
    private static func tools() -> (pdfinfo: String, pdftotext: String)? {
        guard WeasyPrint().executable() != nil else {
            print("PDFExportTests: skipped, `weasyprint` is not on PATH (apt-get install weasyprint)")
            return nil
        }
        guard let info = Tool.find("pdfinfo"), let text = Tool.find("pdftotext") else {
            print("PDFExportTests: skipped, pdfinfo/pdftotext are not on PATH (apt-get install poppler-utils)")
            return nil
        }
        return (info, text)
    }

    @Test func pdfHasTitlePageContentsAndEverySection() throws {
        guard let tools = Self.tools() else { return }
        let repo = try ExportFixture.make()
        let result = try ExportFixture.export(repo, .pdf)
        #expect(result.path.hasSuffix("/out/handbook-docs.pdf"))
        #expect(repo.files(under: "out") == ["handbook-docs.pdf"])
        let header = try #require(FileHandle(forReadingAtPath: result.path)?.readData(ofLength: 5))
        #expect(String(decoding: header, as: UTF8.self) == "%PDF-")

        let info = try Tool.run(tools.pdfinfo, [result.path])
        #expect(info.status == 0, "\(info.stderr)")
        let pages = ExportFixture.captures(#"^Pages:\s+(\d+)"#, in: info.stdout).first.flatMap { Int($0) } ?? 0
        // Title page, table of contents, the docs home and each top-level section on its own page.
        #expect(pages >= 2 + 1 + ExportFixture.topLevelSections, "only \(pages) pages")

        let text = try Tool.run(tools.pdftotext, ["-layout", result.path, "-"])
        #expect(text.status == 0, "\(text.stderr)")
        let first = try #require(ExportFixture.readingOrder.first)
        let last = try #require(ExportFixture.readingOrder.last)
        for expected in ["Handbook Notes", "Documentation", "June 1, 2026", "Contents", first, last] {
            #expect(text.stdout.contains(expected), "the PDF text lacks \(expected)")
        }
        // Body text of the first and last pages is there, in reading order.
        let welcome = try #require(text.stdout.range(of: "Welcome. Start with the requirements."))
        let terms = try #require(text.stdout.range(of: "See the FAQ and commands."))
        #expect(welcome.lowerBound < terms.lowerBound)
        // The table of contents gives page numbers: "Glossary .... 9".
        #expect(!ExportFixture.captures(#"Glossary\s*\.{3,}\s*(\d+)"#, in: text.stdout).isEmpty,
                "no page number for Glossary in the table of contents")
    }

    @Test func weasyPrintLoadsNothingButTheEmbeddedImages() throws {
        guard Self.tools() != nil, let pdfimages = Tool.find("pdfimages") else { return }
        // A file outside the site, named by a raw <img> and from inside an SVG of the site.
        let repo = try ExportFixture.make(siteExtra: "  allow_raw_html: true")
        try repo.write("secret.png", ExportFixture.png)
        let secret = "file://" + repo.root + "/secret.png"
        try repo.write("sites/handbook/media/icons/logo.svg", """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="8" height="8">\
            <image xlink:href="\(secret)" width="8" height="8"/></svg>
            """)
        try repo.write("sites/handbook/docs/faq.md", """
            ---
            title: FAQ
            ---
            ## Why?

            ![logo](../media/icons/logo.svg) <img src="\(secret)" alt="secret"> <img src="http://127.0.0.1:9/x.png" alt="remote">
            """)
        let result = try ExportFixture.export(repo, .pdf)
        let images = try Tool.run(pdfimages, ["-list", result.path])
        #expect(images.status == 0, "\(images.stderr)")
        // Header lines, then one line per image: only media/diagram.png.
        let lines = images.stdout.split(separator: "\n").dropFirst(2).filter { $0.split(separator: " ").dropFirst(2).first == "image" }
        #expect(lines.count == 1, "images in the PDF:\n\(images.stdout)")
    }

    @Test func missingWeasyPrintIsAClearError() throws {
        let repo = try ExportFixture.make()
        #expect(WeasyPrint(searchPath: "/nonexistent:/also-missing").executable() == nil)
        #expect {
            try ExportFixture.export(repo, .pdf, weasyPrint: WeasyPrint(searchPath: "/nonexistent"))
        } throws: { error in
            guard case ExportError.weasyPrintMissing = error else { return false }
            return "\(error)" == "WeasyPrint is not installed: install it with `apt-get install weasyprint` (or `pip install weasyprint`)"
        }
        #expect(!repo.exists("out"))
    }

    @Test func weasyPrintIsFoundOnTheSearchPath() throws {
        let repo = try ExportFixture.make()
        try repo.write("bin/weasyprint", "#!/bin/sh\nexit 3\n")
        try repo.write("bin/not-it", "")
        chmod(repo.root + "/bin/weasyprint", 0o755)
        let weasyPrint = WeasyPrint(searchPath: "/nonexistent:" + repo.root + "/bin")
        #expect(weasyPrint.executable() == repo.root + "/bin/weasyprint")
        // A failing WeasyPrint is reported with its exit status, and nothing is left behind.
        #expect {
            try ExportFixture.export(repo, .pdf, weasyPrint: weasyPrint)
        } throws: { error in
            guard case ExportError.weasyPrintFailed(let status, _) = error else { return false }
            return status == 3
        }
        #expect(repo.files(under: "out").isEmpty)
    }
}
