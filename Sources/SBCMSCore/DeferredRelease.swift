import Dispatch

/// Lets large values go on a background queue instead of where their last reference ends.
///
/// A site's content graph and renderer hold tens of thousands of strings and arrays; freeing
/// them when `SiteBuilder.build` returns took 30 to 50 ms on the 10k-page site, on the thread
/// that should report the build as done. `release(_:)` takes a reference to each of them for a
/// moment (`delay`, long enough for the caller to drop its own): then the queue drops the last
/// one and the memory is freed there. In a one-shot command that exits first, it is never
/// freed at all, which is what the kernel does with a process's memory anyway.
public enum DeferredRelease {
    /// How long the values are kept after the call.
    public static let delay: DispatchTimeInterval = .milliseconds(50)

    public static func release<Values: Sendable>(_ values: Values) {
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + delay) {
            withExtendedLifetime(values) {}
        }
    }
}
