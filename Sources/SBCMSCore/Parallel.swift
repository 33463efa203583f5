import Dispatch

/// Runs work over a collection on all cores and returns the results in input order.
public enum Parallel {
    /// `transform` is called once per element, concurrently; results keep the input order.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        if inputs.count < 2 { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results.set(index, transform(inputs[index]))
        }
        return results.values()
    }

    /// Runs `first` and `second` at the same time (on two cores, when there are two) and
    /// returns both results.
    public static func pair<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let firstResult = ResultSlots<First>(count: 1)
        let secondResult = ResultSlots<Second>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { firstResult.set(0, first()) } else { secondResult.set(0, second()) }
        }
        return (firstResult.values()[0], secondResult.values()[0])
    }

    /// `0..<count` cut into `runCount` consecutive runs of nearly equal length (at least one
    /// run, none empty unless `count` is 0): work over neighbouring elements, such as files of
    /// the same folders, handed to `map` a run at a time.
    public static func runs(of count: Int, into runCount: Int) -> [Range<Int>] {
        let runs = max(1, min(runCount, count))
        return (0..<runs).map { run in count * run / runs..<count * (run + 1) / runs }
    }
}

/// Preallocated result slots, each written by exactly one iteration of `concurrentPerform`.
final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    func values() -> [Value] {
        slots.map { $0! }
    }
}
