@testable import SBCMSBuild
import SBCMSCore
import SBCMSTestSupport
import Testing

/// Entries loaded from a mapped pack: their HTML stays in the pack until read, reads the same
/// as what was stored, and stays readable after the pack is removed.
@Suite struct MarkdownPackMappingTests {
    typealias Fixture = MarkdownPackFixture

    @Test func aLoadedEntryKeepsItsHTMLInThePackUntilRead() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        Fixture.storeNew(cache, 0..<3)
        let reader = CacheMarkdownStore(cacheDirectory: cache)
        for number in 0..<3 {
            let loaded = try #require(reader.load(key: Fixture.entry(number).key))
            let stored = Fixture.entry(number).entry.document
            #expect(loaded.document.storedHTML.isMapped)
            #expect(loaded.document.storedHTML.utf8Count == stored.html.utf8.count)
            #expect(loaded.document.html == stored.html)
            #expect(loaded.document.headings.map(\.id) == stored.headings.map(\.id))
            #expect(loaded.document.firstParagraph == stored.firstParagraph)
        }
    }

    /// A store maps its own pack once, and again when an entry was appended after that.
    @Test func entriesAppendedAfterTheMappingAreFound() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let store = Fixture.storeNew(repo.root + "/cache", 0..<3)
        #expect(store.load(key: Fixture.entry(0).key)?.document.html == Fixture.html(0))
        for number in 3..<6 {
            let (key, entry) = Fixture.entry(number)
            store.store(entry, key: key)
        }
        for number in 0..<6 {
            let loaded = try #require(store.load(key: Fixture.entry(number).key))
            #expect(loaded.document.storedHTML.isMapped)
            #expect(loaded.document.html == Fixture.html(number))
        }
    }

    /// Pruning unlinks merged packs while documents of a running build may still hold them.
    @Test func htmlStaysReadableAfterThePackIsRemoved() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        Fixture.storeNew(cache, 0..<2)
        var documents = try (0..<2).map { number in
            try #require(CacheMarkdownStore(cacheDirectory: cache).load(key: Fixture.entry(number).key)).document
        }
        FileSystem.removeTree(cache)
        #expect(!FileSystem.exists(cache))
        #expect(documents.map(\.html) == [Fixture.html(0), Fixture.html(1)])
        // Setting the HTML replaces the mapped bytes with the string.
        documents[0].html = "<p>Replaced</p>"
        #expect(!documents[0].storedHTML.isMapped && documents[0].html == "<p>Replaced</p>")
    }

    /// The HTML's length is read from the mapped bytes before anything is copied: a length past
    /// the payload, or one that puts the fields inside the HTML, is a miss, never a read outside it.
    @Test func aPayloadWithAWrongHTMLLengthIsAMiss() throws {
        for damage: [UInt8] in [[0xFF, 0xFF, 0xFF, 0xFF, 0xFF], [0x00], [0x7F]] {
            let repo = try FixtureRepository(copyThemesFrom: nil)
            let cache = repo.root + "/cache"
            let writer = Fixture.storeNew(cache, 0..<1)
            let location = try #require(writer.location(forKey: Fixture.entry(0).key))
            var bytes = try FileSystem.readBytes(location.packPath)
            // After the magic's length (1 byte) and the magic (10 bytes) comes the HTML's length.
            let start = Int(location.offset) + 1 + CacheMarkdownStore.magic.utf8.count
            for (index, byte) in damage.enumerated() { bytes[start + index] = byte }
            try FileSystem.write(bytes, to: location.packPath)
            #expect(!Fixture.found(cache, 0))
        }
    }

    @Test func aPayloadWithoutItsClosingMagicIsAMiss() throws {
        let repo = try FixtureRepository(copyThemesFrom: nil)
        let cache = repo.root + "/cache"
        let writer = Fixture.storeNew(cache, 0..<1)
        let location = try #require(writer.location(forKey: Fixture.entry(0).key))
        // Zeros where the payload's last bytes were: a payload torn by a crash of the machine.
        let pack = location.packPath
        var bytes = try FileSystem.readBytes(pack)
        let end = Int(location.offset) + location.length
        for index in (end - 4)..<end { bytes[index] = 0 }
        try FileSystem.write(bytes, to: pack)
        #expect(!Fixture.found(cache, 0))
    }
}
