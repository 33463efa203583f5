import Foundation
import SBCMSCore
import SBCMSSource

/// Finds the site's media files by their URL and turns them into `data:` URIs, each file read
/// and encoded once. Used by one export at a time.
final class MediaEmbedder {
    private let files: [String: SourceFile]
    private var cache: [String: String] = [:]

    /// Number of distinct files turned into `data:` URIs so far.
    var embeddedCount: Int { cache.count }

    init(media: [SourceFile]) {
        files = Dictionary(media.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The media file a site URL such as `/media/a%20b.png` names, if the site has it.
    func file(forURLPath path: String) -> SourceFile? {
        guard path.hasPrefix("/media/") else { return nil }
        return files[SitePath.percentDecoded(String(path.dropFirst()))]
    }

    /// `data:<type>;base64,...` for a media file.
    func dataURI(for file: SourceFile) throws -> String {
        if let cached = cache[file.path] { return cached }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(file.absolutePath)
        } catch {
            throw ExportError.io("cannot read \(file.displayPath) to embed it: \(error)")
        }
        let uri = "data:\(MediaType.forPath(file.path));base64,\(Data(bytes).base64EncodedString())"
        cache[file.path] = uri
        return uri
    }
}
