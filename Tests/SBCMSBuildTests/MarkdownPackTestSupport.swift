#if canImport(Glibc)
import Glibc
#endif
@testable import SBCMSBuild
import SBCMSContent
import SBCMSCore
import SBCMSMarkdown
import SBCMSTestSupport

/// Entries and file surgery for the tests of the Markdown cache's packs.
enum MarkdownPackFixture {
    static let day: Int64 = 24 * 3600 * 1_000_000_000

    /// A rendered body and its real cache key.
    static func entry(_ number: Int) -> (key: String, entry: CachedMarkdown) {
        let markdown = "Body number \(number), with *emphasis*.\n\n## Heading \(number)\n\nAnd [a link](other-\(number).md).\n"
        let document = MarkdownRenderer().render(markdown)
        let links = document.links.map { CachedMarkdown.Link(link: $0, output: "/posts/\(number)/") }
        return (CachedMarkdown.key(markdown: markdown, allowRawHTML: false), CachedMarkdown(document: document, links: links))
    }

    static func html(_ number: Int) -> String { entry(number).entry.document.html }

    /// Stores entries `numbers` with a new store (a new pack), returning the store.
    @discardableResult
    static func storeNew(_ cache: String, _ numbers: some Sequence<Int>) -> CacheMarkdownStore {
        let store = CacheMarkdownStore(cacheDirectory: cache)
        for number in numbers {
            let (key, entry) = entry(number)
            store.store(entry, key: key)
        }
        return store
    }

    /// True when a new store (a new process) finds entry `number` intact.
    static func found(_ cache: String, _ number: Int) -> Bool {
        CacheMarkdownStore(cacheDirectory: cache).load(key: entry(number).key)?.document.html == html(number)
    }

    static func packPath(_ store: CacheMarkdownStore) -> String {
        MarkdownPackIndex.packPath(store.packsDirectory, store.packName!)
    }

    static func indexPath(_ store: CacheMarkdownStore) -> String {
        MarkdownPackIndex.indexPath(store.packsDirectory, store.packName!)
    }

    static func truncate(_ path: String, to size: Int64) {
        precondition(Glibc.truncate(path, off_t(size)) == 0)
    }

    static func size(_ path: String) -> Int64 { FileSystem.identity(path)?.size ?? -1 }

    static func append(_ bytes: [UInt8], to path: String) throws {
        try FileSystem.write(try FileSystem.readBytes(path) + bytes, to: path)
    }
}
