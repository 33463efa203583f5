import SBCMSRender

/// The script every preview page gets (and only preview pages: it is added while serving, never
/// written to the output). It listens on `/__sbcms/events`: `reload` reloads the page when an
/// output it shows changed (the page itself, or an image, script or font it may use; other
/// pages, feeds and JSON files do not count) and swaps the stylesheets when CSS changed;
/// `error` shows an overlay listing the diagnostics; `clear` removes it; `hello` reloads a page
/// older than the output being served. The version of the output the page is in step with is
/// kept in `<html data-sbcms-version>`.
enum LiveReloadScript {
    /// Where the script is served.
    static let path = "/__sbcms/live-reload.js"
    /// The page of a placeholder that shows no output: every change reloads it.
    static let anyPage = "*"

    /// Adds the script tag before the last `</body>` (or at the end when there is none).
    /// `page` is the URL path of the served file (`/blog/x/`, `/404.html`).
    static func inject(into html: [UInt8], version: Int, page: String) -> [UInt8] {
        let tag = Array(("<script src=\"\(path)\" data-sbcms-version=\"\(version)\" data-sbcms-page=\""
            + TextEscaping.xml(page) + "\" defer></script>\n").utf8)
        guard let index = lastBodyClose(in: html) else { return html + tag }
        return Array(html[..<index]) + tag + Array(html[index...])
    }

    /// The offset of the last `</body` in `html`, compared without case.
    private static func lastBodyClose(in html: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard html.count >= needle.count else { return nil }
        var index = html.count - needle.count
        while index >= 0 {
            var matches = true
            for offset in 0..<needle.count where html[index + offset] | 0x20 != needle[offset] | 0x20 {
                matches = false
                break
            }
            if matches { return index }
            index -= 1
        }
        return nil
    }

    static let javascript = """
        (function () {
          "use strict";
          var script = document.currentScript;
          var version = Number(script && script.getAttribute("data-sbcms-version")) || 0;
          var page = (script && script.getAttribute("data-sbcms-page")) || location.pathname;
          document.documentElement.setAttribute("data-sbcms-version", String(version));
          var overlayID = "sbcms-error-overlay";

          function locationText(d) {
            if (!d.file) return d.site ? "site " + d.site : "sbcms";
            if (d.line > 0 && d.column > 0) return d.file + ":" + d.line + ":" + d.column;
            if (d.line > 0) return d.file + ":" + d.line;
            return d.file;
          }

          function showOverlay(diagnostics) {
            var overlay = document.getElementById(overlayID);
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = overlayID;
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;" +
                "background:rgba(24,24,28,.95);color:#f4f4f5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;";
              document.documentElement.appendChild(overlay);
            }
            overlay.textContent = "";
            var title = document.createElement("p");
            title.style.cssText = "font-weight:bold;color:#fca5a5;margin:0 0 1rem;";
            title.textContent = "The site does not build. The last good version is shown until the errors are fixed.";
            overlay.appendChild(title);
            var list = document.createElement("ul");
            list.style.cssText = "list-style:none;margin:0;padding:0;";
            diagnostics.forEach(function (d) {
              var item = document.createElement("li");
              item.className = "sbcms-diagnostic";
              item.style.cssText = "margin:0 0 .75rem;white-space:pre-wrap;";
              item.textContent = locationText(d) + ": " + d.severity + "[" + d.code + "]: " + d.message +
                (d.hint ? "\\n  hint: " + d.hint : "");
              list.appendChild(item);
            });
            overlay.appendChild(list);
          }

          function hideOverlay() {
            var overlay = document.getElementById(overlayID);
            if (overlay) overlay.parentNode.removeChild(overlay);
          }

          function swapStylesheets() {
            var links = document.querySelectorAll('link[rel~="stylesheet"]');
            Array.prototype.forEach.call(links, function (link) {
              var url = new URL(link.href, location.href);
              if (url.origin !== location.origin) return;
              url.searchParams.set("sbcms-reload", String(Date.now()));
              link.href = url.toString();
            });
          }

          var source = new EventSource("/__sbcms/events");
          source.addEventListener("hello", function (event) {
            var data = JSON.parse(event.data);
            if (version && data.version !== version) location.reload();
          });
          // Other pages, feeds, the API and robots.txt are not shown by this page; anything
          // else (images, scripts, fonts) may be.
          function shows(path) {
            if (path === page || page === "*") return true;
            return !/(\\/|\\.html|\\.json|\\.xml|\\.txt)$/.test(path);
          }

          source.addEventListener("reload", function (event) {
            var data = JSON.parse(event.data);
            var paths = data.paths || [];
            version = data.version;
            var css = paths.filter(function (p) { return /\\.css$/.test(p); });
            if (paths.some(function (p) { return !/\\.css$/.test(p) && shows(p); })) {
              location.reload();
              return;
            }
            if (css.length > 0) swapStylesheets();
            document.documentElement.setAttribute("data-sbcms-version", String(version));
          });
          // The name is shared with EventSource's own connection errors, which carry no data.
          source.addEventListener("error", function (event) {
            if (typeof event.data !== "string") return;
            showOverlay(JSON.parse(event.data).diagnostics || []);
          });
          source.addEventListener("clear", function () { hideOverlay(); });
        })();

        """
}
