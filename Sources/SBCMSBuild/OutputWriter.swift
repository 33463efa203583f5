import CSBCMSSystem
import SBCMSCore
import SBCMSRender

#if canImport(Glibc)
import Glibc
#endif

/// Writes a site's files into a staging folder next to `output/<site>/` and switches the
/// finished tree in atomically, so readers see the old tree or the new one, never a mix.
public final class OutputWriter: @unchecked Sendable {
    public let siteID: String
    public let outputDirectory: String
    /// `output/.staging-<site>-<pid>`.
    public let stagingDirectory: String
    private let lock = PosixLock()
    private var createdDirectories: Set<String> = []

    public init(siteID: String, outputDirectory: String) throws {
        self.siteID = siteID
        self.outputDirectory = outputDirectory
        self.stagingDirectory = outputDirectory + "/.staging-\(siteID)-\(getpid())"
        FileSystem.removeTree(stagingDirectory)
        try FileSystem.createDirectories(stagingDirectory)
    }

    /// Writes one file into the staging folder; safe to call from many threads.
    public func write(_ file: OutputFile) throws {
        let path = stagingDirectory + "/" + file.path
        if let slash = file.path.lastIndex(of: "/") {
            let folder = stagingDirectory + "/" + file.path[..<slash]
            // Remember a folder only once it exists: another thread may be about to write into it.
            // Two threads creating the same folder is harmless (EEXIST is success).
            let exists = lock.withLock { createdDirectories.contains(folder) }
            if !exists {
                try FileSystem.createDirectories(folder)
                lock.withLock { _ = createdDirectories.insert(folder) }
            }
        }
        switch file.content {
        case .text(let text): try FileSystem.write(text, to: path)
        case .bytes(let bytes): try FileSystem.write(bytes, to: path)
        case .copy(let source):
            if link(source, path) != 0 { try FileSystem.copyFile(source, to: path) }
        }
    }

    /// Replaces `output/<site>/` with the staging folder in one step.
    public func commit() throws {
        let target = outputDirectory + "/" + siteID
        if FileSystem.exists(target) {
            if renameExchange(stagingDirectory, target) {
                FileSystem.removeTree(stagingDirectory)
                return
            }
            let old = outputDirectory + "/.old-\(siteID)-\(getpid())"
            try FileSystem.rename(target, to: old)
            try FileSystem.rename(stagingDirectory, to: target)
            FileSystem.removeTree(old)
        } else {
            try FileSystem.rename(stagingDirectory, to: target)
        }
    }

    /// Throws the staging folder away (the build failed).
    public func discard() {
        FileSystem.removeTree(stagingDirectory)
    }

    /// Linux `renameat2(RENAME_EXCHANGE)`: swaps two paths atomically.
    private func renameExchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        return sbcms_rename_exchange(first, second) == 0
        #else
        return false
        #endif
    }
}
