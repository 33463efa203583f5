import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Queues the reading of files a build is about to read, from a background thread: each file
/// is opened and the kernel is told its whole content will be needed
/// (`posix_fadvise(POSIX_FADV_WILLNEED)`), which starts reading it without waiting for it.
///
/// When a site's files are not in the page cache (a checkout read for the first time, a farm
/// machine whose memory manager dropped idle pages), each parsing thread would otherwise stop
/// at every file until the disk answered, and the cores would wait one file at a time. With
/// the reads queued ahead, the disk works while the cores parse. A file already in the cache
/// costs one `open` and `close`. Elsewhere than Linux this does nothing.
public final class FilePrefetch: @unchecked Sendable {
    private let lock = PosixLock()
    private var isCancelled = false

    private init() {}

    /// Starts asking for the files `paths` lists, in that order (the order the build reads
    /// them). Both run on a serial queue of its own, which gets a thread even while parallel
    /// work fills every core, so listing the files delays nothing either.
    public static func start(_ paths: @escaping @Sendable () -> [String]) -> FilePrefetch {
        let prefetch = FilePrefetch()
        #if os(Linux)
        DispatchQueue(label: "sbcms.file-prefetch", qos: .utility).async { prefetch.run(paths()) }
        #endif
        return prefetch
    }

    /// Stops asking (the build has read what it needed); a file being asked for is finished.
    public func cancel() {
        lock.withLock { isCancelled = true }
    }

    #if os(Linux)
    private func run(_ paths: [String]) {
        _ = Self.askForFiles(paths) { lock.withLock { isCancelled } }
    }

    /// Asks the kernel to read each of `paths` ahead, until `isCancelled` (checked every 64
    /// files) says to stop; returns how many were opened. A missing file is skipped, and a FIFO
    /// or device does not block (opened without waiting, and the advice does nothing there).
    static func askForFiles(_ paths: [String], isCancelled: () -> Bool) -> Int {
        var opened = 0
        for (index, path) in paths.enumerated() {
            if index % 64 == 0, isCancelled() { break }
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else { continue }
            _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
            close(descriptor)
            opened += 1
        }
        return opened
    }
    #endif
}
