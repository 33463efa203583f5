/// The allowlist applied by `HTMLSanitizer`.
enum HTMLPolicy {
    /// Elements kept (with their allowed attributes).
    static let allowedElements: Set<String> = [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "b", "i", "u", "s",
        "del", "ins", "sub", "sup", "code", "pre", "kbd", "samp", "var", "mark", "small", "abbr", "cite",
        "q", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr",
        "th", "td", "caption", "colgroup", "col", "img", "figure", "figcaption", "details", "summary",
        "div", "span", "section", "input", "video", "audio", "source", "picture", "wbr",
    ]

    /// Elements written without a closing tag.
    static let voidElements: Set<String> = ["br", "hr", "img", "input", "col", "source", "wbr"]

    /// Elements dropped together with everything inside them.
    static let droppedElements: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param",
        "form", "button", "select", "textarea", "option", "optgroup", "datalist", "noscript",
        "template", "title", "head", "meta", "link", "base", "svg", "math", "noembed", "noframes",
        "xmp", "plaintext", "canvas",
    ]

    /// Attributes kept on allowed elements (every `on*` attribute is dropped).
    static let allowedAttributes: Set<String> = [
        "href", "src", "alt", "title", "id", "class", "width", "height", "align", "valign", "colspan",
        "rowspan", "scope", "headers", "span", "start", "reversed", "value", "type", "checked",
        "disabled", "lang", "dir", "open", "datetime", "controls", "muted", "loop", "playsinline",
        "preload", "poster", "srcset", "sizes", "media", "loading", "aria-hidden", "aria-label", "tabindex",
        "data-footnote-ref", "data-footnote-backref", "data-footnote-backref-idx", "data-footnotes",
    ]

    /// Boolean attributes, written without a value.
    static let booleanAttributes: Set<String> = [
        "checked", "disabled", "open", "reversed", "controls", "muted", "loop", "playsinline",
    ]

    /// Inline styles kept: only the table-cell alignment cmark-gfm writes (`text-align: left`).
    static let allowedStyles: Set<String> = ["text-align: left", "text-align: center", "text-align: right"]

    static func isAllowedStyle(_ value: String) -> Bool {
        allowedStyles.contains(value)
    }

    /// Attributes holding one URL.
    static let urlAttributes: Set<String> = ["href", "src", "poster"]

    /// Whether a URL may be kept: after removing whitespace and control characters it must not
    /// start with `javascript:`, `vbscript:` or `data:` (`data:image/` is allowed when `allowImageData`).
    static func isSafeURL(_ value: String, allowImageData: Bool) -> Bool {
        var prefix: [UInt8] = []
        prefix.reserveCapacity(16)
        for byte in value.utf8 where byte > 0x20 && byte != 0x7F {
            prefix.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            if prefix.count == 16 { break }
        }
        if prefix.starts(with: "javascript:".utf8) || prefix.starts(with: "vbscript:".utf8) {
            return false
        }
        if prefix.starts(with: "data:".utf8) {
            return allowImageData && prefix.starts(with: "data:image/".utf8)
        }
        return true
    }

    /// Whether every URL of a `srcset` (comma-separated "url descriptor" candidates) is safe.
    static func isSafeSrcset(_ value: String) -> Bool {
        value.split(separator: ",").allSatisfy { candidate in
            let url = candidate.split(whereSeparator: { $0.isWhitespace }).first.map(String.init) ?? ""
            return isSafeURL(url, allowImageData: true)
        }
    }
}
