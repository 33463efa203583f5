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
        var parts = Array(filePath.split(separator: "/").dropLast())
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }

    /// `%20` and friends decoded; invalid UTF-8 becomes U+FFFD.
    public static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(37) else { return text }
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
