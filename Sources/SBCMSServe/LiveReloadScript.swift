/// The script every preview page gets (and only preview pages: it is added while serving, never
/// written to the output). It listens on `/__sbcms/events`: `reload` reloads the page, or only
/// swaps the stylesheets when every changed file is CSS; `error` shows an overlay listing the
/// diagnostics; `clear` removes it; `hello` reloads a page older than the output being served.
enum LiveReloadScript {
    /// Where the script is served.
    static let path = "/__sbcms/live-reload.js"

    /// Adds the script tag before the last `</body>` (or at the end when there is none).
    static func inject(into html: [UInt8], version: Int) -> [UInt8] {
        let tag = Array("<script src=\"\(path)\" data-sbcms-version=\"\(version)\" defer></script>\n".utf8)
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
          source.addEventListener("reload", function (event) {
            var data = JSON.parse(event.data);
            var paths = data.paths || [];
            version = data.version;
            var onlyCSS = paths.length > 0 && paths.every(function (p) { return /\\.css$/.test(p); });
            if (onlyCSS) swapStylesheets(); else location.reload();
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
