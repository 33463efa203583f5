/// Recognises YouTube and Vimeo addresses, which are shown in an `<iframe>` player instead of
/// a `<video>` element.
enum VideoEmbed {
    enum Result: Equatable {
        /// A video file for `<video>`.
        case file
        /// The player URL for an `<iframe>`.
        case embed(String)
        /// A YouTube or Vimeo address without a recognisable video id (the host's name).
        case unrecognized(String)
    }

    /// The lowercased host of an absolute http(s) URL, nil for anything else.
    static func host(of url: String) -> String? {
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = lower.dropFirst(8) } else if lower.hasPrefix("http://") { rest = lower.dropFirst(7) } else { return nil }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@").last ?? authority
        return String(hostPort.prefix { $0 != ":" })
    }

    static func embedURL(for url: String) -> Result {
        guard let host = host(of: url) else { return .file }
        let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        let schemeEnd = url.range(of: "://").map { url[$0.upperBound...] } ?? Substring(url)
        let afterHost = schemeEnd.drop { $0 != "/" && $0 != "?" }
        let path = afterHost.prefix { $0 != "?" && $0 != "#" }
        let segments = path.split(separator: "/").map(String.init)
        switch bare {
        case "youtube.com", "m.youtube.com", "youtube-nocookie.com":
            var id: String?
            if segments.first == "watch" { id = queryValue("v", in: url) }
            if ["embed", "shorts", "live", "v"].contains(segments.first ?? ""), segments.count >= 2 { id = segments[1] }
            guard let id, isVideoID(id) else { return .unrecognized("YouTube") }
            return .embed("https://www.youtube-nocookie.com/embed/\(id)")
        case "youtu.be":
            guard let id = segments.first, isVideoID(id) else { return .unrecognized("YouTube") }
            return .embed("https://www.youtube-nocookie.com/embed/\(id)")
        case "vimeo.com", "player.vimeo.com":
            guard let id = segments.last(where: { !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
                return .unrecognized("Vimeo")
            }
            return .embed("https://player.vimeo.com/video/\(id)")
        default:
            return .file
        }
    }

    private static func queryValue(_ name: String, in url: String) -> String? {
        guard let question = url.firstIndex(of: "?") else { return nil }
        let query = url[url.index(after: question)...].prefix { $0 != "#" }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == name { return String(parts[1]) }
        }
        return nil
    }

    private static func isVideoID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
