import Foundation
import SBCMSBuild
import SBCMSCore
import SBCMSSource
import SBCMSTestSupport

/// Builds sites with a cache in a new `BuildFarm` (all state comes from disk), into
/// `<root>/<output>`; `cache: nil` builds cold.
func buildWithCache(_ repo: FixtureRepository, _ ids: [String], output: String = "output",
                    cache: String? = ".sbcms-cache") -> [SiteBuildResult] {
    var options = BuildOptions(now: fixedNow, outputDirectory: repo.root + "/" + output)
    options.cacheDirectory = cache.map { repo.root + "/" + $0 }
    return BuildFarm(workspace: Workspace(root: repo.root), options: options).build(siteIDs: ids)
}

/// Output files with their inode, modification time and SHA-256, to tell kept files from rewritten ones.
struct OutputSnapshot {
    struct File: Equatable {
        var inode: UInt64
        var modification: Int64
        var sha256: String
    }

    var files: [String: File] = [:]

    init(_ repo: FixtureRepository, _ folder: String) throws {
        for path in repo.files(under: folder) {
            let absolute = repo.root + "/" + folder + "/" + path
            guard let identity = FileSystem.identity(absolute) else { continue }
            files[path] = File(inode: identity.inode, modification: identity.modificationNanoseconds,
                               sha256: SHA256.hex(SHA256.digest(try FileSystem.readBytes(absolute))))
        }
    }

    /// The URL of an output path: `blog/x/index.html` → `/blog/x/`.
    static func url(_ path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }
}

/// The `changes.json` of a site, decoded.
struct ChangesFile: Decodable, Equatable {
    var added: [String]
    var changed: [String]
    var removed: [String]

    init(added: [String], changed: [String], removed: [String]) {
        self.added = added
        self.changed = changed
        self.removed = removed
    }

    init(_ repo: FixtureRepository, site: String, output: String = "output") throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: repo.root + "/" + output + "/.sbcms/" + site + "/changes.json"))
        self = try JSONDecoder().decode(ChangesFile.self, from: data)
    }

    /// What changed between two snapshots of the same output folder.
    init(from before: OutputSnapshot, to after: OutputSnapshot) {
        added = after.files.keys.filter { before.files[$0] == nil }.map(OutputSnapshot.url).sorted()
        changed = after.files.keys.filter { path in before.files[path].map { $0.sha256 != after.files[path]?.sha256 } ?? false }
            .map(OutputSnapshot.url).sorted()
        removed = before.files.keys.filter { after.files[$0] == nil }.map(OutputSnapshot.url).sorted()
    }
}

/// Sets every file of the repository's sites, themes and templates to an old modification time,
/// so that the first build's input fingerprint is not "racy" (files changed within the clock's
/// granularity are never trusted as unchanged).
func ageSources(_ repo: FixtureRepository) throws {
    let past = Date(timeIntervalSince1970: 1_700_000_000)
    for folder in ["sites", "themes", "templates"] where repo.exists(folder) {
        try repo.setModificationDates(under: folder, to: past)
    }
}
