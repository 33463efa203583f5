import SBCMSContent
import SBCMSCore

/// The splits of a site's post and doc files (`MarkdownFileSplit`: front matter, body
/// position, body digest), kept in `<cache>/sites/<site>.splits` so that a build reads and
/// parses only the files that changed since the last one.
///
/// A split is trusted while its file has the identity it had when the split was recorded
/// (device, inode, size, modification time in nanoseconds), the same test the up-to-date
/// check makes. Files modified too recently for that test (`FileSystem.Identity.isRacy`),
/// symlinks and anything outside the site walk are never served from it. The record names
/// the sbcms executable it was written by: another executable (a rebuilt sbcms, which may
/// read YAML differently) starts from nothing. Entries are decoded only when asked for, by
/// the thread that asks.
final class CacheMarkdownSplits: MarkdownSplitCache, @unchecked Sendable {
    /// Site-relative path → the file's identity now, from the walk made before any file was read.
    private let identities: [String: FileSystem.Identity]
    private let path: String
    /// `<cache>/sites`.
    private let folder: String
    private let executable: FileSystem.Identity?
    /// The record's bytes as read, and where each entry's split lies in them.
    private let recordBytes: [UInt8]
    private let recorded: [String: (identity: FileSystem.Identity, split: Range<Int>)]
    /// Guards `used` and `fresh`.
    private let lock = PosixLock()
    private var used: Set<String> = []
    private var fresh: [String: [UInt8]] = [:]

    private static let magic = "sbcms-splits-1"

    static func path(cacheDirectory: String, siteID: String) -> String {
        cacheDirectory + "/sites/" + siteID + ".splits"
    }

    /// Reads the site's record (none when it is missing, damaged or from another executable).
    /// `identities` are the site's files now; `executable` is the running sbcms (tests replace it).
    init(cacheDirectory: String, siteID: String, identities: [String: FileSystem.Identity],
         executable: FileSystem.Identity? = CacheInputFingerprint.executableIdentity()) {
        self.identities = identities
        path = Self.path(cacheDirectory: cacheDirectory, siteID: siteID)
        folder = cacheDirectory + "/sites"
        self.executable = executable
        let bytes = (try? FileSystem.readBytes(path)) ?? []
        let entries = Self.index(bytes, executable: executable)
        recordBytes = entries == nil ? [] : bytes
        recorded = entries ?? [:]
    }

    func split(ofUnchanged path: String) -> MarkdownFileSplit? {
        guard let identity = identities[path], let entry = recorded[path], entry.identity == identity,
              let split = MarkdownSplitCoding.decode(recordBytes, range: entry.split) else { return nil }
        lock.withLock { _ = used.insert(path) }
        return split
    }

    func hasSplit(ofUnchanged path: String) -> Bool {
        guard let identity = identities[path], let entry = recorded[path] else { return false }
        return entry.identity == identity
    }

    func record(_ split: MarkdownFileSplit, for path: String) {
        // A file without a trusted identity now cannot be recognised as unchanged later.
        guard identities[path] != nil else { return }
        let encoded = MarkdownSplitCoding.encode(split)
        lock.withLock { fresh[path] = encoded }
    }

    /// Writes the record when this build read a file or left an entry unused (a file changed,
    /// went away or was not parsed); otherwise the record on disk is already exact.
    func saveIfChanged() {
        let (used, fresh) = lock.withLock { (self.used, self.fresh) }
        // Without the executable's identity no record could be trusted later.
        guard let executable, !fresh.isEmpty || used.count != recorded.count else { return }
        var writer = BinaryWriter()
        writer.reserveCapacity(recordBytes.count + fresh.values.reduce(0) { $0 + $1.count + 64 })
        writer.write(Self.magic)
        writer.write(executable)
        // Only paths with a trusted identity are ever recorded or used; the filter keeps the
        // count written equal to the entries that follow whatever happens.
        let paths = (Array(fresh.keys) + used.filter { fresh[$0] == nil }).filter { identities[$0] != nil }.sorted()
        writer.write(UInt64(paths.count))
        for path in paths {
            guard let identity = identities[path] else { continue }
            writer.write(path)
            writer.write(identity)
            if let encoded = fresh[path] {
                writer.write(bytes: encoded)
            } else if let range = recorded[path]?.split {
                writer.write(bytes: Array(recordBytes[range]))
            }
        }
        writer.write(Self.magic)
        var bytes = writer.bytes
        bytes += SHA256.digest(bytes)
        // A cache that cannot be written only makes the next build slower.
        try? FileSystem.createDirectories(folder)
        try? FileSystem.writeAtomically(bytes, to: path)
    }

    /// Where each entry lies; nil unless the record is whole (its SHA-256 ends it), from
    /// `executable`, and well formed.
    private static func index(_ bytes: [UInt8], executable: FileSystem.Identity?)
        -> [String: (identity: FileSystem.Identity, split: Range<Int>)]? {
        let digestLength = 32
        guard bytes.count > digestLength,
              SHA256.digest(bytes[..<(bytes.count - digestLength)]) == Array(bytes[(bytes.count - digestLength)...])
        else { return nil }
        var reader = BinaryReader(bytes, range: 0..<(bytes.count - digestLength))
        guard let executable, reader.readString() == magic, reader.readIdentity() == executable,
              let count = reader.readUInt(), count <= UInt64(bytes.count) else { return nil }
        var entries: [String: (identity: FileSystem.Identity, split: Range<Int>)] = [:]
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let path = reader.readString(), let identity = reader.readIdentity(), let split = reader.skipBytes()
            else { return nil }
            entries[path] = (identity, split)
        }
        guard reader.readString() == magic, reader.isAtEnd else { return nil }
        return entries
    }
}
