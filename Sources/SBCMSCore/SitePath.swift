/// Link destinations as sbcms reads them: split into parts, resolved against the file that
/// holds them (the same rules as the content stage's link resolver).
public enum SitePath {
    /// `path?query#fragment` split into its path and fragment (the query is dropped).
    public static func split(_ destination: String) -> (path: String, fragment: String?) {
        var path = Substring(destination)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if let question = path.firstIndex(of: "?") { path = path[..<question] }
        return (String(path), fragment)
    }

    /// True for `https:`, `mailto:` and other destinations with a scheme.
    public static func hasScheme(_ text: String) -> Bool {
        for (index, byte) in text.utf8.enumerated() {
            if byte == 58 { return index > 0 }  // ':'
            let isLetter = (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)
            let isOther = (byte >= 48 && byte <= 57) || byte == 43 || byte == 45 || byte == 46
            if !(isLetter || (index > 0 && isOther)) { return false }
        }
        return false
    }

    /// The site-relative path that `relative` (already percent-decoded) names when written in
    /// the file at site-relative `filePath`; nil when it climbs above the site folder.
    public static func resolve(_ relative: String, from filePath: String) -> String? {
        var filePath = filePath
        var relative = relative
        return filePath.withUTF8 { file in relative.withUTF8 { relative in resolve(relative, from: file) } }
    }

    /// Byte by byte into one buffer, without a list of components: this runs for every link
    /// of every page on every build.
    private static func resolve(_ relative: UnsafeBufferPointer<UInt8>, from file: UnsafeBufferPointer<UInt8>) -> String? {
        var path: [UInt8] = []
        path.reserveCapacity(file.count + relative.count)
        if let last = file.lastIndex(of: slash) {
            _ = forEachComponent(of: UnsafeBufferPointer(rebasing: file[..<last])) { component in
                if !path.isEmpty { path.append(slash) }
                path.append(contentsOf: component)
                return true
            }
        }
        let climbsAbove = !forEachComponent(of: relative) { component in
            if component.count == 1 && component[component.startIndex] == dot { return true }
            if component.count == 2 && component[component.startIndex] == dot && component[component.startIndex + 1] == dot {
                guard !path.isEmpty else { return false }
                path.removeSubrange((path.lastIndex(of: slash) ?? path.startIndex)...)
                return true
            }
            if !path.isEmpty { path.append(slash) }
            path.append(contentsOf: component)
            return true
        }
        return climbsAbove ? nil : String(decoding: path, as: UTF8.self)
    }

    /// Calls `visit` with every non-empty `/`-separated part of `bytes`, in order, until it
    /// returns false; false when it did.
    private static func forEachComponent(of bytes: UnsafeBufferPointer<UInt8>,
                                         _ visit: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool) -> Bool {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != slash { end += 1 }
            if start < end, !visit(bytes[start..<end]) { return false }
            start = end + 1
        }
        return true
    }

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// `%20` and friends decoded; invalid UTF-8 becomes U+FFFD.
    public static func percentDecoded(_ text: String) -> String {
        guard ByteScan.contains(37, in: text) else { return text }
        var bytes: [UInt8] = []
        var remaining = Array(text.utf8)[...]
        while let byte = remaining.popFirst() {
            if byte == 37, remaining.count >= 2,
               let value = UInt8(String(decoding: remaining.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                remaining = remaining.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
