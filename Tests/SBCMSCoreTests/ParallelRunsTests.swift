import SBCMSCore
import Testing

/// `Parallel.runs` cuts a range into consecutive runs that cover it exactly once.
@Suite struct ParallelRunsTests {
    @Test func runsCoverTheRangeInOrderWithoutGaps() {
        for count in [0, 1, 5, 64, 1_000, 18_649] {
            for runCount in [1, 4, 64, 100_000] {
                let runs = Parallel.runs(of: count, into: runCount)
                #expect(runs.count == max(1, min(runCount, count)))
                #expect(runs.first?.lowerBound == 0 && runs.last?.upperBound == count)
                #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
                #expect(count == 0 || runs.allSatisfy { !$0.isEmpty })
                #expect((runs.map(\.count).max() ?? 0) - (runs.map(\.count).min() ?? 0) <= 1)
            }
        }
    }
}

/// `Parallel.pair` runs two closures, at the same time when it can, and returns both results.
@Suite struct ParallelPairTests {
    @Test func bothResultsComeBackInTheirPlaces() {
        for size in [0, 1, 1_000] {
            let (sum, text) = Parallel.pair({ (0..<size).reduce(0, +) }, { String(repeating: "a", count: size) })
            #expect(sum == size * (size - 1) / 2)
            #expect(text.count == size)
        }
    }
}
