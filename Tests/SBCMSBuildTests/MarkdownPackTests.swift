import Dispatch
#if canImport(Glibc)
import Glibc
#endif
@testable import SBCMSBuild
import SBCMSCore
import SBCMSTestSupport
import Testing

/// The Markdown cache's packs: what one store appends, a later store (a later process) finds,
/// and whatever a killed writer or a damaged file leaves is a miss, never a crash.
@Suite struct MarkdownPackTests {
    typealias Fixture = MarkdownPackFixture

    @Test func entriesOfOneStoreAreFoundByANewStore() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let writer = Fixture.storeNew(cache, 0..<3)
        #expect(writer.statistics.stores == 3)
        #expect(repo.files(under: "cache/markdown/packs") == [writer.packName! + ".idx", writer.packName! + ".pack"])
        let reader = CacheMarkdownStore(cacheDirectory: cache)
        for number in 0..<3 {
            let loaded = try #require(reader.load(key: Fixture.entry(number).key))
            #expect(loaded.document.html == Fixture.html(number))
            #expect(loaded.links == Fixture.entry(number).entry.links)
        }
        #expect(reader.load(key: Fixture.entry(9).key) == nil)
        #expect(reader.statistics.hits == 3 && reader.statistics.misses == 1 && reader.statistics.stores == 0)
        // The writer finds its own entries too, and a body stored twice is harmless.
        #expect(writer.load(key: Fixture.entry(1).key)?.document.html == Fixture.html(1))
        Fixture.storeNew(cache, [1])
        #expect(Fixture.found(cache, 1))
    }

    @Test func entriesStoredFromManyThreadsAreAllFound() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let entries = (0..<200).map(Fixture.entry)
        let store = CacheMarkdownStore(cacheDirectory: cache)
        DispatchQueue.concurrentPerform(iterations: entries.count) { number in
            store.store(entries[number].entry, key: entries[number].key)
            _ = store.load(key: entries[(number * 7) % entries.count].key)
        }
        #expect(store.statistics.stores == entries.count)
        #expect(repo.files(under: "cache/markdown/packs").count == 2)
        let reader = CacheMarkdownStore(cacheDirectory: cache)
        for (number, entry) in entries.enumerated() {
            #expect(reader.load(key: entry.key)?.document.html == Fixture.html(number))
        }
        #expect(reader.statistics.hits == entries.count)
    }

    /// Appends from many threads write their payloads at once: each gets its own range, the
    /// ranges tile the pack without gaps or overlaps, and every record reads back its payload.
    @Test func concurrentAppendsGetDisjointRanges() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let directory = repo.root + "/packs"
        let writer = try #require(MarkdownPackWriter(directory: directory))
        let count = 300
        DispatchQueue.concurrentPerform(iterations: count) { number in
            let payload = [UInt8](repeating: UInt8(number % 251), count: 1 + (number * 37) % 5_000)
            _ = writer.append(payload, key: "key-\(number)")
        }
        writer.close()
        let records = MarkdownPackIndex.read(directory, writer.name)
        #expect(records.count == count)
        var end: Int64 = 0
        for record in records.sorted(by: { $0.offset < $1.offset }) {
            #expect(record.offset == end)
            end = record.offset + Int64(record.length)
        }
        #expect(end == Fixture.size(MarkdownPackIndex.packPath(directory, writer.name)))
        let pack = open(MarkdownPackIndex.packPath(directory, writer.name), O_RDONLY)
        defer { close(pack) }
        for record in records {
            let number = try #require(Int(record.key.dropFirst(4)))
            let payload = MarkdownPackIndex.readPayload(pack, offset: record.offset, length: record.length)
            #expect(payload == [UInt8](repeating: UInt8(number % 251), count: 1 + (number * 37) % 5_000))
        }
        #expect(writer.append([1, 2, 3], key: "after-close") == nil)
    }

    @Test func aPayloadCutShortIsAMiss() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let writer = Fixture.storeNew(cache, 0..<3)
        let last = try #require(writer.location(forKey: Fixture.entry(2).key))
        // Killed while writing the last payload, after its record (which cannot happen) or not.
        Fixture.truncate(Fixture.packPath(writer), to: last.offset + Int64(last.length / 2))
        #expect(Fixture.found(cache, 0) && Fixture.found(cache, 1))
        #expect(!Fixture.found(cache, 2))
        Fixture.storeNew(cache, [2])
        #expect(Fixture.found(cache, 2))
    }

    @Test func aRecordCutShortIsAMiss() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let writer = Fixture.storeNew(cache, 0..<3)
        let index = Fixture.indexPath(writer)
        Fixture.truncate(index, to: Fixture.size(index) - 5)
        #expect(Fixture.found(cache, 0) && Fixture.found(cache, 1))
        #expect(!Fixture.found(cache, 2))
        // Only the header, or part of it.
        Fixture.truncate(index, to: Int64(MarkdownPackIndex.header.count))
        #expect(!Fixture.found(cache, 0))
        Fixture.truncate(index, to: 3)
        #expect(!Fixture.found(cache, 0))
        Fixture.storeNew(cache, 0..<3)
        #expect((0..<3).allSatisfy { Fixture.found(cache, $0) })
    }

    @Test func garbageAfterTheRecordsIsIgnored() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let writer = Fixture.storeNew(cache, 0..<3)
        try Fixture.append(Array("garbage that is not a record at all".utf8) + [0, 0xff, 7], to: Fixture.indexPath(writer))
        #expect((0..<3).allSatisfy { Fixture.found(cache, $0) })
        #expect(CacheMarkdownStore(cacheDirectory: cache).keys.count == 3)
        // A damaged record hides the records after it.
        var bytes = try FileSystem.readBytes(Fixture.indexPath(writer))
        bytes[MarkdownPackIndex.header.count + 10] ^= 0x55
        try FileSystem.write(bytes, to: Fixture.indexPath(writer))
        #expect(CacheMarkdownStore(cacheDirectory: cache).keys.isEmpty)
        Fixture.storeNew(cache, [3])
        #expect(Fixture.found(cache, 3) && !Fixture.found(cache, 0))
    }

    @Test func aRecordPointingPastThePackIsAMiss() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let writer = Fixture.storeNew(cache, 0..<2)
        let packSize = Fixture.size(Fixture.packPath(writer))
        try Fixture.append(MarkdownPackIndex.record(key: Fixture.entry(5).key, offset: packSize - 10, length: 100),
                           to: Fixture.indexPath(writer))
        try Fixture.append(MarkdownPackIndex.record(key: Fixture.entry(6).key, offset: packSize + 1_000_000, length: 1),
                           to: Fixture.indexPath(writer))
        // In range, but not a payload's start: it decodes to nothing.
        try Fixture.append(MarkdownPackIndex.record(key: Fixture.entry(7).key, offset: 3, length: 20), to: Fixture.indexPath(writer))
        #expect(Fixture.found(cache, 0) && Fixture.found(cache, 1))
        #expect(!Fixture.found(cache, 5) && !Fixture.found(cache, 6) && !Fixture.found(cache, 7))
        #expect(CacheMarkdownStore(cacheDirectory: cache).keys.count == 3)
        Fixture.storeNew(cache, [5, 6, 7])
        #expect(Fixture.found(cache, 5) && Fixture.found(cache, 6) && Fixture.found(cache, 7))
    }

    @Test func packsWithoutIndexOrIndexWithoutPackAreIgnored() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let writer = Fixture.storeNew(cache, 0..<2)
        // A writer killed after making its pack, and a pack removed under its index.
        try FileSystem.write(Array("half a payload".utf8), to: writer.packsDirectory + "/killed.pack")
        try FileSystem.copyFile(Fixture.indexPath(writer), to: writer.packsDirectory + "/gone.idx")
        let reader = CacheMarkdownStore(cacheDirectory: cache)
        #expect(reader.keys.count == 2)
        let early = CacheMarkdownStore(cacheDirectory: cache)
        #expect(early.load(key: Fixture.entry(0).key)?.document.html == Fixture.html(0))
        // The pack removed (by another process's pruning) after the index was read: a miss,
        // unless the pack was already open.
        FileSystem.removeTree(Fixture.packPath(writer))
        #expect(reader.load(key: Fixture.entry(1).key) == nil)
        #expect(early.load(key: Fixture.entry(1).key)?.document.html == Fixture.html(1))
        #expect(!Fixture.found(cache, 0))
    }
}
