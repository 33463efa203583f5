import SBCMSCore

/// What a published `output/<site>/` tree holds: every file's SHA-256 and size and, for copies,
/// the identity of the source file. Kept in `output/.sbcms/<site>/tree.bin` (binary, so a
/// 10,000-file site loads it in one read) and trusted only when `treeInode` is the inode of the
/// current `output/<site>/`, so a record of a tree that was never switched in is never used.
struct OutputTreeRecord: Sendable {
    struct Entry: Sendable, Hashable {
        var sha256: [UInt8]
        var size: Int64
        /// The source of a copied file (media, theme assets) as it was when copied.
        var source: FileSystem.Identity?
        /// The page fingerprint of an HTML page (layout closure and context).
        var fingerprint: [UInt8]?

        /// True when both entries describe the same bytes.
        func sameBytes(as other: Entry) -> Bool {
            sha256 == other.sha256 && size == other.size
        }
    }

    /// The inode of the folder these files were written into (it became `output/<site>/`).
    var treeInode: UInt64
    /// Site-relative path → entry.
    private(set) var entries: [String: Entry]
    /// The keys of `entries`, ascending: the order of the encoding and of the manifest, known
    /// without sorting once decoded.
    private(set) var sortedPaths: [String]
    /// The decoded bytes from the entry count on, while the entries are unchanged: encoding
    /// again (the spare's record, with another inode) copies them instead of the entries.
    private var encodedEntries: ArraySlice<UInt8>?

    init(treeInode: UInt64, entries: [String: Entry]) {
        self.init(treeInode: treeInode, entries: entries, sortedPaths: entries.keys.sorted())
    }

    /// `sortedPaths` must be exactly the keys of `entries`, ascending.
    init(treeInode: UInt64, entries: [String: Entry], sortedPaths: [String]) {
        assert(sortedPaths.count == entries.count, "sortedPaths must list every entry")
        self.treeInode = treeInode
        self.entries = entries
        self.sortedPaths = sortedPaths
    }

    /// Forgets the entries at `paths`.
    mutating func removeEntries(at paths: Set<String>) {
        let before = entries.count
        for path in paths { entries[path] = nil }
        if entries.count != before {
            sortedPaths.removeAll { paths.contains($0) }
            encodedEntries = nil
        }
    }

    /// Output path → page fingerprint, for the pages that have one.
    var pageFingerprints: [String: [UInt8]] {
        entries.compactMapValues(\.fingerprint)
    }

    private static let magic = "sbcms-tree-2"

    /// `output/.sbcms/<site>/`.
    static func reportDirectory(outputDirectory: String, siteID: String) -> String {
        outputDirectory + "/.sbcms/" + siteID
    }

    /// The record that describes the current `output/<site>/`, if any: the published one, or the
    /// one written just before a switch whose final rename was interrupted. A record whose inode
    /// is not the folder's (the output was restored from an archive or copied) is used only when
    /// the folder holds exactly its files with exactly its bytes.
    static func loadCurrent(outputDirectory: String, siteID: String) -> OutputTreeRecord? {
        let target = outputDirectory + "/" + siteID
        guard let current = FileSystem.identity(target) else { return nil }
        let folder = reportDirectory(outputDirectory: outputDirectory, siteID: siteID)
        // The published record first; the `.new` one is read only when that one is not the folder's.
        var records: [OutputTreeRecord] = []
        var matching: OutputTreeRecord?
        for name in ["tree.bin", "tree.bin.new"] {
            guard let record = (try? FileSystem.readBytes(folder + "/" + name)).flatMap(decode) else { continue }
            if record.treeInode == current.inode {
                matching = record
                break
            }
            records.append(record)
        }
        guard var record = matching ?? records.first(where: { $0.describesContent(of: target) }) else { return nil }
        // Files replaced in the live tree since the record was written are not described by it.
        let replaced = (try? FileSystem.readText(replacedFilesPath(outputDirectory: outputDirectory, siteID: siteID))) ?? ""
        if !replaced.isEmpty { record.removeEntries(at: Set(replaced.split(separator: "\n").map(String.init))) }
        return record
    }

    /// `output/.sbcms/<site>/replaced`: site-relative paths of files replaced in the live
    /// `output/<site>/` after its record was written (the preview's fast path), one per line.
    /// The next build renders them again; publishing a new record empties it.
    static func replacedFilesPath(outputDirectory: String, siteID: String) -> String {
        reportDirectory(outputDirectory: outputDirectory, siteID: siteID) + "/replaced"
    }

    /// Notes, before they are replaced, files of the live tree that its record will no longer
    /// describe.
    static func noteReplaced(_ paths: [String], outputDirectory: String, siteID: String) throws {
        guard !paths.isEmpty else { return }
        let path = replacedFilesPath(outputDirectory: outputDirectory, siteID: siteID)
        let existing = (try? FileSystem.readText(path)) ?? ""
        try FileSystem.writeAtomically(Array((existing + paths.map { $0 + "\n" }.joined()).utf8), to: path)
    }

    /// True when `folder` holds exactly the recorded files, with the recorded sizes and SHA-256.
    func describesContent(of folder: String) -> Bool {
        var files: [String] = []
        func visit(_ relative: String) -> Bool {
            let absolute = relative.isEmpty ? folder : folder + "/" + relative
            for name in FileSystem.list(absolute) {
                let child = relative.isEmpty ? name : relative + "/" + name
                if FileSystem.isDirectory(absolute + "/" + name) {
                    if !visit(child) { return false }
                } else {
                    guard let entry = self.entries[child], FileSystem.identity(absolute + "/" + name)?.size == entry.size else {
                        return false
                    }
                    files.append(child)
                }
            }
            return true
        }
        guard visit(""), files.count == entries.count else { return false }
        let recorded = entries
        return !Parallel.map(files) { path in
            (try? FileSystem.readBytes(folder + "/" + path)).map { SHA256.digest($0) } == recorded[path]?.sha256
        }.contains(false)
    }

    /// Room for one entry of a typical page (path, SHA-256, size, fingerprint) in the encoding.
    private static let typicalEncodedEntrySize = 160

    func encode() -> [UInt8] {
        var writer = BinaryWriter()
        if let encodedEntries {
            writer.reserveCapacity(32 + encodedEntries.count)
            writer.write(Self.magic)
            writer.write(treeInode)
            var bytes = writer.bytes
            bytes.append(contentsOf: encodedEntries)
            return bytes
        }
        writer.reserveCapacity(64 + sortedPaths.count * Self.typicalEncodedEntrySize)
        writer.write(Self.magic)
        writer.write(treeInode)
        writer.write(UInt64(entries.count))
        for path in sortedPaths {
            guard let entry = entries[path] else { continue }
            writer.write(path)
            writer.write(bytes: entry.sha256)
            writer.write(Int(entry.size))
            writer.write(entry.source != nil)
            if let source = entry.source { writer.write(source) }
            writer.write(bytes: entry.fingerprint ?? [])
        }
        writer.write(Self.magic)
        return writer.bytes
    }

    /// The record `encode` wrote; nil for anything else, including entries out of order.
    static func decode(_ bytes: [UInt8]) -> OutputTreeRecord? {
        var reader = BinaryReader(bytes)
        guard reader.readString() == magic, let inode = reader.readUInt(), let count = reader.readUInt(),
              count <= UInt64(bytes.count) else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(Int(count))
        var sortedPaths: [String] = []
        sortedPaths.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let path = reader.readString(), sortedPaths.last.map({ $0 < path }) ?? true,
                  let sha = reader.readBytes(), sha.count == 32, let size = reader.readInt(),
                  let hasSource = reader.readBool() else { return nil }
            var source: FileSystem.Identity?
            if hasSource {
                guard let identity = reader.readIdentity() else { return nil }
                source = identity
            }
            guard let fingerprint = reader.readBytes() else { return nil }
            entries[path] = Entry(sha256: sha, size: Int64(size), source: source,
                                  fingerprint: fingerprint.isEmpty ? nil : fingerprint)
            sortedPaths.append(path)
        }
        guard reader.readString() == magic, reader.isAtEnd, entries.count == sortedPaths.count else { return nil }
        var record = OutputTreeRecord(treeInode: inode, entries: entries, sortedPaths: sortedPaths)
        // What follows the magic and the inode is what `encode` writes for these entries.
        var header = BinaryWriter()
        header.write(magic)
        header.write(inode)
        if bytes.starts(with: header.bytes) { record.encodedEntries = bytes[header.bytes.count...] }
        return record
    }
}
