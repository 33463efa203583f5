@testable import SBCMSBuild
import SBCMSCore
import Testing

/// The tree record's encoding keeps its paths in order, and a decoded record encodes again to
/// the bytes a fresh encoding gives.
@Suite struct OutputTreeRecordTests {
    private typealias Entry = OutputTreeRecord.Entry

    private func entry(_ byte: UInt8, size: Int64, copied: Bool = false, fingerprint: [UInt8]? = nil) -> Entry {
        let source = copied ? FileSystem.Identity(device: 7, inode: 99, size: size, modificationNanoseconds: 1_234) : nil
        return Entry(sha256: [UInt8](repeating: byte, count: 32), size: size, source: source, fingerprint: fingerprint)
    }

    private var sample: OutputTreeRecord {
        OutputTreeRecord(treeInode: 42, entries: [
            "index.html": entry(1, size: 10, fingerprint: [9, 9]),
            "blog/b/index.html": entry(2, size: 20),
            "blog/a/index.html": entry(3, size: 30, fingerprint: [8]),
            "media/x.png": entry(4, size: 40, copied: true),
        ])
    }

    @Test func decodingGivesTheEntriesWithTheirPathsInOrder() throws {
        let decoded = try #require(OutputTreeRecord.decode(sample.encode()))
        #expect(decoded.treeInode == 42)
        #expect(decoded.entries == sample.entries)
        #expect(decoded.sortedPaths == ["blog/a/index.html", "blog/b/index.html", "index.html", "media/x.png"])
    }

    @Test func aDecodedRecordEncodesAgainLikeAFreshOne() throws {
        var decoded = try #require(OutputTreeRecord.decode(sample.encode()))
        decoded.treeInode = 1 << 40
        var fresh = sample
        fresh.treeInode = 1 << 40
        #expect(decoded.encode() == fresh.encode())
        decoded.removeEntries(at: ["index.html", "not/recorded"])
        #expect(decoded.sortedPaths == ["blog/a/index.html", "blog/b/index.html", "media/x.png"])
        var entries = sample.entries
        entries["index.html"] = nil
        #expect(decoded.encode() == OutputTreeRecord(treeInode: 1 << 40, entries: entries).encode())
    }

    @Test func entriesOutOfOrderAreNoRecord() {
        var writer = BinaryWriter()
        writer.write("sbcms-tree-2")
        writer.write(UInt64(5))
        writer.write(UInt64(2))
        for path in ["b.html", "a.html"] {
            writer.write(path)
            writer.write(bytes: [UInt8](repeating: 0, count: 32))
            writer.write(1)
            writer.write(false)
            writer.write(bytes: [])
        }
        writer.write("sbcms-tree-2")
        #expect(OutputTreeRecord.decode(writer.bytes) == nil)
    }

    @Test func stalePathsAreFoundInOneWalkOfTwoSortedLists() {
        #expect(SpareTree.paths(["a", "b/c", "d"], missingFrom: ["a", "b/c", "d"]).isEmpty)
        #expect(SpareTree.paths(["a", "b/c", "d", "e"], missingFrom: ["a0", "b/c", "c", "e"]) == ["a", "d"])
        #expect(SpareTree.paths(["a"], missingFrom: []) == ["a"])
    }
}
