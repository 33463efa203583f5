import Foundation
@testable import SBCMSBuild
@testable import SBCMSContent
import SBCMSCore
import SBCMSMarkdown
import SBCMSSource
import SBCMSTestSupport
import Testing

/// A `MarkdownSplitCache` for tests: answers with the splits it is given and keeps what the
/// content stage records.
final class FixedSplits: MarkdownSplitCache, @unchecked Sendable {
    private let lock = PosixLock()
    private let known: [String: MarkdownFileSplit]
    private var recordedSplits: [String: MarkdownFileSplit] = [:]

    init(_ known: [String: MarkdownFileSplit] = [:]) {
        self.known = known
    }

    var recorded: [String: MarkdownFileSplit] { lock.withLock { recordedSplits } }

    func split(ofUnchanged path: String) -> MarkdownFileSplit? { known[path] }

    func hasSplit(ofUnchanged path: String) -> Bool { known[path] != nil }

    func record(_ split: MarkdownFileSplit, for path: String) {
        lock.withLock { recordedSplits[path] = split }
    }
}

/// With a split from the cache, the content stage does not read the file: the front matter
/// comes from the split and the body from the render cache; it reads the file only when the
/// render cache does not have the body.
@Suite struct UnreadBodyTests {
    static let path = "blog/2026-01-01-a.md"

    static func split(title: String, body: String) -> MarkdownFileSplit {
        let map = YAMLMap(entries: [YAMLMap.Entry(key: "title", keyLine: 2, keyColumn: 1,
                                                  node: YAMLNode(.string(title), line: 2, column: 8))])
        return MarkdownFileSplit(frontMatter: map, frontMatterLine: 2, bodyLineOffset: 3, hasFrontMatter: true,
                                 bodyDigest: SHA256.digest(Array(body.utf8)))
    }

    /// The graph of site `s`; with `deletingThePost`, the post file is deleted once the site is loaded.
    static func graph(_ repo: FixtureRepository, splits: FixedSplits, cache: CacheMarkdownStore,
                      deletingThePost: Bool = false) throws -> (ContentGraph, [Diagnostic]) {
        let source = try #require(SiteLoader(workspace: Workspace(root: repo.root)).load(siteID: "s").0)
        if deletingThePost { try FileManager.default.removeItem(atPath: source.directory + "/" + path) }
        let options = ContentOptions(now: fixedNow, markdownCache: cache)
        var withSplits = options
        withSplits.markdownSplits = splits
        return ContentGraphBuilder(source: source, options: withSplits).build()
    }

    @Test func aFileWithASplitAndACachedBodyIsNotRead() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("s")
        try repo.write("sites/s/" + Self.path, post("title: On disk", body: "The body on disk.\n"))
        let cache = CacheMarkdownStore(cacheDirectory: repo.root + "/cache")
        let cachedBody = "The **cached** body.\n"
        cache.store(CachedMarkdown(document: MarkdownRenderer().render(cachedBody), links: []),
                    key: CachedMarkdown.key(markdown: cachedBody, allowRawHTML: false))
        let splits = FixedSplits([Self.path: Self.split(title: "From the split", body: cachedBody)])

        let (graph, diagnostics) = try Self.graph(repo, splits: splits, cache: cache, deletingThePost: true)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        let post = try #require(graph.posts.first)
        #expect(post.title == "From the split")
        #expect(post.body.html.contains("<strong>cached</strong>"))
        #expect(splits.recorded.isEmpty)
    }

    @Test func aBodyMissingFromTheRenderCacheIsReadFromTheFile() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("s")
        try repo.write("sites/s/" + Self.path, post("title: On disk", body: "The *body* on disk.\n"))
        // The split's digest is the body's on disk, or another body's (the file changed since):
        // either way the page shows what the file holds now.
        for (number, recordedBody) in ["The *body* on disk.\n", "An older body.\n"].enumerated() {
            let splits = FixedSplits([Self.path: Self.split(title: "From the split", body: recordedBody)])
            let emptyCache = CacheMarkdownStore(cacheDirectory: repo.root + "/cache-\(number)")
            let (graph, diagnostics) = try Self.graph(repo, splits: splits, cache: emptyCache)
            #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
            let post = try #require(graph.posts.first)
            #expect(post.title == "From the split")
            #expect(post.body.html.contains("The <em>body</em> on disk."))
        }
    }

    @Test func aFileThatIsReadHasItsSplitRecorded() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("s")
        try repo.write("sites/s/" + Self.path, post("title: On disk", body: "The body on disk.\n"))
        try repo.write("sites/s/docs/guide.md", "\u{FEFF}---\r\ntitle: Guide\r\n---\r\nDoc body.\r\n")
        let splits = FixedSplits()
        let (graph, _) = try Self.graph(repo, splits: splits, cache: CacheMarkdownStore(cacheDirectory: repo.root + "/cache"))
        #expect(graph.posts.first?.title == "On disk")
        #expect(splits.recorded[Self.path] == Self.split(title: "On disk", body: "The body on disk.\n"))
        // The digest is of the body as rendered: without the byte order mark, with LF line ends.
        let doc = try #require(splits.recorded["docs/guide.md"])
        #expect(doc.bodyDigest == SHA256.digest(Array("Doc body.\n".utf8)))
        #expect(doc.frontMatter["title"]?.value == .string("Guide"))
    }

    /// A reader that needs the body's text (characters: exports show the bio as written) cuts it
    /// from the file without reading the YAML; when the file's body is not the recorded one, the
    /// file changed after all and is parsed in full.
    @Test func aReaderThatNeedsTheTextCutsTheBodyOnly() throws {
        let repo = try FixtureRepository()
        try repo.writeSite("s")
        let body = "The *bio* as written.\r\n"
        try repo.write("sites/s/characters/ada.md", "---\r\ntitle: On disk\r\n---\r\n" + body)
        let source = try #require(SiteLoader(workspace: Workspace(root: repo.root)).load(siteID: "s").0)
        let file = try #require(source.characters.first)
        func title(_ markdown: MarkdownSource, _ file: SourceFile) -> (String?, [Diagnostic]) {
            (markdown.frontMatter["title"]?.value.scalarText, [])
        }
        let recorded = FixedSplits(["characters/ada.md": Self.split(title: "From the split", body: "The *bio* as written.\n")])
        let fromSplit = MarkdownFileReader.parse(file, site: source.config, splits: recorded, needsBodyText: true, read: title)
        #expect(fromSplit.frontMatter == "From the split")
        #expect(fromSplit.body.text == "The *bio* as written.\n")
        #expect(recorded.recorded.isEmpty)

        let stale = FixedSplits(["characters/ada.md": Self.split(title: "From the split", body: "An older bio.\n")])
        let reparsed = MarkdownFileReader.parse(file, site: source.config, splits: stale, needsBodyText: true, read: title)
        #expect(reparsed.frontMatter == "On disk")
        #expect(reparsed.body.text == "The *bio* as written.\n")
        #expect(stale.recorded["characters/ada.md"]?.bodyDigest == SHA256.digest(Array("The *bio* as written.\n".utf8)))
    }
}
