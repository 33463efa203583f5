import SBCMSCore
import SBCMSSource

/// The start of a self-contained HTML export: the head with the export stylesheet, the title
/// page, and the opening of the table of contents (its `<h2>`; the caller writes the list).
enum ExportHTMLOpening {
    static func html(config: SiteConfig, subtitle: String, date: ContentDate, extraCSS: String = "") -> String {
        let siteName = HTMLText.escape(config.name)
        let css = extraCSS.isEmpty ? ExportStylesheet.css : ExportStylesheet.css + "\n" + extraCSS
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLText.escape(config.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="sbcms">
            <title>\(siteName) — \(HTMLText.escape(subtitle))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <header class="title-page">
            <h1>\(siteName)</h1>
            <p class="subtitle">\(HTMLText.escape(subtitle))</p>
            <p class="site-url"><a href="\(HTMLText.escape(config.baseURL))">\(HTMLText.escape(config.baseURL))</a></p>
            <p class="export-date">Exported on <time datetime="\(date.isoDay)">\(date.readable)</time></p>
            </header>
            <nav class="toc" aria-labelledby="toc-title">
            <h2 id="toc-title">Contents</h2>

            """
    }
}
