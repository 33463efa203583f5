/// The stylesheet embedded in the HTML export: readable on screen, print-friendly, and the
/// paged-media rules WeasyPrint uses for the PDF (A4, page numbers, a table of contents with
/// page numbers, each top-level section on a new page). Browsers ignore the paged-media parts.
/// No external resources: system fonts only.
enum ExportStylesheet {
    static let css = """
        html { font: 11pt/1.55 "DejaVu Serif", Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; }
        body { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
        h1, h2, h3, h4, h5, h6 { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; line-height: 1.25;
          margin: 1.6em 0 .5em; break-after: avoid; page-break-after: avoid; }
        h1 { font-size: 1.9em; } h2 { font-size: 1.5em; } h3 { font-size: 1.25em; }
        h4 { font-size: 1.1em; } h5, h6 { font-size: 1em; }
        a { color: #0b57a4; }
        p, li { orphans: 3; widows: 3; }
        code, pre, kbd, samp { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; }
        code { background: #f3f3f3; padding: .05em .25em; border-radius: 3px; }
        pre { background: #f6f6f6; border: 1px solid #e2e2e2; border-radius: 4px; padding: .75em 1em;
          white-space: pre-wrap; overflow-wrap: anywhere; }
        pre code { background: none; padding: 0; }
        pre, blockquote, table, figure, img, tr { break-inside: avoid; page-break-inside: avoid; }
        blockquote { margin: 1em 0; padding: 0 1em; border-left: 3px solid #ccc; color: #444; }
        img, video { max-width: 100%; height: auto; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #ccc; padding: .3em .6em; vertical-align: top; }
        th { background: #f3f3f3; }
        hr { border: 0; border-top: 1px solid #ccc; }
        .anchor { display: none; }
        .footnotes { font-size: .9em; border-top: 1px solid #ddd; margin-top: 2em; }
        .title-page { text-align: center; padding: 6rem 0 4rem; }
        .title-page h1 { font-size: 2.6em; margin: 0 0 .3em; bookmark-level: none; }
        .title-page .subtitle { font-size: 1.5em; margin: 0 0 2em; color: #444; }
        .title-page .export-date, .title-page .site-url { color: #555; margin: .2em 0; }
        .toc h2 { bookmark-level: 1; }
        .toc ol { list-style: none; padding-left: 1.4em; margin: .2em 0; }
        .toc > ol { padding-left: 0; }
        .toc li { margin: .2em 0; }
        .doc { margin-top: 3rem; }
        .doc-title { border-bottom: 1px solid #ddd; padding-bottom: .2em; }
        .doc-description { font-style: italic; color: #444; }
        .doc-children { padding-left: 1.4em; }
        @page { size: A4; margin: 2cm; @bottom-center { content: counter(page); font: 9pt "DejaVu Sans", sans-serif; color: #555; } }
        @page :first { @bottom-center { content: none; } }
        @media print {
          html { font-size: 10.5pt; }
          body { max-width: none; margin: 0; padding: 0; }
          a { color: inherit; text-decoration: none; }
          .title-page { padding: 7cm 0 0; page-break-after: always; break-after: page; }
          .toc { page-break-after: always; break-after: page; }
          .toc a::after { content: leader('.') target-counter(attr(href), page); }
          .doc { margin-top: 0; }
          .doc.depth-0, .doc.depth-1 { page-break-before: always; break-before: page; }
        }
        """
}
