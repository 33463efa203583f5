import Dispatch
import SBCMSCore
import SBCMSSource

/// Builds several sites, up to `jobs` at a time, each rendering its pages in parallel. A failed
/// site never stops or alters the others, and results come back in the order of the site ids
/// whatever order the sites finish in, so nothing reported depends on `jobs`.
public struct BuildFarm: Sendable {
    public let workspace: Workspace
    public let options: BuildOptions
    /// How many sites are built at the same time (at least 1).
    public let jobs: Int

    public init(workspace: Workspace, options: BuildOptions, jobs: Int = 1) {
        self.workspace = workspace
        self.options = options
        self.jobs = max(1, jobs)
    }

    /// Builds the given sites and returns their results in the order of `siteIDs`. A site named
    /// twice is built once (two builds of one site at once would share its staging folder).
    ///
    /// `observer` hears of each site as it starts and finishes (any order, from worker threads);
    /// `onSiteFinished` is called on the calling thread, in the order of `siteIDs`, as soon as a
    /// site and every site before it have finished.
    public func build(siteIDs requested: [String], observer: (any BuildFarmObserver)? = nil,
                      onSiteFinished: (SiteBuildResult) -> Void = { _ in }) -> [SiteBuildResult] {
        var seen: Set<String> = []
        let siteIDs = requested.filter { seen.insert($0).inserted }
        let builder = SiteBuilder(workspace: workspace, options: options,
                                  farmConfig: LoadedFarmConfig.load(workspace: workspace))
        let slots = FarmResultSlots(count: siteIDs.count)
        let workers = min(jobs, siteIDs.count)
        for worker in 0..<workers {
            // A queue of its own per worker: each gets a thread even when the cores are busy.
            DispatchQueue(label: "sbcms.farm.worker.\(worker)").async {
                while let index = slots.claimNext() {
                    let siteID = siteIDs[index]
                    observer?.siteStarted(siteID)
                    let token = SiteMemoryWatch.shared.start()
                    var result = builder.build(siteID: siteID)
                    let measure = SiteMemoryWatch.shared.finish(token)
                    result.peakMemoryBytes = measure.peakBytes
                    result.concurrentSites = measure.concurrentSites
                    observer?.siteFinished(result)
                    slots.store(result, at: index)
                }
            }
        }
        var results: [SiteBuildResult] = []
        results.reserveCapacity(siteIDs.count)
        for index in siteIDs.indices {
            let result = slots.wait(for: index)
            onSiteFinished(result)
            results.append(result)
        }
        // Keep a cache that CI carries from run to run from growing without end.
        builder.markdownCache?.pruneIfDue()
        return results
    }
}

/// Hears of sites as a farm build starts and finishes them, from the farm's worker threads.
public protocol BuildFarmObserver: AnyObject, Sendable {
    /// A worker began building `siteID`.
    func siteStarted(_ siteID: String)
    /// A site finished (in any order).
    func siteFinished(_ result: SiteBuildResult)
}

/// The farm's work queue and result slots: workers claim site indexes in order and store each
/// result in its slot; the calling thread waits for the slots one by one.
private final class FarmResultSlots: @unchecked Sendable {
    private let lock = PosixLock()
    private var next = 0
    private var results: [SiteBuildResult?]
    private let ready: [DispatchSemaphore]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    /// The next site index to build, or nil when every site is taken.
    func claimNext() -> Int? {
        lock.withLock {
            guard next < results.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ result: SiteBuildResult, at index: Int) {
        lock.withLock { results[index] = result }
        ready[index].signal()
    }

    /// Blocks until the result at `index` is stored.
    func wait(for index: Int) -> SiteBuildResult {
        ready[index].wait()
        return lock.withLock { results[index]! }
    }
}
