import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import SBCMSCore
import Testing

/// `DeferredRelease` frees what it is given on another thread, once the caller has let go.
@Suite struct DeferredReleaseTests {
    /// Records the thread its deinitializer runs on and signals it.
    private final class Tracked: @unchecked Sendable {
        let freed: DispatchSemaphore
        let freedOn: UnsafeMutablePointer<pthread_t>

        init(freed: DispatchSemaphore, freedOn: UnsafeMutablePointer<pthread_t>) {
            self.freed = freed
            self.freedOn = freedOn
        }

        deinit {
            freedOn.pointee = pthread_self()
            freed.signal()
        }
    }

    @Test func valuesAreFreedOnAnotherThreadAfterTheCallerLetsGo() {
        let freed = DispatchSemaphore(value: 0)
        let freedOn = UnsafeMutablePointer<pthread_t>.allocate(capacity: 1)
        defer { freedOn.deallocate() }
        do {
            let values = (Tracked(freed: freed, freedOn: freedOn), [Tracked(freed: freed, freedOn: freedOn)])
            DeferredRelease.release(values)
        }
        // Both are freed, and not here: the caller's references ended with the `do` block.
        // (The timeout only keeps a broken release from hanging the suite.)
        #expect(freed.wait(timeout: .now() + 10) == .success)
        #expect(freed.wait(timeout: .now() + 10) == .success)
        #expect(pthread_equal(freedOn.pointee, pthread_self()) == 0)
    }
}
