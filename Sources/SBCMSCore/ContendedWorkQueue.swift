import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Parallel {
    /// `transform` over `0..<count` on all cores, results in index order, for work in which some
    /// elements (`isContended`) pass through a section that runs one at a time across threads.
    /// While that section is busy (`sectionIsBusy`), a thread that is free starts an element
    /// that does not need it instead of one that would wait. Otherwise contended elements go
    /// first, so that the others are left for the end, when nothing else is left to run.
    public static func map<Output: Sendable>(
        count: Int, isContended: @Sendable (Int) -> Bool, sectionIsBusy: @Sendable () -> Bool,
        _ transform: @Sendable (Int) -> Output
    ) -> [Output] {
        if count < 2 { return (0..<count).map(transform) }
        let runs = Parallel.runs(of: count, into: 64)
        let flags = map(runs) { run in run.map(isContended) }
        var contended: [Int] = []
        var others: [Int] = []
        for (run, runFlags) in zip(runs, flags) {
            for (index, flag) in zip(run, runFlags) {
                if flag { contended.append(index) } else { others.append(index) }
            }
        }
        let queue = ContendedWorkQueue(contended: contended, others: others)
        let results = ResultSlots<Output>(count: count)
        let workers = min(count, max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = queue.next(sectionIsBusy: sectionIsBusy()) {
                results.set(index, transform(index))
            }
        }
        return results.values()
    }
}

/// The order in which `Parallel.map(count:isContended:sectionIsBusy:_:)` hands out elements:
/// each exactly once, contended ones first unless their section is busy.
final class ContendedWorkQueue: @unchecked Sendable {
    private let lock = PosixLock()
    private let contended: [Int]
    private let others: [Int]
    private var nextContended = 0
    private var nextOther = 0

    init(contended: [Int], others: [Int]) {
        self.contended = contended
        self.others = others
    }

    /// The next element to run; nil when every element was handed out. While the section is
    /// busy an uncontended element comes first, if any is left.
    func next(sectionIsBusy: Bool) -> Int? {
        lock.withLock {
            if sectionIsBusy, nextOther < others.count { return takeOther() }
            if nextContended < contended.count {
                nextContended += 1
                return contended[nextContended - 1]
            }
            return nextOther < others.count ? takeOther() : nil
        }
    }

    private func takeOther() -> Int {
        nextOther += 1
        return others[nextOther - 1]
    }
}
