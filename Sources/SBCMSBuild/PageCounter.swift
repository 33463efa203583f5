import SBCMSCore

/// A running count of pages written, shared by every site of a farm build and read by the
/// progress display from another thread.
public final class PageCounter: @unchecked Sendable {
    private let lock = PosixLock()
    private var count = 0

    public init() {}

    /// Adds `pages` to the count.
    public func add(_ pages: Int) {
        lock.withLock { count += pages }
    }

    /// The pages written so far.
    public var value: Int {
        lock.withLock { count }
    }
}
