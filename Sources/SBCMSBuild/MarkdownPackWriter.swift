import SBCMSCore

#if canImport(Glibc)
import Glibc
#endif

/// Appends entries to one new pack of the Markdown cache: each payload is written at the pack's
/// end, and only then its index record. Not thread-safe: its owner serializes the calls. After a
/// failed write the writer refuses every later one, so the index never has a torn record in
/// its middle.
final class MarkdownPackWriter {
    let directory: String
    /// `<time>-<pid>-<random>`: unique per writer and process, sorted by creation time.
    let name: String
    private var pack: Int32
    private var index: Int32
    private var end: Int64 = 0
    private var failed = false

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
    func append(_ payload: [UInt8], key: String) -> (offset: Int64, length: Int)? {
        guard !failed, !key.utf8.isEmpty, key.utf8.count <= MarkdownPackIndex.maximumKeyLength,
              payload.count <= Int(UInt32.max) else { return nil }
        let offset = end
        guard Self.writeAll(pack, payload, at: offset),
              Self.writeAll(index, MarkdownPackIndex.record(key: key, offset: offset, length: payload.count), at: nil) else {
            failed = true
            return nil
        }
        end += Int64(payload.count)
        return (offset, payload.count)
    }

    /// Closes the files (later appends fail).
    func close() {
        if pack >= 0 { Glibc.close(pack) }
        if index >= 0 { Glibc.close(index) }
        pack = -1
        index = -1
        failed = true
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
