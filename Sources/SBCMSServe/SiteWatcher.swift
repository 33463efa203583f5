#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Watches folders with inotify (every subfolder too, including ones created later) and calls
/// back once changes have settled: after `quietPeriod` without a new event, or at the latest
/// `maximumDelay` after the first one. The callback runs on the watcher's own thread, so the
/// next round of changes waits for it (rebuilds never overlap).
final class SiteWatcher: @unchecked Sendable {
    /// A folder to watch.
    struct Root: Sendable {
        var path: String
        /// Watch subfolders too.
        var recursive: Bool
        /// When set, only these entry names count (e.g. `sbcms.yaml` in the repository root).
        var names: Set<String>?
    }

    private let roots: [Root]
    private let quietPeriod: Duration
    private let maximumDelay: Duration
    private let inotify: Int32
    /// A pipe whose write end wakes the thread up to stop.
    private let wakeup: (read: Int32, write: Int32)
    /// Watch descriptor → (folder, the root it belongs to).
    private var watches: [Int32: (path: String, root: Int)] = [:]
    private var thread: Thread?
    private let stopped = DispatchSemaphore(value: 0)
    /// Told when a folder cannot be watched (its changes would go unseen).
    private let onWarning: @Sendable (String) -> Void
    private var warnedAboutLimit = false

    private static let folderEvents = UInt32(IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM
                                             | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB | IN_ONLYDIR)

    init(roots: [Root], quietPeriod: Duration = .milliseconds(25), maximumDelay: Duration = .milliseconds(500),
         onWarning: @escaping @Sendable (String) -> Void = { _ in }) throws {
        self.roots = roots
        self.onWarning = onWarning
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw WatchError(message: "inotify_init1 failed: \(String(cString: strerror(errno)))") }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(inotify)
            throw WatchError(message: "pipe failed: \(String(cString: strerror(errno)))")
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        wakeup = (ends[0], ends[1])
        for (index, root) in roots.enumerated() { addWatches(root.path, root: index) }
    }

    deinit {
        close(inotify)
        close(wakeup.read)
        close(wakeup.write)
    }

    struct WatchError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Starts the watcher thread; `onChange` receives the changed paths of each settled round.
    func start(onChange: @escaping @Sendable ([String]) -> Void) {
        let thread = Thread { [self] in
            run(onChange: onChange)
            stopped.signal()
        }
        thread.name = "sbcms-watch"
        self.thread = thread
        thread.start()
    }

    /// Stops the thread (after the callback running now, if any) and waits for it.
    func stop() {
        guard thread != nil else { return }
        var byte: UInt8 = 1
        _ = write(wakeup.write, &byte, 1)
        stopped.wait()
        thread = nil
    }

    private func run(onChange: @Sendable ([String]) -> Void) {
        let clock = ContinuousClock()
        var pending: [String] = []
        var firstEvent: ContinuousClock.Instant?
        while true {
            var timeout: Int32 = -1
            if let firstEvent {
                let untilMaximum = maximumDelay - (clock.now - firstEvent)
                timeout = Int32(max(0, min(quietPeriod, untilMaximum).milliseconds))
            }
            var descriptors = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: wakeup.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, 2, timeout)
            if ready < 0 && errno == EINTR { continue }
            if descriptors[1].revents != 0 { return }
            if ready > 0, descriptors[0].revents != 0 {
                let changed = readEvents()
                if !changed.isEmpty {
                    pending += changed
                    if firstEvent == nil { firstEvent = clock.now }
                }
                if firstEvent.map({ clock.now - $0 < maximumDelay }) ?? true { continue }
            }
            guard firstEvent != nil else { continue }
            let paths = pending
            pending = []
            firstEvent = nil
            onChange(paths)
        }
    }

    /// Reads every queued event, adds watches for new folders, and returns the paths that count.
    private func readEvents() -> [String] {
        var changed: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= count {
                let (event, name) = buffer.withUnsafeBytes { bytes -> (inotify_event, String) in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameBytes = bytes[(offset + headerSize)..<(offset + headerSize + Int(event.len))]
                    return (event, String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self))
                }
                offset += headerSize + Int(event.len)
                if let path = handle(event, name: name) { changed.append(path) }
            }
        }
        return changed
    }

    /// Updates the watches for one event; returns the changed path when the event counts.
    private func handle(_ event: inotify_event, name: String) -> String? {
        let mask = event.mask
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: watch every folder again and rebuild.
            for (index, root) in roots.enumerated() { addWatches(root.path, root: index) }
            return roots.first?.path
        }
        guard let watch = watches[event.wd] else { return nil }
        if mask & UInt32(IN_IGNORED) != 0 {
            watches.removeValue(forKey: event.wd)
            return nil
        }
        let root = roots[watch.root]
        if name.isEmpty { return mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 ? watch.path : nil }
        if let names = root.names, !names.contains(name) { return nil }
        let path = watch.path + "/" + name
        if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            if root.recursive { addWatches(path, root: watch.root) }
            // A watched root created after the server started (e.g. templates/ in the repository root).
            for (index, other) in roots.enumerated() where other.path == path { addWatches(path, root: index) }
        }
        return Self.isEditorScratch(name) ? nil : path
    }

    /// What to tell the author when `path` cannot be watched; nil when it simply does not exist
    /// (yet: a root such as `templates/` is picked up when it is created).
    static func watchFailure(path: String, errno code: Int32) -> String? {
        switch code {
        case ENOENT, ENOTDIR:
            return nil
        case ENOSPC:
            return "cannot watch \(path): the inotify watch limit is reached, so changes below it and in later "
                + "folders are not seen; raise it (sudo sysctl fs.inotify.max_user_watches=524288) and restart"
        default:
            return "cannot watch \(path): \(String(cString: strerror(code))); changes below it are not seen"
        }
    }

    /// Adds a watch on `path` and, for a recursive root, on every folder below it.
    private func addWatches(_ path: String, root: Int) {
        let descriptor = inotify_add_watch(inotify, path, Self.folderEvents)
        guard descriptor >= 0 else {
            let code = errno
            // The watch limit fails every later folder too: say it once.
            if code == ENOSPC { if warnedAboutLimit { return } else { warnedAboutLimit = true } }
            if let warning = Self.watchFailure(path: path, errno: code) { onWarning(warning) }
            return
        }
        watches[descriptor] = (path, root)
        guard roots[root].recursive, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names {
            var info = stat()
            let child = path + "/" + name
            if lstat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { addWatches(child, root: root) }
        }
    }

    /// Files editors write beside the real one (swap and backup files), which change no output.
    static func isEditorScratch(_ name: String) -> Bool {
        name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasPrefix(".#") || name == "4913"
    }
}

private extension Duration {
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
