import SBCMSContent
import SBCMSCore

#if canImport(Glibc)
import Glibc
#endif

/// The Markdown render cache on disk, shared by every site of the farm and by every process
/// using the cache folder: append-only packs in `<cache>/markdown/packs/`.
///
/// A store appends the bodies it renders to a pack of its own, made on its first `store`:
/// each payload goes to `<name>.pack`, and only once it is written, its record (key, offset,
/// length) to `<name>.idx`. On its first `load` it reads the records of every pack into memory
/// (never the payloads). A payload is read from the pack mapped into memory (`MappedFile`;
/// `pread` where mapping fails), and its HTML stays there until a page reads it
/// (`DocumentHTML`): packs are only ever appended to, never truncated or rewritten (pruning
/// writes a new pack and unlinks old ones, which stay readable while mapped). A build killed at
/// any moment leaves at most a torn payload or record at the end of its pack, which is a miss;
/// a process sees the packs whose records existed when it first looked.
public final class CacheMarkdownStore: MarkdownRenderCache, @unchecked Sendable {
    /// `<cache>/markdown`.
    public let directory: String
    /// `<cache>/markdown/packs`.
    let packsDirectory: String
    /// Guards `entries`, `packs` and `counters`.
    private let lock = PosixLock()
    /// Serializes the making of this store's pack writer, and pruning; taken before `lock`,
    /// never after. Appends themselves run outside it (`MarkdownPackWriter` is thread-safe).
    private let appendLock = PosixLock()
    private var counters = (hits: 0, misses: 0, stores: 0)
    private var writer: MarkdownPackWriter?
    private var writerFailed = false
    private var indexLoaded = false
    private var entries: [String: Location] = [:]
    /// Every pack this store has met, never removed, so a `Location` always names one.
    private var packs: [Pack] = []
    private var packNumbers: [String: Int] = [:]
    /// Descriptors of packs forgotten after a pruning; a `load` may still be reading them.
    private var retiredDescriptors: [Int32] = []

    /// Where one entry's payload lies.
    struct Location {
        var pack: Int
        var offset: Int64
        var length: Int
    }

    private struct Pack {
        var name: String
        var descriptor: Int32 = -1
        var unreadable = false
        /// The pack mapped into memory, made on first use and again when an entry lies past it.
        var mapping: MappedFile?
        var unmappable = false
        /// Its index was touched as used by this store (once is enough).
        var touched = false
    }

    public init(cacheDirectory: String) {
        directory = cacheDirectory + "/markdown"
        packsDirectory = directory + "/packs"
    }

    deinit {
        for pack in packs where pack.descriptor >= 0 { close(pack.descriptor) }
        for descriptor in retiredDescriptors { close(descriptor) }
    }

    /// Entries found and reused, looked up and not found, and written since this store was made.
    public var statistics: (hits: Int, misses: Int, stores: Int) { lock.withLock { counters } }

    /// The entry stored under `key` by this store or by any earlier one; nil when there is none
    /// or it cannot be read whole.
    public func load(key: String) -> CachedMarkdown? {
        let found = lock.withLock { () -> (location: Location, descriptor: Int32, mapping: MappedFile?)? in
            loadIndexIfNeeded()
            guard let location = entries[key], let descriptor = openPack(location.pack) else { return nil }
            return (location, descriptor, mapping(covering: location))
        }
        let entry = found.flatMap { found -> CachedMarkdown? in
            let start = Int(found.location.offset)
            if let payload = found.mapping?.slice(start..<(start + found.location.length)) {
                return Self.decode(mapped: payload)
            }
            return MarkdownPackIndex.readPayload(found.descriptor, offset: found.location.offset,
                                                 length: found.location.length).flatMap(Self.decode)
        }
        let usedIndex = lock.withLock { () -> String? in
            guard let found, entry != nil else {
                counters.misses += 1
                return nil
            }
            counters.hits += 1
            guard !packs[found.location.pack].touched else { return nil }
            packs[found.location.pack].touched = true
            return MarkdownPackIndex.indexPath(packsDirectory, packs[found.location.pack].name)
        }
        // A used pack is young again: `pruneIfDue` removes only packs nobody used for long.
        if let usedIndex { FileSystem.touch(usedIndex) }
        return entry
    }

    /// Appends an entry to this store's pack (made on the first call). Safe from many threads:
    /// the payloads of concurrent calls are written at the same time.
    public func store(_ entry: CachedMarkdown, key: String) {
        let payload = Self.encode(entry)
        let packWriter = appendLock.withLock { () -> MarkdownPackWriter? in
            if writer == nil, !writerFailed {
                writer = MarkdownPackWriter(directory: packsDirectory)
                writerFailed = writer == nil
            }
            return writer
        }
        // A cache that cannot be written only makes the next build slower.
        guard let packWriter, let place = packWriter.append(payload, key: key) else { return }
        lock.withLock {
            entries[key] = Location(pack: packNumber(packWriter.name), offset: place.offset, length: place.length)
            counters.stores += 1
        }
    }

    /// Packs whose index nobody used or wrote for this long are removed (30 days).
    public static let maximumUnusedSeconds: Int64 = 30 * 24 * 3600
    /// Pruning scans the whole cache, so it runs at most once in this many seconds (a day).
    public static let pruneIntervalSeconds: Int64 = 24 * 3600
    /// When more packs than this remain after pruning, they are merged into one.
    static let compactionThreshold = 32

    /// When the last pruning is older than `pruneIntervalSeconds` (or never happened): removes
    /// the packs unused for `maximumUnusedSeconds` and the folders of the old one-file-per-entry
    /// layout, then merges the packs left into one when there are more than 32. Returns how many
    /// entries were removed.
    @discardableResult
    public func pruneIfDue(nowNanoseconds: Int64 = FileSystem.Identity.wallClockNanoseconds()) -> Int {
        let marker = directory + "/.pruned"
        if let last = FileSystem.identity(marker)?.modificationNanoseconds,
           nowNanoseconds - last < Self.pruneIntervalSeconds * 1_000_000_000 {
            return 0
        }
        var removed = 0
        for folder in FileSystem.list(directory) where folder.count == 2 && FileSystem.isDirectory(directory + "/" + folder) {
            removed += FileSystem.list(directory + "/" + folder).count
            FileSystem.removeTree(directory + "/" + folder)
        }
        let pruner = MarkdownPackPruner(directory: packsDirectory)
        removed += appendLock.withLock {
            let outcome = pruner.prune(unusedBefore: nowNanoseconds - Self.maximumUnusedSeconds * 1_000_000_000,
                                       orphansBefore: nowNanoseconds - Self.pruneIntervalSeconds * 1_000_000_000,
                                       compactAbove: Self.compactionThreshold)
            if let writer, !FileSystem.exists(MarkdownPackIndex.indexPath(packsDirectory, writer.name)) {
                // This store's pack was removed or merged: the next `store` starts another.
                self.writer = nil
            }
            if outcome.changedPacks { lock.withLock(forgetIndex) }
            return outcome.removedEntries
        }
        if (try? FileSystem.createDirectories(directory)) != nil,
           (try? FileSystem.writeAtomically(Array("pruned\n".utf8), to: marker)) != nil {
            FileSystem.touch(marker, nanoseconds: nowNanoseconds)
        }
        return removed
    }

    /// The keys of every entry this store can find (for tests and tools).
    var keys: [String] {
        lock.withLock {
            loadIndexIfNeeded()
            return Array(entries.keys)
        }
    }

    /// The pack file and byte range of an entry (for tests).
    func location(forKey key: String) -> (packPath: String, offset: Int64, length: Int)? {
        lock.withLock {
            loadIndexIfNeeded()
            return entries[key].map { (MarkdownPackIndex.packPath(packsDirectory, packs[$0.pack].name), $0.offset, $0.length) }
        }
    }

    /// The name of the pack this store appends to, nil before its first `store` (for tests).
    var packName: String? { appendLock.withLock { writer?.name } }

    /// Reads the records of every pack, once. Pack names start with their creation time, so
    /// of a key stored twice the newer record wins: a body stored again after its entry was
    /// found damaged is found whole. Called with `lock` held.
    private func loadIndexIfNeeded() {
        guard !indexLoaded else { return }
        indexLoaded = true
        for name in MarkdownPackIndex.names(in: packsDirectory) {
            let records = MarkdownPackIndex.read(packsDirectory, name)
            guard !records.isEmpty else { continue }
            let number = packNumber(name)
            entries.reserveCapacity(entries.count + records.count)
            for record in records {
                entries[record.key] = Location(pack: number, offset: record.offset, length: record.length)
            }
        }
    }

    /// Forgets the index after pruning changed the packs; the next `load` reads it again.
    /// Called with `lock` held.
    private func forgetIndex() {
        for number in packs.indices {
            if packs[number].descriptor >= 0 { retiredDescriptors.append(packs[number].descriptor) }
            packs[number].descriptor = -1
            packs[number].unreadable = false
            packs[number].mapping = nil  // documents still holding its bytes keep it mapped
            packs[number].unmappable = false
        }
        entries = [:]
        indexLoaded = false
    }

    /// Called with `lock` held.
    private func packNumber(_ name: String) -> Int {
        if let number = packNumbers[name] { return number }
        packs.append(Pack(name: name))
        packNumbers[name] = packs.count - 1
        return packs.count - 1
    }

    /// The mapping of the (open) pack of `location` that covers it: the pack is mapped on first
    /// use, and mapped again at its current size when the entry was appended after that. Nil
    /// when it cannot be mapped. Called with `lock` held.
    private func mapping(covering location: Location) -> MappedFile? {
        let end = Int(location.offset) + location.length
        if let mapping = packs[location.pack].mapping, mapping.bytes.count >= end { return mapping }
        guard !packs[location.pack].unmappable else { return nil }
        var status = stat()
        guard fstat(packs[location.pack].descriptor, &status) == 0, Int(status.st_size) >= end,
              let mapping = MappedFile(descriptor: packs[location.pack].descriptor, length: Int(status.st_size)) else {
            packs[location.pack].unmappable = true
            return nil
        }
        packs[location.pack].mapping = mapping
        return mapping
    }

    /// The open pack, opened on first use. Called with `lock` held.
    private func openPack(_ number: Int) -> Int32? {
        if packs[number].descriptor >= 0 { return packs[number].descriptor }
        guard !packs[number].unreadable else { return nil }
        let descriptor = open(MarkdownPackIndex.packPath(packsDirectory, packs[number].name), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            packs[number].unreadable = true
            return nil
        }
        packs[number].descriptor = descriptor
        return descriptor
    }
}
