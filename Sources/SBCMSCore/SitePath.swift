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
        // Byte by byte into one buffer: this runs for every link of every page on every build.
        var path: [UInt8] = []
        path.reserveCapacity(filePath.utf8.count + relative.utf8.count)
        func append<Component: Collection<UInt8>>(_ component: Component) {
            if !path.isEmpty { path.append(slash) }
            path.append(contentsOf: component)
        }
        let fileBytes = filePath.utf8
        if let last = fileBytes.lastIndex(of: slash) {
            for component in fileBytes[..<last].split(separator: slash) { append(component) }
        }
        for component in relative.utf8.split(separator: slash) {
            if component.elementsEqual(dot) { continue }
            if component.elementsEqual(dotDot) {
                guard !path.isEmpty else { return nil }
                path.removeSubrange((path.lastIndex(of: slash) ?? path.startIndex)...)
            } else {
                append(component)
            }
        }
        return String(decoding: path, as: UTF8.self)
    }

    private static let slash = UInt8(ascii: "/")
    private static let dot: [UInt8] = [UInt8(ascii: ".")]
    private static let dotDot: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: ".")]

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
