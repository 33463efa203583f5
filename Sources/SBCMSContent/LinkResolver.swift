import SBCMSCore
import SBCMSMarkdown
import SBCMSSource

/// Turns relative links in Markdown (`../blog/hello.md#usage`, `../media/x.png`) into site
/// URLs, and reports links to files that do not exist or leave the site.
struct LinkResolver: Sendable {
    /// Site-relative source path of every built page → its URL.
    let pageURLs: [String: String]
    /// Source paths of pages that exist but are not built (drafts, scheduled posts).
    let unbuiltPages: Set<String>
    /// Every file of the site, site-relative.
    let filePaths: Set<String>
    /// Pages that could not be read; links to them are not reported again (their own error is).
    let failedPages: Set<String>

    /// A link to another page with an anchor, checked once every page's headings are known.
    struct AnchorCheck: Sendable {
        var targetPath: String
        var fragment: String
        var location: SourceLocation
        var destination: String
    }

    enum Resolution {
        /// Leave the destination as written (external, absolute or pure query).
        case keep
        /// The new destination, the anchor to check later, and the site-relative path of the
        /// page it points to (for backlinks).
        case rewrite(String, AnchorCheck?, page: String?)
        case broken(Diagnostic)
    }

    /// Resolves `link`, written in the file at site-relative `fromPath`, located at `location`.
    func resolve(_ link: MarkdownLink, fromPath: String, location: SourceLocation) -> Resolution {
        let destination = link.destination
        if destination.isEmpty || destination.hasPrefix("/") || destination.hasPrefix("?") || SitePath.hasScheme(destination) {
            return .keep
        }
        // Found in the UTF-8 bytes: `#` and `?` are ASCII, so their offsets are valid String
        // indexes, and no grapheme breaking runs for every link of every page.
        let (hashOffset, questionOffset) = Self.fragmentAndQueryOffsets(destination)
        let bytes = destination.utf8
        var pathEnd = bytes.endIndex
        var fragment: Substring?
        if let hashOffset {
            let hash = bytes.index(bytes.startIndex, offsetBy: hashOffset)
            fragment = destination[bytes.index(after: hash)...]
            pathEnd = hash
        }
        if let questionOffset { pathEnd = bytes.index(bytes.startIndex, offsetBy: questionOffset) }
        let pathPart = destination[..<pathEnd]
        if pathPart.isEmpty {
            // `#section` in the same page.
            guard let fragment, !fragment.isEmpty else { return .keep }
            return .rewrite(destination, AnchorCheck(targetPath: fromPath, fragment: String(fragment),
                                                     location: location, destination: destination), page: nil)
        }
        let decoded = SitePath.percentDecoded(String(pathPart))
        guard let target = SitePath.resolve(decoded, from: fromPath) else {
            return .broken(.error("link-outside-site", at: location,
                                  "link '\(destination)' leaves the site folder",
                                  hint: "link only to files inside this site, or use an absolute https:// URL"))
        }
        if target.hasSuffix(".md") {
            if let url = pageURLs[target] {
                guard let fragment, !fragment.isEmpty else { return .rewrite(url, nil, page: target) }
                return .rewrite(url + "#" + fragment, AnchorCheck(
                    targetPath: target, fragment: String(fragment), location: location, destination: destination),
                    page: target)
            }
            if failedPages.contains(target) { return .keep }
            if unbuiltPages.contains(target) {
                return .broken(.error("link-to-unpublished", at: location,
                                      "link '\(destination)' points to \(target), which is not published in this build (draft or scheduled)",
                                      hint: "publish the target, build with --drafts/--future, or remove the link"))
            }
            return .broken(.error("broken-link", at: location,
                                  "link '\(destination)' points to \(target), which does not exist",
                                  hint: suggestion(for: target)))
        }
        guard filePaths.contains(target) else {
            return .broken(.error(link.isImage ? "missing-image" : "broken-link", at: location,
                                  "\(link.isImage ? "image" : "link") '\(destination)' points to \(target), which does not exist",
                                  hint: suggestion(for: target)))
        }
        guard target.hasPrefix("media/") else {
            return .broken(.error("unpublished-file", at: location,
                                  "link '\(destination)' points to \(target), which is not published",
                                  hint: "files are published only from media/; move it there"))
        }
        var url = "/" + target
        if let fragment { url += "#" + fragment }
        return .rewrite(url, nil, page: nil)
    }

    /// The offsets of the first `#` and of the first `?` before it, in the UTF-8 of `destination`.
    static func fragmentAndQueryOffsets(_ destination: String) -> (hash: Int?, question: Int?) {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int?, Int?) {
            var question: Int?
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "#"): return (index, question)
                case UInt8(ascii: "?") where question == nil: question = index
                default: continue
                }
            }
            return (nil, question)
        }
        if let found = destination.utf8.withContiguousStorageIfAvailable(scan) { return found }
        return Array(destination.utf8).withUnsafeBufferPointer(scan)
    }

    private func suggestion(for target: String) -> String {
        let name = target.split(separator: "/").last.map(String.init) ?? target
        if let match = filePaths.sorted().first(where: { $0.hasSuffix("/" + name) || $0 == name }) {
            return "did you mean \(match)? Paths are relative to the file that contains the link"
        }
        return "check the path; it is relative to the file that contains the link"
    }
}
