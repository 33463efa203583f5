import Foundation
import SBCMSCore

/// Fans rebuild results out to every open live-reload stream, and remembers the current
/// output version and the diagnostics of a failing site for pages that connect later.
final class PreviewEventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<PreviewEvent>.Continuation] = [:]
    private var version = 1
    private var failing: [Diagnostic]?
    private var isClosed = false

    /// The version of the output being served; it grows with each rebuild that changed files.
    var currentVersion: Int { lock.withLock { version } }

    /// The errors of the last rebuild while the site fails to build, else nil.
    var currentErrors: [Diagnostic]? { lock.withLock { failing } }

    /// A new stream of events; it starts with `hello` and, while the site is failing, `error`.
    func subscribe() -> AsyncStream<PreviewEvent> {
        let (stream, continuation) = AsyncStream<PreviewEvent>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id = UUID()
        lock.withLock {
            guard !isClosed else {
                continuation.finish()
                return
            }
            continuation.yield(.hello(version: version))
            if let failing { continuation.yield(.error(diagnostics: failing)) }
            subscribers[id] = continuation
        }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Tells every stream what a rebuild produced: `error` when it failed; `clear` after a
    /// failure is fixed; `reload` with the changed paths when files changed.
    func publish(_ outcome: PreviewBuildOutcome) {
        lock.withLock {
            var events: [PreviewEvent] = []
            switch outcome.status {
            case .failed:
                let diagnostics = outcome.diagnostics
                failing = diagnostics
                events.append(.error(diagnostics: diagnostics))
            case .built, .upToDate:
                if !outcome.changedPaths.isEmpty { version += 1 }
                if failing != nil {
                    failing = nil
                    events.append(.clear(version: version))
                }
                if !outcome.changedPaths.isEmpty { events.append(.reload(paths: outcome.changedPaths, version: version)) }
            }
            for continuation in subscribers.values {
                for event in events { continuation.yield(event) }
            }
        }
    }

    /// Ends every stream (server shutdown); later subscribers get an empty stream.
    func close() {
        let open = lock.withLock {
            isClosed = true
            defer { subscribers = [:] }
            return Array(subscribers.values)
        }
        for continuation in open { continuation.finish() }
    }
}
