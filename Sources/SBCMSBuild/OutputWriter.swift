import CSBCMSSystem
import SBCMSCore
import SBCMSRender

#if canImport(Glibc)
import Glibc
#endif

/// Writes a site's files into a staging folder next to `output/<site>/` and switches the
/// finished tree in atomically, so readers see the old tree or the new one, never a mix.
///
/// A file whose bytes equal the previous output's (same SHA-256) is hard-linked from the
/// previous `output/<site>/` instead of written, so its inode and modification time stay;
/// files without a source are simply not in the staging folder and disappear at the switch.
/// The tree switched out becomes the spare (`SpareTree`): the next build stages into it, touching
/// only the files that differ, and removes from it the files the new tree does not have.
/// Before the switch, `output/.sbcms/<site>/` receives the manifest, the changes and the
/// tree record of the new tree.
public final class OutputWriter: @unchecked Sendable {
    public let siteID: String
    public let outputDirectory: String
    /// `output/.staging-<site>-<pid>`.
    public let stagingDirectory: String
    /// The inode of the staging folder (it becomes `output/<site>/` at the switch).
    public let stagingInode: UInt64
    private let previous: OutputTreeRecord?
    /// The spare tree the staging folder was made from, if any.
    private let spare: SpareTree?
    private let lock = PosixLock()
    /// Site-relative folders this build created or found in place (`prepareFolder`).
    private var createdDirectories: Set<String> = []
    /// The spare's folders (every ancestor of a spare file), computed the first time a new file
    /// goes where the spare had no file.
    private var spareFoldersIfComputed: Set<String>?
    /// True once a spare folder was removed to make room for a file: until then every folder of
    /// the spare is in place.
    private var removedSpareFolder = false
    private var entries: [String: OutputTreeRecord.Entry] = [:]
    private var written: Set<String> = []

    /// Prepares the staging folder (the spare tree, or an empty folder); removes staging folders
    /// that killed builds of this site left behind. The previous output's record is used only if
    /// it describes the current `output/<site>/`.
    public init(siteID: String, outputDirectory: String) throws {
        self.siteID = siteID
        self.outputDirectory = outputDirectory
        self.stagingDirectory = outputDirectory + "/.staging-\(siteID)-\(getpid())"
        Self.removeAbandonedFolders(siteID: siteID, outputDirectory: outputDirectory)
        FileSystem.removeTree(stagingDirectory)
        previous = OutputTreeRecord.loadCurrent(outputDirectory: outputDirectory, siteID: siteID)
        spare = SpareTree.claim(outputDirectory: outputDirectory, siteID: siteID, as: stagingDirectory)
        if spare == nil { try FileSystem.createDirectories(stagingDirectory) }
        stagingInode = FileSystem.identity(stagingDirectory)?.inode ?? 0
    }

    private var targetDirectory: String { outputDirectory + "/" + siteID }
    private var reportDirectory: String { OutputTreeRecord.reportDirectory(outputDirectory: outputDirectory, siteID: siteID) }

    /// The size of `path` in the previous output, when the previous record has it.
    public func previousSize(of path: String) -> Int? {
        previous?.entries[path].map { Int($0.size) }
    }

    /// The page fingerprints of the previous output (empty when there is no usable record).
    public var previousPageFingerprints: [String: [UInt8]] {
        previous?.pageFingerprints ?? [:]
    }

    /// Writes one file into the staging folder (or links the unchanged previous one); safe to
    /// call from many threads. Returns false, writing nothing, for an `.unchanged` file whose
    /// previous version cannot be kept: render it again.
    @discardableResult
    public func write(_ file: OutputFile) throws -> Bool {
        let path = stagingDirectory + "/" + file.path
        let old = previous?.entries[file.path]
        let spared = spare?.record.entries[file.path]
        try prepareFolder(for: file.path, spareHasFile: spared != nil)
        let previousPath = targetDirectory + "/" + file.path
        var entry: OutputTreeRecord.Entry
        var kept = false
        switch file.content {
        case .unchanged:
            guard let old, keep(old, from: previousPath, at: file.path, spared: spared) else { return false }
            entry = old
            kept = true
        case .text(var text):
            entry = text.withUTF8 { Self.entry(for: $0) }
            if let old, old.sameBytes(as: entry), keep(old, from: previousPath, at: file.path, spared: spared) {
                kept = true
            } else if spared?.sameBytes(as: entry) != true {
                clearSpareItem(at: file.path)
                try FileSystem.write(text, to: path)
            }
        case .bytes(let bytes):
            entry = bytes.withUnsafeBufferPointer { Self.entry(for: $0) }
            if let old, old.sameBytes(as: entry), keep(old, from: previousPath, at: file.path, spared: spared) {
                kept = true
            } else if spared?.sameBytes(as: entry) != true {
                clearSpareItem(at: file.path)
                try FileSystem.write(bytes, to: path)
            }
        case .copy(let source):
            let observedAt = FileSystem.Identity.wallClockNanoseconds()
            let identity = FileSystem.identity(source).flatMap { $0.isRacy(observedAt: observedAt) ? nil : $0 }
            if let old, let identity, old.source == identity, keep(old, from: previousPath, at: file.path, spared: spared) {
                entry = old
                kept = true
            } else {
                let bytes = try FileSystem.readBytes(source)
                entry = OutputTreeRecord.Entry(sha256: SHA256.digest(bytes), size: Int64(bytes.count), source: identity)
                clearSpareItem(at: file.path)
                if link(source, path) != 0 { try FileSystem.write(bytes, to: path) }
                kept = old?.sameBytes(as: entry) == true
            }
        }
        entry.fingerprint = file.fingerprint
        lock.withLock {
            entries[file.path] = entry
            if !kept { written.insert(file.path) }
        }
        return true
    }

    /// The files written or kept so far.
    public var fileCount: Int { lock.withLock { entries.count } }

    /// Keeps every file of the previous output that this build has not written: for a build
    /// that renders only the outputs an edit can change (`SiteBuilder+EditedPosts.swift`); call
    /// it after the writes. `admit` counts each kept file's size toward the output quota, in path
    /// order. False when there is no usable previous record, or a file cannot be kept or
    /// admitted: discard the writer.
    func keepEveryOtherPreviousFile(admit: @Sendable (Int) -> Bool) -> Bool {
        guard let previous else { return false }
        let writtenEntries = lock.withLock { entries }
        let target = targetDirectory
        let paths = previous.sortedPaths.filter { writtenEntries[$0] == nil }
        // In runs of neighbouring paths on every core: without a spare (the first build after a
        // cold one) this creates every folder and link of the tree. `prepareFolder` and `keep`
        // may run on many threads.
        let runs = Parallel.runs(of: paths.count, into: 2 * Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let kept = Parallel.map(runs) { run -> Bool in
            for path in paths[run] {
                guard let old = previous.entries[path], admit(Int(old.size)) else { return false }
                let spared = self.spare?.record.entries[path]
                // The spare holding these bytes here needs nothing, while its folders are all in place.
                if let spared, spared.sameBytes(as: old), !self.lock.withLock({ self.removedSpareFolder }) { continue }
                guard (try? self.prepareFolder(for: path, spareHasFile: spared != nil)) != nil,
                      self.keep(old, from: target + "/" + path, at: path, spared: spared)
                else { return false }
            }
            return true
        }
        guard !kept.contains(false) else { return false }
        // The previous entries, with this build's written over them: one copy, no insertions.
        var merged = previous.entries
        lock.withLock {
            for (path, entry) in entries { merged[path] = entry }
            entries = merged
        }
        return true
    }

    /// Creates the folder `relative` goes into, once. In a spare tree, a file standing where a
    /// folder now goes is removed first. `spareHasFile`: the spare had a file at `relative`, so
    /// its folder is in place unless a spare folder was removed.
    private func prepareFolder(for relative: String, spareHasFile: Bool) throws {
        guard let slash = relative.lastIndex(of: "/") else { return }
        let folder = String(relative[..<slash])
        // Remember a folder only once it exists: another thread may be about to write into it.
        // Two threads creating the same folder is harmless (EEXIST is success).
        let inPlace = lock.withLock {
            (spareHasFile && !removedSpareFolder) || createdDirectories.contains(folder)
        }
        if inPlace { return }
        if let spare {
            var end = relative.firstIndex(of: "/")
            while let index = end, index <= slash {
                if spare.record.entries[String(relative[..<index])] != nil { unlink(stagingDirectory + "/" + relative[..<index]) }
                end = relative[relative.index(after: index)...].firstIndex(of: "/")
            }
        }
        try FileSystem.createDirectories(stagingDirectory + "/" + folder)
        lock.withLock { _ = createdDirectories.insert(folder) }
    }

    /// Puts the previous tree's unchanged file at `relative`: nothing to do when the spare
    /// already holds the same bytes there, else a hard link. False when the link fails.
    private func keep(_ old: OutputTreeRecord.Entry, from previousPath: String, at relative: String,
                      spared: OutputTreeRecord.Entry?) -> Bool {
        if spared?.sameBytes(as: old) == true { return true }
        clearSpareItem(at: relative)
        return link(previousPath, stagingDirectory + "/" + relative) == 0
    }

    /// Removes what a spare tree holds at `relative` before a new file goes there. Never writes
    /// through it: the spare's files are hard links shared with the live tree and the sources.
    private func clearSpareItem(at relative: String) {
        guard let spare else { return }
        let path = stagingDirectory + "/" + relative
        // A spare file is not a spare folder; only a path the spare has no file at needs the folders.
        let isSpareFolder = spare.record.entries[relative] == nil && lock.withLock {
            if spareFoldersIfComputed == nil { spareFoldersIfComputed = SpareTree.folders(holding: spare.record.sortedPaths) }
            return spareFoldersIfComputed?.contains(relative) == true
        }
        if isSpareFolder {
            FileSystem.removeTree(path)
            lock.withLock {
                removedSpareFolder = true
                createdDirectories = createdDirectories.filter { $0 != relative && !$0.hasPrefix(relative + "/") }
            }
        } else {
            unlink(path)
        }
    }

    private static func entry(for bytes: UnsafeBufferPointer<UInt8>) -> OutputTreeRecord.Entry {
        var hasher = SHA256()
        hasher.update(bytes)
        return OutputTreeRecord.Entry(sha256: hasher.finalize(), size: Int64(bytes.count), source: nil)
    }

    /// What this build changed compared with the previous output.
    public struct Changes: Sendable {
        /// Site-relative paths of files that are new, whose bytes changed, that are gone.
        public var added: [String]
        public var changed: [String]
        public var removed: [String]
        /// Files written (new or changed) and files kept from the previous output.
        public var written: Int
        public var kept: Int
    }

    /// Compares the staged tree with the previous one and writes the manifest, the changes and
    /// the tree record next to the output (as `.new` files, published by `commit`).
    @discardableResult
    public func finish() throws -> Changes {
        let (entries, written) = lock.withLock { (self.entries, self.written) }
        let before = previous?.entries ?? [:]
        // A file this build did not write has the previous bytes (it was kept), so only written
        // files can be added or changed.
        let added = written.filter { before[$0] == nil }.sorted()
        let changed = written.filter { path in
            guard let old = before[path], let new = entries[path] else { return false }
            return !old.sameBytes(as: new)
        }.sorted()
        let paths: [String]
        var removed: [String] = []
        if let previous {
            // The previous files still here are the entries that were not added.
            var remaining = previous.sortedPaths
            if entries.count - added.count < previous.entries.count {
                remaining = []
                for path in previous.sortedPaths {
                    if entries[path] == nil { removed.append(path) } else { remaining.append(path) }
                }
            }
            paths = added.isEmpty ? remaining : Self.merge(remaining, added)
        } else {
            // Without a previous tree every file was written, so every file was added.
            paths = added.count == entries.count ? added : entries.keys.sorted()
        }
        spare?.removeStale(in: stagingDirectory, newPaths: paths)
        let changes = Changes(added: added, changed: changed, removed: removed, written: written.count,
                              kept: entries.count - written.count)
        try FileSystem.createDirectories(reportDirectory)
        let record = OutputTreeRecord(treeInode: stagingInode, entries: entries, sortedPaths: paths)
        // The three reports are made and written on all cores (each walks every file); `commit`
        // renames them into place once all three are written.
        let reportDirectory = self.reportDirectory
        let failures = Parallel.map([0, 1, 2]) { report -> (any Error)? in
            do {
                switch report {
                case 0: try FileSystem.writeAtomically(record.encode(), to: reportDirectory + "/tree.bin.new")
                case 1: try FileSystem.writeAtomically(self.manifestJSON(paths: paths, entries: entries),
                                                       to: reportDirectory + "/manifest.json.new")
                default: try FileSystem.writeAtomically(Array(self.changesJSON(changes).utf8),
                                                        to: reportDirectory + "/changes.json.new")
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        return changes
    }

    /// The elements of two ascending arrays with no element in common, ascending.
    private static func merge(_ first: [String], _ second: [String]) -> [String] {
        var merged: [String] = []
        merged.reserveCapacity(first.count + second.count)
        var firstIndex = 0
        var secondIndex = 0
        while firstIndex < first.count, secondIndex < second.count {
            if second[secondIndex] < first[firstIndex] {
                merged.append(second[secondIndex])
                secondIndex += 1
            } else {
                merged.append(first[firstIndex])
                firstIndex += 1
            }
        }
        merged.append(contentsOf: first[firstIndex...])
        merged.append(contentsOf: second[secondIndex...])
        return merged
    }

    /// Room for one file's line in the manifest (path, SHA-256 hex, size).
    private static let typicalManifestLineSize = 160

    /// `manifest.json`, as UTF-8: every file in `paths` order with its SHA-256 and size.
    private func manifestJSON(paths: [String], entries: [String: OutputTreeRecord.Entry]) -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(128 + paths.count * Self.typicalManifestLineSize)
        json.append(contentsOf: "{\n  \"site\": \(TextEscaping.jsonString(siteID)),\n  \"tree_inode\": \(stagingInode),\n  \"files\": [".utf8)
        for (index, path) in paths.enumerated() {
            guard let entry = entries[path] else { continue }
            json.append(contentsOf: index == 0 ? "\n    {\"path\": ".utf8 : ",\n    {\"path\": ".utf8)
            TextEscaping.appendJSONString(path, to: &json)
            json.append(contentsOf: ", \"sha256\": \"".utf8)
            SHA256.appendHex(entry.sha256, to: &json)
            json.append(contentsOf: "\", \"size\": ".utf8)
            json.append(contentsOf: String(entry.size).utf8)
            json.append(UInt8(ascii: "}"))
        }
        json.append(contentsOf: paths.isEmpty ? "]\n}\n".utf8 : "\n  ]\n}\n".utf8)
        return json
    }


    private func changesJSON(_ changes: Changes) -> String {
        func list(_ paths: [String]) -> String {
            let urls = paths.map(Self.url(forPath:)).sorted()
            if urls.isEmpty { return "[]" }
            return "[\n" + urls.map { "    " + TextEscaping.jsonString($0) }.joined(separator: ",\n") + "\n  ]"
        }
        return "{\n  \"site\": \(TextEscaping.jsonString(siteID)),\n  \"tree_inode\": \(stagingInode),\n"
            + "  \"complete\": \(previous != nil),\n"
            + "  \"added\": \(list(changes.added)),\n  \"changed\": \(list(changes.changed)),\n"
            + "  \"removed\": \(list(changes.removed))\n}\n"
    }

    /// The URL a site-relative output path is served at: `blog/x/index.html` → `/blog/x/`.
    public static func url(forPath path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }

    /// Replaces `output/<site>/` with the staging folder in one step, then publishes the
    /// manifest, changes and tree record written by `finish`.
    public func commit() throws {
        let target = targetDirectory
        var oldTree: String?
        if FileSystem.exists(target) {
            if renameExchange(stagingDirectory, target) {
                oldTree = stagingDirectory
            } else {
                let old = outputDirectory + "/.old-\(siteID)-\(getpid())"
                try FileSystem.rename(target, to: old)
                try FileSystem.rename(stagingDirectory, to: target)
                oldTree = old
            }
        } else {
            try FileSystem.rename(stagingDirectory, to: target)
        }
        // Publish the records right after the switch; removing the old tree (the slow part) comes
        // last, and a build killed during it leaves only a folder the next build removes.
        for name in ["manifest.json", "changes.json", "tree.bin"] where FileSystem.exists(reportDirectory + "/" + name + ".new") {
            try FileSystem.rename(reportDirectory + "/" + name + ".new", to: reportDirectory + "/" + name)
        }
        unlink(OutputTreeRecord.replacedFilesPath(outputDirectory: outputDirectory, siteID: siteID))
        guard let oldTree else { return }
        if let previous {
            SpareTree.park(oldTree, record: previous, outputDirectory: outputDirectory, siteID: siteID)
        } else {
            FileSystem.removeTree(oldTree)
        }
    }

    /// Throws the staging folder away (the build failed).
    public func discard() {
        FileSystem.removeTree(stagingDirectory)
        for name in ["manifest.json", "changes.json", "tree.bin"] { unlink(reportDirectory + "/" + name + ".new") }
    }

    /// Removes `.staging-<site>-<pid>`, `.old-<site>-<pid>` and `.prelink-<site>-<pid>` folders of
    /// processes that are gone.
    private static func removeAbandonedFolders(siteID: String, outputDirectory: String) {
        for name in FileSystem.list(outputDirectory) {
            for prefix in [".staging-\(siteID)-", ".old-\(siteID)-", ".prelink-\(siteID)-"] where name.hasPrefix(prefix) {
                guard let pid = Int32(name.dropFirst(prefix.count)) else { continue }
                if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                    FileSystem.removeTree(outputDirectory + "/" + name)
                }
            }
        }
    }

    /// Linux `renameat2(RENAME_EXCHANGE)`: swaps two paths atomically.
    private func renameExchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        return sbcms_rename_exchange(first, second) == 0
        #else
        return false
        #endif
    }
}
