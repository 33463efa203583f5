#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small, fast POSIX file operations used on the hot paths (reading sources, writing output).
/// Foundation's FileManager is several times slower for thousands of small files.
public enum FileSystem {
    /// An entry found while walking a folder.
    public struct Entry: Sendable, Hashable {
        /// Path relative to the walked folder, with `/` separators.
        public var relativePath: String
        public var isDirectory: Bool
        public var isSymlink: Bool
    }

    public enum Error: Swift.Error, CustomStringConvertible, Sendable {
        case cannotOpen(path: String, errno: Int32)
        case cannotWrite(path: String, errno: Int32)
        case cannotCreateDirectory(path: String, errno: Int32)
        case cannotRename(from: String, to: String, errno: Int32)

        public var description: String {
            switch self {
            case .cannotOpen(let path, let code): return "cannot open \(path): \(String(cString: strerror(code)))"
            case .cannotWrite(let path, let code): return "cannot write \(path): \(String(cString: strerror(code)))"
            case .cannotCreateDirectory(let path, let code):
                return "cannot create folder \(path): \(String(cString: strerror(code)))"
            case .cannotRename(let from, let to, let code):
                return "cannot rename \(from) to \(to): \(String(cString: strerror(code)))"
            }
        }
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a folder, sorted, without `.` and `..`; empty when it cannot be read.
    public static func list(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return names.sorted()
    }

    /// Every entry below `root`, depth first, sorted by name at each level; symlinks are
    /// reported and not followed. Hidden files (starting with `.`) are skipped.
    public static func walk(_ root: String) -> [Entry] {
        var result: [Entry] = []
        func visit(_ relative: String) {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            for (name, type) in listWithTypes(absolute) where !name.hasPrefix(".") {
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                // The type from the directory entry spares an `lstat` per file; file systems
                // that do not give it (DT_UNKNOWN) are asked.
                var kind: mode_t
                switch Int32(type) {
                case Int32(DT_REG): kind = S_IFREG
                case Int32(DT_DIR): kind = S_IFDIR
                case Int32(DT_LNK): kind = S_IFLNK
                default:
                    var info = stat()
                    guard lstat(absolute + "/" + name, &info) == 0 else { continue }
                    kind = info.st_mode & S_IFMT
                }
                if kind == S_IFLNK {
                    result.append(Entry(relativePath: childRelative, isDirectory: false, isSymlink: true))
                } else if kind == S_IFDIR {
                    result.append(Entry(relativePath: childRelative, isDirectory: true, isSymlink: false))
                    visit(childRelative)
                } else if kind == S_IFREG {
                    result.append(Entry(relativePath: childRelative, isDirectory: false, isSymlink: false))
                }
            }
        }
        visit("")
        return result
    }

    /// The names in a folder with their directory-entry types (`DT_REG`, `DT_DIR`, `DT_LNK`,
    /// `DT_UNKNOWN`...), sorted by name, without `.` and `..`.
    private static func listWithTypes(_ path: String) -> [(name: String, type: UInt8)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// The canonical absolute path (symlinks resolved), or nil if it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The whole file as bytes.
    public static func readBytes(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Error.cannotOpen(path: path, errno: errno) }
        defer { close(descriptor) }
        var info = stat()
        var capacity = 64 * 1024
        if fstat(descriptor, &info) == 0, info.st_size > 0 { capacity = Int(info.st_size) + 1 }
        // Read straight into the array's memory, not zero-filled first.
        var readError: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                let readCount = read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if readCount < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if readCount == 0 { return }
                initialized += readCount
            }
        }
        if readError != 0 { throw Error.cannotOpen(path: path, errno: readError) }
        // A file that grew since `fstat` (or reported no size) fills the buffer: read the rest.
        var chunk = [UInt8](repeating: 0, count: bytes.count == capacity ? 64 * 1024 : 0)
        while !chunk.isEmpty {
            let readCount = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if readCount < 0 {
                if errno == EINTR { continue }
                throw Error.cannotOpen(path: path, errno: errno)
            }
            if readCount == 0 { break }
            bytes.append(contentsOf: chunk[..<readCount])
        }
        return bytes
    }

    /// The whole file as text; invalid UTF-8 is replaced with U+FFFD.
    public static func readText(_ path: String) throws -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    /// Creates a folder and its parents (like `mkdir -p`).
    public static func createDirectories(_ path: String) throws {
        if mkdir(path, 0o755) == 0 { return }
        let code = errno
        if code == EEXIST { return }
        if code == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex {
            try createDirectories(String(path[..<slash]))
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw Error.cannotCreateDirectory(path: path, errno: errno)
    }

    /// Writes bytes to a file, replacing it.
    public static func write<Bytes: Collection>(_ bytes: Bytes, to path: String) throws where Bytes.Element == UInt8 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Error.cannotWrite(path: path, errno: errno) }
        defer { close(descriptor) }
        let result: Int? = bytes.withContiguousStorageIfAvailable { buffer -> Int in
            writeAll(descriptor, buffer)
        }
        let status = result ?? Array(bytes).withUnsafeBufferPointer { writeAll(descriptor, $0) }
        if status != 0 { throw Error.cannotWrite(path: path, errno: Int32(status)) }
    }

    /// Writes a string as UTF-8 to a file, replacing it.
    public static func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try write($0, to: path) }
    }

    private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return Int(errno)
            }
            offset += written
        }
        return 0
    }

    /// Renames a file or folder.
    public static func rename(_ from: String, to: String) throws {
        if Glibc.rename(from, to) != 0 { throw Error.cannotRename(from: from, to: to, errno: errno) }
    }

    /// Removes a file or a whole folder tree; missing paths are fine.
    public static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in list(path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Copies a file's bytes.
    public static func copyFile(_ from: String, to: String) throws {
        try write(try readBytes(from), to: to)
    }
}

extension FileSystem {
    /// What identifies a file's version without reading it: inode, size and modification time.
    public struct Identity: Sendable, Hashable {
        public var device: UInt64
        public var inode: UInt64
        public var size: Int64
        public var modificationNanoseconds: Int64

        public init(device: UInt64, inode: UInt64, size: Int64, modificationNanoseconds: Int64) {
            self.device = device
            self.inode = inode
            self.size = size
            self.modificationNanoseconds = modificationNanoseconds
        }
    }

    /// The identity of a path (symlinks not followed), or nil when it does not exist.
    public static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                        modificationNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// Writes a file through a temporary name and a rename, so readers (and a killed process)
    /// see the old file or the new one, never a torn one.
    public static func writeAtomically<Bytes: Collection>(_ bytes: Bytes, to path: String) throws where Bytes.Element == UInt8 {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try write(bytes, to: temporary)
            try rename(temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Sets a file's access and modification times to `nanoseconds` since 1970 (now when nil);
    /// false when the file cannot be touched.
    @discardableResult
    public static func touch(_ path: String, nanoseconds: Int64? = nil) -> Bool {
        guard let nanoseconds else { return utimensat(AT_FDCWD, path, nil, 0) == 0 }
        let time = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var times = (time, time)
        return withUnsafePointer(to: &times) {
            $0.withMemoryRebound(to: timespec.self, capacity: 2) { utimensat(AT_FDCWD, path, $0, 0) == 0 }
        }
    }
}

extension FileSystem.Identity {
    /// File times are taken from a coarse clock (a few milliseconds): a file changed again within
    /// this margin of being looked at could keep the same time. Such a "racy" identity is
    /// never trusted to say that a file is unchanged.
    public static let racyMarginNanoseconds: Int64 = 100_000_000

    /// The wall-clock time now, in nanoseconds since 1970.
    public static func wallClockNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// True when the file was modified so shortly before `observedAt` (or after it) that a later
    /// change could keep the same modification time.
    public func isRacy(observedAt: Int64) -> Bool {
        modificationNanoseconds >= observedAt - Self.racyMarginNanoseconds
    }
}
