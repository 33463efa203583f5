import SBCMSCore

#if canImport(Glibc)
import Glibc
#endif

/// Appends entries to one new pack of the Markdown cache: each payload is written at the pack's
/// end, and only then its index record. Safe from many threads: each payload gets its own range
/// of the pack and is written there without a lock (so one thread's write never waits for
/// another's); records are appended one at a time. After a failed write the writer refuses
/// every later one, so the index never has a torn record in its middle.
final class MarkdownPackWriter: @unchecked Sendable {
    let directory: String
    /// `<time>-<pid>-<random>`: unique per writer and process, sorted by creation time.
    let name: String
    private let pack: Int32
    private let index: Int32
    /// Guards `end`, `failed`, `isClosed` and the index file's appends.
    private let lock = PosixLock()
    private var end: Int64 = 0
    private var failed = false
    private var isClosed = false

    /// Creates `<name>.pack` then `<name>.idx` (with its header) in `directory`; nil when the
    /// files cannot be made (a read-only cache only makes builds slower).
    init?(directory: String) {
        guard (try? FileSystem.createDirectories(directory)) != nil else { return nil }
        // Fixed width, so that names sort by creation time.
        let hex = String(UInt64(FileSystem.Identity.wallClockNanoseconds()), radix: 16)
        let time = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        name = time + "-\(getpid())-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        self.directory = directory
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        pack = open(MarkdownPackIndex.packPath(directory, name), flags, 0o644)
        index = pack < 0 ? -1 : open(MarkdownPackIndex.indexPath(directory, name), flags | O_APPEND, 0o644)
        guard index >= 0, Self.writeAll(index, MarkdownPackIndex.header, at: nil) else {
            close()
            unlink(MarkdownPackIndex.indexPath(directory, name))
            unlink(MarkdownPackIndex.packPath(directory, name))
            return nil
        }
    }

    deinit { close() }

    /// Appends one entry; returns where its payload lies, or nil when it could not be written.
    /// The payload's range is reserved first, so concurrent appends write their payloads at
    /// the same time; a payload whose write fails leaves a hole no record points into.
    func append(_ payload: [UInt8], key: String) -> (offset: Int64, length: Int)? {
        guard !key.utf8.isEmpty, key.utf8.count <= MarkdownPackIndex.maximumKeyLength,
              payload.count <= Int(UInt32.max) else { return nil }
        let reserved = lock.withLock { () -> Int64? in
            guard !failed else { return nil }
            defer { end += Int64(payload.count) }
            return end
        }
        guard let offset = reserved else { return nil }
        let written = Self.writeAll(pack, payload, at: offset)
        let record = MarkdownPackIndex.record(key: key, offset: offset, length: payload.count)
        return lock.withLock {
            guard written, !failed, Self.writeAll(index, record, at: nil) else {
                failed = true
                return nil
            }
            return (offset, payload.count)
        }
    }

    /// Closes the files (later appends fail). Called once no append is running.
    func close() {
        lock.withLock {
            guard !isClosed else { return }
            isClosed = true
            failed = true
            if pack >= 0 { Glibc.close(pack) }
            if index >= 0 { Glibc.close(index) }
        }
    }

    /// Writes all bytes at `offset` (pwrite), or at the end of a file opened with O_APPEND (nil).
    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], at offset: Int64?) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let pointer = buffer.baseAddress! + done
                let written = offset.map { pwrite(descriptor, pointer, buffer.count - done, off_t($0) + off_t(done)) }
                    ?? write(descriptor, pointer, buffer.count - done)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                done += written
            }
            return true
        }
    }
}
