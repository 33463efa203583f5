import Dispatch

/// Work that no later step reads, run on another thread while the caller goes on: `wait()`
/// returns once it is done (call it before the process could exit, or before anything the work
/// writes is needed).
public final class BackgroundTask: Sendable {
    private let group = DispatchGroup()

    /// Starts `work` on a global queue.
    public init(_ work: @escaping @Sendable () -> Void) {
        DispatchQueue.global(qos: .userInitiated).async(group: group, execute: work)
    }

    /// Blocks until the work has finished; returns at once on later calls.
    public func wait() {
        group.wait()
    }
}
