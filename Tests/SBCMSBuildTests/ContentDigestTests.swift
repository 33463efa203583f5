import SBCMSContent
import SBCMSMarkdown
import Testing

/// `CachedMarkdown.contentDigest` names a rendered body by what the renderer's output depends
/// on (the cache key and the link rewrites), so page fingerprints can take it instead of the HTML.
@Suite struct ContentDigestTests {
    private func link(_ destination: String, output: String?) -> CachedMarkdown.Link {
        CachedMarkdown.Link(link: MarkdownLink(destination: destination, isImage: false, line: 1, column: 1), output: output)
    }

    @Test func equalInputsGiveEqualDigestsAndEveryChangeAnother() {
        let key = CachedMarkdown.key(markdown: "See [b](b.md).\n", allowRawHTML: false)
        let base = CachedMarkdown.contentDigest(key: key, links: [link("b.md", output: "/blog/b/")])
        #expect(base == CachedMarkdown.contentDigest(key: key, links: [link("b.md", output: "/blog/b/")]))
        let others = [
            // The linked page moved.
            CachedMarkdown.contentDigest(key: key, links: [link("b.md", output: "/blog/b-renamed/")]),
            // The link is kept as written, or rewritten to an empty URL.
            CachedMarkdown.contentDigest(key: key, links: [link("b.md", output: nil)]),
            CachedMarkdown.contentDigest(key: key, links: [link("b.md", output: "")]),
            // Other text, or raw HTML allowed.
            CachedMarkdown.contentDigest(key: CachedMarkdown.key(markdown: "See [b](b.md)!\n", allowRawHTML: false),
                                         links: [link("b.md", output: "/blog/b/")]),
            CachedMarkdown.contentDigest(key: CachedMarkdown.key(markdown: "See [b](b.md).\n", allowRawHTML: true),
                                         links: [link("b.md", output: "/blog/b/")]),
            // One more link.
            CachedMarkdown.contentDigest(key: key, links: [link("b.md", output: "/blog/b/"), link("c.md", output: nil)]),
        ]
        #expect(Set(others + [base]).count == others.count + 1)
    }
}
