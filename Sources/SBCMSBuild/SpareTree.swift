import SBCMSCore

#if canImport(Glibc)
import Glibc
#endif

/// The output tree from before the current one, kept as `output/.spare-<site>/` after a switch
/// so the next build can turn it into the new tree by changing only the files that differ,
/// instead of creating every folder and link again.
///
/// Its record, `output/.sbcms/<site>/spare.bin`, is trusted only when it names the folder's
/// inode, and it is deleted before the folder is touched: a build killed while updating the
/// spare leaves a staging folder that the next build removes, never a spare with a wrong record.
struct SpareTree: Sendable {
    /// The files in the folder when it was claimed.
    let record: OutputTreeRecord

    static func folder(outputDirectory: String, siteID: String) -> String {
        outputDirectory + "/.spare-" + siteID
    }

    static func recordPath(outputDirectory: String, siteID: String) -> String {
        OutputTreeRecord.reportDirectory(outputDirectory: outputDirectory, siteID: siteID) + "/spare.bin"
    }

    /// Moves the spare to `staging` and returns what it holds; nil (with any stale spare removed)
    /// when there is none or its record does not describe it.
    static func claim(outputDirectory: String, siteID: String, as staging: String) -> SpareTree? {
        let folder = folder(outputDirectory: outputDirectory, siteID: siteID)
        let recordPath = recordPath(outputDirectory: outputDirectory, siteID: siteID)
        let record = (try? FileSystem.readBytes(recordPath)).flatMap(OutputTreeRecord.decode)
        unlink(recordPath)
        guard let identity = FileSystem.identity(folder) else { return nil }
        guard let record, record.treeInode == identity.inode, (try? FileSystem.rename(folder, to: staging)) != nil else {
            FileSystem.removeTree(folder)
            return nil
        }
        return SpareTree(record: record)
    }

    /// Keeps `tree` (the output just switched out, described by `record`) as the spare.
    static func park(_ tree: String, record: OutputTreeRecord, outputDirectory: String, siteID: String) {
        let folder = folder(outputDirectory: outputDirectory, siteID: siteID)
        FileSystem.removeTree(folder)
        guard (try? FileSystem.rename(tree, to: folder)) != nil, let identity = FileSystem.identity(folder) else {
            FileSystem.removeTree(tree)
            return
        }
        var parked = record
        parked.treeInode = identity.inode
        try? FileSystem.writeAtomically(parked.encode(), to: recordPath(outputDirectory: outputDirectory, siteID: siteID))
    }

    /// Removes, from the staging folder made of this spare, the files the new tree does not
    /// have and then the folders left without any of its files. `newPaths` are the new tree's
    /// files, ascending (`OutputTreeRecord.sortedPaths`).
    func removeStale(in staging: String, newPaths: [String]) {
        let stale = Self.paths(record.sortedPaths, missingFrom: newPaths)
        guard !stale.isEmpty else { return }  // every spare folder still holds a file of the new tree
        for path in stale {
            unlink(staging + "/" + path)
        }
        // Only a folder of a stale file can be left without files; one that still holds a file of
        // the new tree is not empty, and rmdir leaves it. Deepest first, so a folder is empty by
        // the time its turn comes.
        for folder in Self.folders(holding: stale).sorted(by: { $0.count > $1.count }) {
            rmdir(staging + "/" + folder)
        }
    }

    /// The elements of `paths` that `others` lacks; both ascending, so one walk finds them.
    static func paths(_ paths: [String], missingFrom others: [String]) -> [String] {
        if paths == others { return [] }
        var missing: [String] = []
        var otherIndex = others.startIndex
        for path in paths {
            while otherIndex < others.endIndex, others[otherIndex] < path { otherIndex += 1 }
            if otherIndex < others.endIndex, others[otherIndex] == path { continue }
            missing.append(path)
        }
        return missing
    }

    /// Every folder that holds one of `paths` (site-relative), directly or deeper.
    static func folders<Paths: Sequence<String>>(holding paths: Paths) -> Set<String> {
        var folders: Set<String> = []
        for path in paths {
            var end = path.lastIndex(of: "/")
            while let slash = end {
                guard folders.insert(String(path[..<slash])).inserted else { break }
                end = path[..<slash].lastIndex(of: "/")
            }
        }
        return folders
    }
}
