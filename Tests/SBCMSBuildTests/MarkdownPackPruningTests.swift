@testable import SBCMSBuild
import SBCMSCore
import SBCMSTestSupport
import Testing

/// The Markdown cache does not grow without end: packs unused for 30 days are removed, at most
/// once a day, and many packs are merged into one without losing an entry.
@Suite struct MarkdownPackPruningTests {
    typealias Fixture = MarkdownPackFixture
    static let day = MarkdownPackFixture.day

    @Test func packsUnusedForThirtyDaysArePrunedAndUsedOnesStay() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let unused = Fixture.storeNew(cache, [0, 1])
        let used = Fixture.storeNew(cache, [2])
        let now = FileSystem.Identity.wallClockNanoseconds()
        for store in [unused, used] { FileSystem.touch(Fixture.indexPath(store), nanoseconds: now - 40 * Self.day) }
        // Using an entry makes its pack young again.
        let user = CacheMarkdownStore(cacheDirectory: cache)
        #expect(user.load(key: Fixture.entry(2).key) != nil)
        #expect(user.pruneIfDue(nowNanoseconds: now) == 2)
        #expect(!FileSystem.exists(Fixture.indexPath(unused)) && !FileSystem.exists(Fixture.packPath(unused)))
        #expect(FileSystem.exists(Fixture.packPath(used)))
        #expect(user.load(key: Fixture.entry(2).key)?.document.html == Fixture.html(2))
        #expect(user.load(key: Fixture.entry(0).key) == nil)
        #expect(Fixture.found(cache, 2) && !Fixture.found(cache, 0))
    }

    @Test func aPackIsMarkedUsedOncePerStore() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let writer = Fixture.storeNew(cache, [0, 1])
        let user = CacheMarkdownStore(cacheDirectory: cache)
        #expect(user.load(key: Fixture.entry(0).key) != nil)
        let old = FileSystem.Identity.wallClockNanoseconds() - 40 * Self.day
        FileSystem.touch(Fixture.indexPath(writer), nanoseconds: old)
        #expect(user.load(key: Fixture.entry(1).key) != nil)
        #expect(FileSystem.identity(Fixture.indexPath(writer))?.modificationNanoseconds == old)
        #expect(CacheMarkdownStore(cacheDirectory: cache).load(key: Fixture.entry(1).key) != nil)
        #expect(FileSystem.identity(Fixture.indexPath(writer))!.modificationNanoseconds > old)
    }

    @Test func pruningRunsAtMostOnceADay() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let store = Fixture.storeNew(cache, [3])
        let now = FileSystem.Identity.wallClockNanoseconds()
        #expect(store.pruneIfDue(nowNanoseconds: now) == 0)
        FileSystem.touch(Fixture.indexPath(store), nanoseconds: now - 40 * Self.day)
        #expect(store.pruneIfDue(nowNanoseconds: now + Self.day / 2) == 0, "pruned less than a day ago")
        #expect(store.pruneIfDue(nowNanoseconds: now + 2 * Self.day) == 1)
        // Its own pack gone, the store starts another.
        #expect(store.load(key: Fixture.entry(3).key) == nil)
        store.store(Fixture.entry(4).entry, key: Fixture.entry(4).key)
        #expect(Fixture.found(cache, 4))
    }

    @Test func manyPacksAreMergedIntoOneKeepingEveryEntry() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let count = CacheMarkdownStore.compactionThreshold + 3
        let pruning = Fixture.storeNew(cache, [0])
        for number in 1..<count { Fixture.storeNew(cache, [number, number - 1]) }
        // A pack whose last payload was cut short by a kill.
        let damaged = Fixture.storeNew(cache, [count, count + 1])
        let last = try #require(damaged.location(forKey: Fixture.entry(count + 1).key))
        Fixture.truncate(Fixture.packPath(damaged), to: last.offset + 4)
        #expect(repo.files(under: "cache/markdown/packs").count == 2 * (count + 1))

        #expect(pruning.pruneIfDue() == 0)
        #expect(repo.files(under: "cache/markdown/packs").count == 2, "one pack and its index")
        #expect((0...count).allSatisfy { Fixture.found(cache, $0) })
        #expect(!Fixture.found(cache, count + 1))
        #expect(CacheMarkdownStore(cacheDirectory: cache).keys.count == count + 1)
        // The store that merged finds the entries in the new pack and writes a pack of its own.
        #expect(pruning.load(key: Fixture.entry(5).key)?.document.html == Fixture.html(5))
        pruning.store(Fixture.entry(count + 1).entry, key: Fixture.entry(count + 1).key)
        #expect(Fixture.found(cache, count + 1))
        #expect(repo.files(under: "cache/markdown/packs").count == 4)
    }

    @Test func fewPacksAreNotMerged() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        for number in 0..<3 { Fixture.storeNew(cache, [number]) }
        #expect(CacheMarkdownStore(cacheDirectory: cache).pruneIfDue() == 0)
        #expect(repo.files(under: "cache/markdown/packs").count == 6)
    }

    @Test func theOldLayoutAndLeftoverPacksAreRemoved() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let writer = Fixture.storeNew(cache, [0])
        try repo.write("cache/markdown/ab/ab12", "an entry of the one-file-per-entry layout")
        try repo.write("cache/markdown/cd/cd34", "another")
        let now = FileSystem.Identity.wallClockNanoseconds()
        // Packs whose writer was killed before it made the index: removed once a day old.
        try repo.write("cache/markdown/packs/old-killed.pack", "payload")
        FileSystem.touch(writer.packsDirectory + "/old-killed.pack", nanoseconds: now - 2 * Self.day)
        try repo.write("cache/markdown/packs/new-killed.pack", "payload")
        #expect(CacheMarkdownStore(cacheDirectory: cache).pruneIfDue(nowNanoseconds: now) == 2)
        #expect(!repo.exists("cache/markdown/ab") && !repo.exists("cache/markdown/cd"))
        #expect(!repo.exists("cache/markdown/packs/old-killed.pack"))
        #expect(repo.exists("cache/markdown/packs/new-killed.pack"))
        #expect(Fixture.found(cache, 0))
    }
}
