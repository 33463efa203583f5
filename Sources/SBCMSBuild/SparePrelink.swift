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
/// 10k-page site, a quarter of an edited-post build. Here a background thread of lower
/// priority does that kernel work while the content stage runs, and a thread that waits for
/// the spare helps with the rest; the writer then stages into the spare as usual, touching only what changed. A
/// spare made this way shares its files with the live tree, as every spare does for the files
/// the last build kept, so the writer's rule holds: a spare file is unlinked before different
/// bytes are written at its path, never written through.
///
/// The folder is built as `.prelink-<site>-<pid>`, renamed to `.spare-<site>` when complete,
/// and only then given its record; a build killed before that leaves a folder that the next
/// writer removes (`OutputWriter.removeAbandonedFolders`), never an untrusted spare.
final class SparePrelink: @unchecked Sendable {
    private let outputDirectory: String
    private let siteID: String
    private let live: String
    private let building: String
    private let lock = PosixLock()
    private let done = DispatchSemaphore(value: 0)
    /// Set once the live tree's record is read: the files, in runs of neighbouring paths.
    private var record: OutputTreeRecord?
    private var runs: [Range<Int>] = []
    private var nextRun = 0
    private var finishedRuns = 0
    private var failed = false

    private init(outputDirectory: String, siteID: String) {
        self.outputDirectory = outputDirectory
        self.siteID = siteID
        live = outputDirectory + "/" + siteID
        building = Self.buildingFolder(outputDirectory: outputDirectory, siteID: siteID)
    }

    /// Starts making the spare when `output/<site>/` exists and no spare does; nil when there
    /// is nothing to do.
    static func start(outputDirectory: String, siteID: String) -> SparePrelink? {
        guard !FileSystem.exists(SpareTree.folder(outputDirectory: outputDirectory, siteID: siteID)),
              FileSystem.exists(outputDirectory + "/" + siteID) else { return nil }
        let prelink = SparePrelink(outputDirectory: outputDirectory, siteID: siteID)
        // A thread of its own, at a lower priority than the content stage's, so it takes the
        // time the cores have left; on Linux `setpriority(PRIO_PROCESS, 0, …)` applies to the
        // calling thread only, which ends with the work.
        var thread = pthread_t()
        let context = Unmanaged.passRetained(prelink).toOpaque()
        let created = pthread_create(&thread, nil, { context in
            let prelink = Unmanaged<SparePrelink>.fromOpaque(context!).takeRetainedValue()
            #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            prelink.run()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<SparePrelink>.fromOpaque(context).release()
            return nil
        }
        pthread_detach(thread)
        return prelink
    }

    private func run() {
        if prepare() {
            linkRuns()
        } else {
            done.signal()
        }
    }

    /// Waits until the spare is made (or given up), linking what is left on this thread too;
    /// call before `OutputWriter` claims the spare.
    func wait() {
        linkRuns()
        done.wait()
        done.signal()  // later waits return at once
    }

    static func buildingFolder(outputDirectory: String, siteID: String) -> String {
        outputDirectory + "/.prelink-\(siteID)-\(getpid())"
    }

    /// Reads the live tree's record and creates the building folder; false when there is no
    /// trusted record or the folder cannot be made.
    private func prepare() -> Bool {
        guard let record = OutputTreeRecord.loadCurrent(outputDirectory: outputDirectory, siteID: siteID) else { return false }
        FileSystem.removeTree(building)
        guard mkdir(building, 0o755) == 0 else { return false }
        let count = record.sortedPaths.count
        // Runs of 64 files or more, at most 64 of them.
        let runs = count == 0 ? [] : Parallel.runs(of: count, into: min(64, max(1, count / 64)))
        lock.withLock {
            self.record = record
            self.runs = runs
        }
        if runs.isEmpty { park() }
        return true
    }

    /// Takes runs until none is left; whoever finishes the last one parks the spare.
    private func linkRuns() {
        while let (run, paths) = takeRun() {
            let linked = linkFiles(paths[run])
            let isLast = lock.withLock { () -> Bool in
                finishedRuns += 1
                if !linked && !failed {
                    failed = true
                    finishedRuns += runs.count - nextRun  // the runs nobody will take
                    nextRun = runs.count
                }
                return finishedRuns == runs.count
            }
            if isLast { park() }
        }
    }

    private func takeRun() -> (Range<Int>, [String])? {
        lock.withLock {
            guard let record, nextRun < runs.count else { return nil }
            nextRun += 1
            return (runs[nextRun - 1], record.sortedPaths)
        }
    }

    /// Links `paths` of the live tree into the building folder, creating the folders they need
    /// (mkdir -p tolerates a folder another run made).
    private func linkFiles(_ paths: ArraySlice<String>) -> Bool {
        var folders: Set<String> = [""]
        for path in paths {
            if let slash = path.lastIndex(of: "/") {
                let folder = String(path[..<slash])
                if !folders.contains(folder) {
                    guard (try? FileSystem.createDirectories(building + "/" + folder)) != nil else { return false }
                    folders.insert(folder)
                }
            }
            guard link(live + "/" + path, building + "/" + path) == 0 else { return false }
        }
        return true
    }

    /// Renames the complete folder to the spare and writes its record (the live tree's, with the
    /// folder's inode); throws the folder away when a link failed.
    private func park() {
        defer { done.signal() }
        let (record, failed) = lock.withLock { (self.record, self.failed) }
        let spare = SpareTree.folder(outputDirectory: outputDirectory, siteID: siteID)
        guard var record, !failed, !FileSystem.exists(spare), (try? FileSystem.rename(building, to: spare)) != nil,
              let identity = FileSystem.identity(spare) else {
            return FileSystem.removeTree(building)
        }
        record.treeInode = identity.inode
        try? FileSystem.writeAtomically(record.encode(),
                                        to: SpareTree.recordPath(outputDirectory: outputDirectory, siteID: siteID))
    }
}
