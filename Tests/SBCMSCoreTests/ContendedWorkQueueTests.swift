@testable import SBCMSCore
import Testing

/// `Parallel.map(count:isContended:sectionIsBusy:_:)`: every element once, results in order;
/// contended elements first, except while their section is busy.
@Suite struct ContendedWorkQueueTests {
    @Test func theQueueHandsOutOthersWhileTheSectionIsBusy() {
        let queue = ContendedWorkQueue(contended: [0, 2, 4], others: [1, 3])
        #expect(queue.next(sectionIsBusy: false) == 0)
        #expect(queue.next(sectionIsBusy: true) == 1)
        #expect(queue.next(sectionIsBusy: true) == 3)
        // No other element left: a contended one, even while busy (it will wait).
        #expect(queue.next(sectionIsBusy: true) == 2)
        #expect(queue.next(sectionIsBusy: false) == 4)
        #expect(queue.next(sectionIsBusy: false) == nil)
        #expect(queue.next(sectionIsBusy: true) == nil)
    }

    @Test func othersAreLeftForTheEndWhenTheSectionIsFree() {
        let queue = ContendedWorkQueue(contended: [5, 6], others: [0, 1])
        let order = (0..<5).map { _ in queue.next(sectionIsBusy: false) }
        #expect(order == [5, 6, 0, 1, nil])
    }

    @Test func mapRunsEveryElementOnceInOrder() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 100, 5_000] {
            let contended = (0..<count).map { _ in Bool.random(using: &generator) }
            let calls = CallCounter(count: count)
            let section = PosixLock()
            let results = Parallel.map(count: count, isContended: { contended[$0] }, sectionIsBusy: { Bool.random() }) { index in
                calls.record(index)
                return contended[index] ? section.withLock { index * 3 } : index * 3
            }
            #expect(results == (0..<count).map { $0 * 3 })
            #expect(calls.everyElementOnce)
        }
    }
}

/// How many times each element was run, from many threads.
private final class CallCounter: @unchecked Sendable {
    private let lock = PosixLock()
    private var calls: [Int]

    init(count: Int) {
        calls = Array(repeating: 0, count: count)
    }

    func record(_ index: Int) {
        lock.withLock { calls[index] += 1 }
    }

    var everyElementOnce: Bool { lock.withLock { calls.allSatisfy { $0 == 1 } } }
}
