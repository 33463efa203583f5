import SBCMSContent
import SBCMSMarkdown
import SBCMSRender
import Testing

/// A rendered body enters page fingerprints by its identity (`CachedMarkdown.identity`: the
/// render cache key and the link rewrites, all the renderer's output depends on), not its HTML.
@Suite struct DocumentIdentityTests {
    private func link(_ destination: String, output: String?) -> CachedMarkdown.Link {
        CachedMarkdown.Link(link: MarkdownLink(destination: destination, isImage: false, line: 1, column: 1), output: output)
    }

    private func fingerprint(_ body: BodyHTML) -> [UInt8] {
        var hasher = FingerprintHasher()
        body.fingerprint(into: &hasher)
        return hasher.finalize()
    }

    private func body(_ identity: DocumentIdentity?, html: String = "<p>Same HTML</p>") -> BodyHTML {
        var document = MarkdownRenderer().render("")
        document.html = html
        document.identity = identity
        return BodyHTML(document)
    }

    @Test func equalInputsGiveEqualFingerprintsAndEveryChangeAnother() {
        let key = CachedMarkdown.key(markdown: "See [b](b.md).\n", allowRawHTML: false)
        let base = CachedMarkdown.identity(key: key, links: [link("b.md", output: "/blog/b/")])
        #expect(fingerprint(body(base)) == fingerprint(body(CachedMarkdown.identity(key: key, links: [link("b.md", output: "/blog/b/")]))))
        let others: [DocumentIdentity?] = [
            // The linked page moved.
            CachedMarkdown.identity(key: key, links: [link("b.md", output: "/blog/b-renamed/")]),
            // The link is kept as written, or rewritten to an empty URL.
            CachedMarkdown.identity(key: key, links: [link("b.md", output: nil)]),
            CachedMarkdown.identity(key: key, links: [link("b.md", output: "")]),
            // Other text, or raw HTML allowed.
            CachedMarkdown.identity(key: CachedMarkdown.key(markdown: "See [b](b.md)!\n", allowRawHTML: false),
                                    links: [link("b.md", output: "/blog/b/")]),
            CachedMarkdown.identity(key: CachedMarkdown.key(markdown: "See [b](b.md).\n", allowRawHTML: true),
                                    links: [link("b.md", output: "/blog/b/")]),
            // One more link; no identity at all (the HTML is hashed then).
            CachedMarkdown.identity(key: key, links: [link("b.md", output: "/blog/b/"), link("c.md", output: nil)]),
            nil,
        ]
        let fingerprints = Set(([base] + others).map { fingerprint(body($0)) })
        #expect(fingerprints.count == others.count + 1)
    }

    @Test func withoutAnIdentityTheHTMLIsHashed() {
        #expect(fingerprint(body(nil, html: "<p>a</p>")) != fingerprint(body(nil, html: "<p>b</p>")))
        #expect(fingerprint(body(nil, html: "<p>a</p>")) == fingerprint(body(nil, html: "<p>a</p>")))
    }
}
