import SBCMSCore
import SBCMSSource

/// Checks the image paths of a project's front matter: they must name an existing file under
/// the site's media/ folder, written as `media/x.png`, `/media/x.png` or relative to the
/// project file (`../media/x.png`).
struct ProjectMediaPath {
    /// Site-relative path of the project file.
    let filePath: String
    let filePaths: Set<String>

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
