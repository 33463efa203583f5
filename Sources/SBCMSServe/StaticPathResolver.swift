#if canImport(Glibc)
import Glibc
#endif
import SBCMSCore

/// Maps a request path to a file of one site's output folder, refusing anything that could
/// reach outside it: `..` and `.` segments (plain or percent-encoded), encoded slashes and
/// backslashes, NUL bytes, empty segments, invalid escapes, and symlinks whose target leaves
/// the folder (checked on the resolved real path).
struct StaticPathResolver: Sendable {
    /// What a request path resolves to.
    enum Resolution: Equatable, Sendable {
        /// A regular file inside the site's output (absolute, symlinks resolved).
        case file(String)
        /// A folder asked for without its trailing slash: redirect to `location`.
        case redirect(location: String)
        case notFound
    }

    /// The site's output folder (`<output>/<site-id>`), as configured (may be a symlink itself).
    let root: String

    /// Resolves the raw (still percent-encoded) path of a request, without its query.
    func resolve(rawPath: String) -> Resolution {
        guard let segments = Self.segments(of: rawPath), let realRoot = FileSystem.realPath(root) else { return .notFound }
        let candidate = segments.isEmpty ? realRoot : realRoot + "/" + segments.joined(separator: "/")
        guard let real = FileSystem.realPath(candidate), Self.isInside(real, root: realRoot) else { return .notFound }
        let wantsFolder = rawPath.hasSuffix("/")
        if FileSystem.isDirectory(real) {
            guard wantsFolder else { return .redirect(location: rawPath + "/") }
            guard let index = FileSystem.realPath(real + "/index.html"), Self.isInside(index, root: realRoot),
                  Self.isRegularFile(index) else { return .notFound }
            return .file(index)
        }
        guard !wantsFolder, Self.isRegularFile(real) else { return .notFound }
        return .file(real)
    }

    /// The decoded segments of a raw path, or nil when the path is not acceptable.
    static func segments(of rawPath: String) -> [String]? {
        guard rawPath.hasPrefix("/") else { return nil }
        var segments: [String] = []
        let parts = rawPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            // A trailing slash leaves one empty part; any other empty part is a doubled slash.
            if part.isEmpty {
                if index == parts.count - 1 { continue }
                return nil
            }
            guard let decoded = percentDecoded(part), isAcceptableSegment(decoded) else { return nil }
            segments.append(decoded)
        }
        return segments
    }

    /// A segment that names one entry of a folder: not `.` or `..`, no slash, backslash or NUL.
    private static func isAcceptableSegment(_ segment: String) -> Bool {
        guard !segment.isEmpty, segment != ".", segment != ".." else { return false }
        return !segment.utf8.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 == 0 }
    }

    /// Percent-decodes one segment (once: `%252e` stays the literal `%2e`); nil for a malformed
    /// escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
