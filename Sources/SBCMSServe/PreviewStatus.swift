import Foundation
import SBCMSCore

/// The `/__sbcms/status` document: the output version and, while the site fails to build,
/// the diagnostics of the last rebuild.
struct PreviewStatus: Encodable {
    var version: Int
    /// `ok` or `failed`.
    var status: String
    var diagnostics: [Diagnostic]

    init(hub: PreviewEventHub) {
        version = hub.currentVersion
        let errors = hub.currentErrors
        status = errors == nil ? "ok" : "failed"
        diagnostics = errors ?? []
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
