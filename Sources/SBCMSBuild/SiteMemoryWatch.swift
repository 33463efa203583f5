import Dispatch
import SBCMSCore

/// Attributes the process's peak resident memory to the sites being built.
///
/// Time is cut into intervals at every site start and finish. An interval's peak is the kernel's
/// high-water mark (`VmHWM`) when the process reached a new high during it (exact), otherwise
/// the highest resident size sampled every 10 ms during it. Each site gets the highest peak of
/// the intervals it was building in: its own peak when it built alone, the peak of all sites
/// building beside it otherwise (`concurrentSites` says how many). One watch serves the whole
/// process (`shared`), since the kernel keeps one figure per process.
public final class SiteMemoryWatch: @unchecked Sendable {
    /// What a site's build was measured at.
    public struct Measure: Sendable, Equatable {
        /// The process's peak resident size while the site was building, in bytes.
        public var peakBytes: Int
        /// The most sites (itself included) that were building at one time during its build.
        public var concurrentSites: Int
    }

    /// The watch of this process.
    public static let shared = SiteMemoryWatch()

    private let lock = PosixLock()
    private var running: [Int: Measure] = [:]
    private var nextToken = 0
    private var lastHighWater = 0
    private var sampledMax = 0
    private var sampler: DispatchSourceTimer?

    /// Marks the start of a site's build; pass the token to `finish`.
    public func start() -> Int {
        lock.withLock {
            let current = endInterval()
            let token = nextToken
            nextToken += 1
            running[token] = Measure(peakBytes: current, concurrentSites: 0)
            let count = running.count
            for key in running.keys { running[key]!.concurrentSites = max(running[key]!.concurrentSites, count) }
            if sampler == nil { startSampler() }
            return token
        }
    }

    /// Marks the end of a site's build and returns what it was measured at.
    public func finish(_ token: Int) -> Measure {
        lock.withLock {
            _ = endInterval()
            let measure = running.removeValue(forKey: token) ?? Measure(peakBytes: 0, concurrentSites: 1)
            if running.isEmpty {
                sampler?.cancel()
                sampler = nil
            }
            return measure
        }
    }

    /// Credits the peak of the interval that ends now to every running site and starts the next
    /// one; returns the current resident size. Called with the lock held.
    private func endInterval() -> Int {
        let highWater = ProcessMemory.peakBytes()
        let current = ProcessMemory.currentBytes() ?? highWater
        let peak = highWater > lastHighWater ? highWater : max(sampledMax, current)
        for key in running.keys { running[key]!.peakBytes = max(running[key]!.peakBytes, peak) }
        lastHighWater = highWater
        sampledMax = current
        return current
    }

    /// Samples the resident size every 10 ms while any site is building. Called with the lock held.
    private func startSampler() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + .milliseconds(10), repeating: .milliseconds(10))
        timer.setEventHandler { [weak self] in
            guard let self, let current = ProcessMemory.currentBytes() else { return }
            self.lock.withLock { self.sampledMax = max(self.sampledMax, current) }
        }
        timer.resume()
        sampler = timer
    }
}
