import Foundation
import SBCMSCore

/// One message of the live-reload stream (`/__sbcms/events`), sent as a Server-Sent Event.
enum PreviewEvent: Sendable, Equatable {
    /// Sent first on each connection: the current output version.
    case hello(version: Int)
    /// New output: the URL paths that changed, and the new version.
    case reload(paths: [String], version: Int)
    /// The last rebuild failed: its diagnostics (the previous output is still served).
    case error(diagnostics: [Diagnostic])
    /// The site builds again: the overlay goes away.
    case clear(version: Int)

    /// The SSE event name.
    var name: String {
        switch self {
        case .hello: return "hello"
        case .reload: return "reload"
        case .error: return "error"
        case .clear: return "clear"
        }
    }

    /// The event's JSON payload.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data?
        switch self {
        case .hello(let version), .clear(let version):
            data = try? encoder.encode(["version": version])
        case .reload(let paths, let version):
            data = try? encoder.encode(ReloadPayload(paths: paths, version: version))
        case .error(let diagnostics):
            data = try? encoder.encode(ErrorPayload(diagnostics: diagnostics))
        }
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The event as it goes on the wire: `event:` and `data:` lines and a blank line.
    var serverSentEvent: String {
        "event: \(name)\ndata: \(json)\n\n"
    }

    private struct ReloadPayload: Encodable {
        var paths: [String]
        var version: Int
    }

    private struct ErrorPayload: Encodable {
        var diagnostics: [Diagnostic]
    }
}
