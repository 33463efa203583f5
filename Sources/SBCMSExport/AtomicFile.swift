import Foundation
import SBCMSCore

/// Writes a file so that readers see the old one or the complete new one: the content goes to a
/// temporary file in the same folder, which is then renamed over the destination.
enum AtomicFile {
    /// Calls `write` with a fresh temporary path next to `path`, then renames it to `path`.
    /// The temporary file is removed when anything fails.
    static func replace(_ path: String, write: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileSystem.createDirectories(folder)
        } catch {
            throw ExportError.io("cannot create the folder \(folder): \(error)")
        }
        let temporary = folder + "/.\(url.lastPathComponent).\(getpid()).\(UUID().uuidString.prefix(8)).tmp"
        do {
            try write(temporary)
            try FileSystem.rename(temporary, to: path)
        } catch let error as ExportError {
            FileSystem.removeTree(temporary)
            throw error
        } catch {
            FileSystem.removeTree(temporary)
            throw ExportError.io("cannot write \(path): \(error)")
        }
    }

    /// Writes `bytes` to `path` atomically.
    static func write(_ bytes: [UInt8], to path: String) throws {
        try replace(path) { temporary in try FileSystem.write(bytes, to: temporary) }
    }
}
