import Foundation
@testable import SBCMSBuild
import SBCMSContent
import SBCMSCore
import SBCMSSource
import SBCMSTestSupport
import Testing

/// `CacheMarkdownSplits` keeps each post and doc file's split (front matter, body position,
/// body digest) for the next build, trusted only while the file keeps its identity.
@Suite struct MarkdownSplitCacheTests {
    static let executable = FileSystem.Identity(device: 1, inode: 2, size: 3, modificationNanoseconds: 4)

    static func identity(_ inode: UInt64) -> FileSystem.Identity {
        FileSystem.Identity(device: 9, inode: inode, size: 100, modificationNanoseconds: 1_700_000_000_000_000_000)
    }

    /// A split with every kind of YAML value, nested, with positions.
    static func richSplit(title: String) -> MarkdownFileSplit {
        func node(_ value: YAMLValue, _ line: Int, _ column: Int = 8) -> YAMLNode { YAMLNode(value, line: line, column: column) }
        let nested = YAMLMap(entries: [
            YAMLMap.Entry(key: "card", keyLine: 9, keyColumn: 3, node: node(.string("summary_large_image"), 9, 9)),
            YAMLMap.Entry(key: "list", keyLine: 10, keyColumn: 3, node: node(.list([
                node(.map(YAMLMap(entries: [YAMLMap.Entry(key: "k", keyLine: 11, keyColumn: 7, node: node(.null, 11, 10))])), 11, 5),
                node(.double(-0.25), 12, 7),
            ]), 11, 5)),
        ])
        let map = YAMLMap(entries: [
            YAMLMap.Entry(key: "title", keyLine: 2, keyColumn: 1, node: node(.string(title), 2)),
            YAMLMap.Entry(key: "count", keyLine: 3, keyColumn: 1, node: node(.int(-42), 3)),
            YAMLMap.Entry(key: "ratio", keyLine: 4, keyColumn: 1, node: node(.double(1.5e300), 4)),
            YAMLMap.Entry(key: "draft", keyLine: 5, keyColumn: 1, node: node(.bool(true), 5)),
            YAMLMap.Entry(key: "nothing", keyLine: 6, keyColumn: 1, node: node(.null, 6)),
            YAMLMap.Entry(key: "tags", keyLine: 7, keyColumn: 1, node: node(.list([node(.string("ü"), 7, 9), node(.int(0), 7, 12)]), 7)),
            YAMLMap.Entry(key: "seo", keyLine: 8, keyColumn: 1, node: node(.map(nested), 9, 3)),
        ])
        return MarkdownFileSplit(frontMatter: map, frontMatterLine: 2, bodyLineOffset: 14, hasFrontMatter: true,
                                 bodyDigest: SHA256.digest(Array("Body of \(title).\n".utf8)))
    }

    /// Records the split of `blog/a.md` in a cache folder of `repo`; returns the folder and the identities.
    static func recordOneSplit(in repo: FixtureRepository) -> (cache: String, identities: [String: FileSystem.Identity]) {
        let cache = repo.root + "/cache"
        let identities = ["blog/a.md": identity(1)]
        let writer = CacheMarkdownSplits(cacheDirectory: cache, siteID: "s", identities: identities, executable: executable)
        writer.record(richSplit(title: "A"), for: "blog/a.md")
        writer.saveIfChanged()
        return (cache, identities)
    }

    @Test func aSplitComesBackWhileItsFileKeepsItsIdentity() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let identities = ["blog/a.md": Self.identity(1), "docs/b.md": Self.identity(2)]
        let first = CacheMarkdownSplits(cacheDirectory: cache, siteID: "s", identities: identities, executable: Self.executable)
        #expect(first.split(ofUnchanged: "blog/a.md") == nil)
        first.record(Self.richSplit(title: "Ä title"), for: "blog/a.md")
        first.record(Self.richSplit(title: "B"), for: "docs/b.md")
        first.record(Self.richSplit(title: "Racy"), for: "blog/racy.md")  // no trusted identity
        first.saveIfChanged()

        let second = CacheMarkdownSplits(cacheDirectory: cache, siteID: "s", identities: identities, executable: Self.executable)
        #expect(second.split(ofUnchanged: "blog/a.md") == Self.richSplit(title: "Ä title"))
        #expect(second.split(ofUnchanged: "docs/b.md") == Self.richSplit(title: "B"))
        #expect(second.split(ofUnchanged: "blog/racy.md") == nil)
        #expect(second.hasSplit(ofUnchanged: "blog/a.md") && second.hasSplit(ofUnchanged: "docs/b.md"))
        #expect(!second.hasSplit(ofUnchanged: "blog/racy.md"))

        var changed = identities
        changed["blog/a.md"]?.modificationNanoseconds += 1
        changed["docs/b.md"] = nil
        let third = CacheMarkdownSplits(cacheDirectory: cache, siteID: "s", identities: changed, executable: Self.executable)
        #expect(third.split(ofUnchanged: "blog/a.md") == nil, "a file with another modification time is read again")
        #expect(third.split(ofUnchanged: "docs/b.md") == nil, "a file without a trusted identity is read again")
        #expect(!third.hasSplit(ofUnchanged: "blog/a.md") && !third.hasSplit(ofUnchanged: "docs/b.md"))
        #expect(CacheMarkdownSplits(cacheDirectory: cache, siteID: "other", identities: identities,
                                    executable: Self.executable).split(ofUnchanged: "blog/a.md") == nil)
    }

    @Test func anotherExecutableStartsFromNothing() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let (cache, identities) = Self.recordOneSplit(in: repo)
        var rebuilt = Self.executable
        rebuilt.modificationNanoseconds += 1
        #expect(CacheMarkdownSplits(cacheDirectory: cache, siteID: "s", identities: identities, executable: rebuilt)
            .split(ofUnchanged: "blog/a.md") == nil)
    }

    @Test func theRecordKeepsOnlyWhatThisBuildUsedOrRead() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let identities = ["blog/a.md": Self.identity(1), "blog/b.md": Self.identity(2)]
        let first = CacheMarkdownSplits(cacheDirectory: cache, siteID: "s", identities: identities, executable: Self.executable)
        first.record(Self.richSplit(title: "A"), for: "blog/a.md")
        first.record(Self.richSplit(title: "B"), for: "blog/b.md")
        first.saveIfChanged()
        let recordPath = CacheMarkdownSplits.path(cacheDirectory: cache, siteID: "s")
        let written = try #require(FileSystem.identity(recordPath))

        // Every split used and nothing read: the record is not written again.
        let unchanged = CacheMarkdownSplits(cacheDirectory: cache, siteID: "s", identities: identities, executable: Self.executable)
        #expect(unchanged.split(ofUnchanged: "blog/a.md") != nil && unchanged.split(ofUnchanged: "blog/b.md") != nil)
        unchanged.saveIfChanged()
        #expect(FileSystem.identity(recordPath) == written)

        // `blog/b.md` was deleted: its split goes.
        let fewer = CacheMarkdownSplits(cacheDirectory: cache, siteID: "s", identities: ["blog/a.md": Self.identity(1)],
                                        executable: Self.executable)
        #expect(fewer.split(ofUnchanged: "blog/a.md") != nil)
        fewer.saveIfChanged()
        let after = CacheMarkdownSplits(cacheDirectory: cache, siteID: "s", identities: identities, executable: Self.executable)
        #expect(after.split(ofUnchanged: "blog/a.md") == Self.richSplit(title: "A"))
        #expect(after.split(ofUnchanged: "blog/b.md") == nil)
    }

    /// The record ends with its SHA-256: a torn or altered record is no record at all.
    @Test func aDamagedRecordIsReadAsNone() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let (cache, identities) = Self.recordOneSplit(in: repo)
        let recordPath = CacheMarkdownSplits.path(cacheDirectory: cache, siteID: "s")
        let whole = try FileSystem.readBytes(recordPath)
        var damaged: [[UInt8]] = [Array(whole.prefix(whole.count / 2)), Array(whole.dropLast()), []]
        for position in stride(from: 0, to: whole.count, by: max(1, whole.count / 40)) {
            var flipped = whole
            flipped[position] ^= 0xff
            damaged.append(flipped)
        }
        for bytes in damaged {
            try FileSystem.writeAtomically(bytes, to: recordPath)
            let reader = CacheMarkdownSplits(cacheDirectory: cache, siteID: "s", identities: identities, executable: Self.executable)
            #expect(reader.split(ofUnchanged: "blog/a.md") == nil)
        }
    }
}
