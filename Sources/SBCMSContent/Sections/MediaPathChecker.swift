import SBCMSCore
import SBCMSSource

/// Checks a media path written in front matter or YAML (`featured_image`, `images`, a video's
/// `poster`...): it must name an existing file under the site's media/ folder, written as
/// `media/x.png`, `/media/x.png` or relative to the file it is written in (`../media/x.png`).
/// A path that leaves the site is `path-outside-site`, never a read.
struct MediaPathChecker {
    /// Site-relative path of the file the path is written in.
    let filePath: String
    let filePaths: Set<String>

    /// The site-relative path of `path` written in the value `node` (or, without one, in the
    /// map `reader` reads), or nil after reporting why it is not usable.
    func check(_ path: String, node: YAMLNode?, key: String, reader: inout FieldReader) -> String? {
        let location = node.map(reader.location(of:)) ?? reader.location.at(line: reader.mapLine, column: 1)
        return check(path, at: location, key: key, reader: &reader)
    }

    /// The site-relative path of `path`, or nil after reporting why it is not usable.
    func check(_ path: String, at location: SourceLocation, key: String, reader: inout FieldReader) -> String? {
        let resolved: String?
        if path.hasPrefix("/") {
            resolved = SitePath.resolve(String(path.dropFirst()), from: "")
        } else if path.hasPrefix("./") || path.hasPrefix("../") {
            resolved = SitePath.resolve(path, from: filePath)
        } else {
            resolved = SitePath.resolve(path, from: "")
        }
        guard !SitePath.hasScheme(path) else {
            reader.report(.error("invalid-media-path", at: location,
                                 "`\(key)` must be a file under media/, found the URL '\(path)'",
                                 hint: "download the image into the site's media/ folder and write `\(key): media/<file>`"))
            return nil
        }
        guard let resolved else {
            reader.report(.error("path-outside-site", at: location,
                                 "`\(key)` points outside the site folder: '\(path)'",
                                 hint: "put the image in the site's media/ folder and write `\(key): media/<file>`"))
            return nil
        }
        let parts = resolved.split(separator: "/")
        guard parts.first == "media", parts.count >= 2 else {
            reader.report(.error("invalid-media-path", at: location,
                                 "`\(key)` must be a file under media/, found '\(path)'",
                                 hint: "put the image in the site's media/ folder and write `\(key): media/<file>`"))
            return nil
        }
        guard filePaths.contains(resolved) else {
            reader.report(.error("missing-image", at: location,
                                 "`\(key)` points to \(resolved), which does not exist",
                                 hint: "add the file under the site's media/ folder or fix the path"))
            return nil
        }
        return resolved
    }
}
