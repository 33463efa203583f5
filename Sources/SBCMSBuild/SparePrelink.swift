import Dispatch
import SBCMSCore

#if canImport(Glibc)
import Glibc
#endif

/// Makes a spare tree (`SpareTree`) when there is none, in the background while the site is
/// read: a folder of hard links to every file of the live `output/<site>/`, with the live
/// tree's record.
///
/// Without a spare (the first build after a cold one), the writer had to create every folder
/// and link of the new tree itself, after the content stage: 11k folders and 18k links on the
/// 10k-page site, a quarter of an edited-post build. Made here, that kernel work overlaps the
/// reading of the site, and the writer then stages into the spare as usual, touching only what
/// changed. A spare made this way shares its files with the live tree, as every spare does for
/// the files the last build kept, so the writer's rule holds: a spare file is unlinked before
/// different bytes are written at its path, never written through.
///
/// The folder is built as `.prelink-<site>-<pid>`, renamed to `.spare-<site>` when complete,
/// and only then given its record; a build killed before that leaves a folder that the next
/// writer removes (`OutputWriter.removeAbandonedFolders`), never an untrusted spare.
final class SparePrelink: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)

    private init() {}

    /// Starts making the spare when `output/<site>/` has a trusted record and no spare exists;
    /// nil when there is nothing to do.
    static func start(outputDirectory: String, siteID: String) -> SparePrelink? {
        guard !FileSystem.exists(SpareTree.folder(outputDirectory: outputDirectory, siteID: siteID)),
              FileSystem.exists(outputDirectory + "/" + siteID) else { return nil }
        let prelink = SparePrelink()
        DispatchQueue(label: "sbcms.spare-prelink", qos: .utility).async {
            make(outputDirectory: outputDirectory, siteID: siteID)
            prelink.done.signal()
        }
        return prelink
    }

    /// Waits until the spare is made (or given up); call before `OutputWriter` claims it.
    func wait() {
        done.wait()
        done.signal()  // later waits return at once
    }

    static func buildingFolder(outputDirectory: String, siteID: String) -> String {
        outputDirectory + "/.prelink-\(siteID)-\(getpid())"
    }

    /// Links every recorded file of the live tree into a new folder and parks it as the spare.
    static func make(outputDirectory: String, siteID: String) {
        guard let record = OutputTreeRecord.loadCurrent(outputDirectory: outputDirectory, siteID: siteID) else { return }
        let live = outputDirectory + "/" + siteID
        let building = buildingFolder(outputDirectory: outputDirectory, siteID: siteID)
        FileSystem.removeTree(building)
        guard mkdir(building, 0o755) == 0 else { return }
        var folders: Set<String> = [""]
        for path in record.sortedPaths {
            if let slash = path.lastIndex(of: "/") {
                let folder = String(path[..<slash])
                if !folders.contains(folder) {
                    guard (try? FileSystem.createDirectories(building + "/" + folder)) != nil else {
                        return FileSystem.removeTree(building)
                    }
                    folders.insert(folder)
                }
            }
            guard link(live + "/" + path, building + "/" + path) == 0 else { return FileSystem.removeTree(building) }
        }
        let spare = SpareTree.folder(outputDirectory: outputDirectory, siteID: siteID)
        guard !FileSystem.exists(spare), (try? FileSystem.rename(building, to: spare)) != nil,
              let identity = FileSystem.identity(spare) else {
            return FileSystem.removeTree(building)
        }
        var parked = record
        parked.treeInode = identity.inode
        try? FileSystem.writeAtomically(parked.encode(),
                                        to: SpareTree.recordPath(outputDirectory: outputDirectory, siteID: siteID))
    }
}
