import Foundation
import SBCMSCore

/// When a page was last changed, by whom, and how many commits touched it.
public struct PageHistory: Sendable, Hashable {
    public var lastModified: ContentDate
    /// The author of the last commit that touched the file; nil outside git.
    public var lastEditedBy: String?
    /// Number of commits that touched the file (1 outside git).
    public var version: Int

    public init(lastModified: ContentDate, lastEditedBy: String?, version: Int) {
        self.lastModified = lastModified
        self.lastEditedBy = lastEditedBy
        self.version = version
    }
}

/// The history of every page of a site, read with a single `git log` when the site folder is
/// inside a git work tree, else from the files' modification times.
public struct PageHistoryIndex: Sendable {
    /// Site-relative path → history.
    public var entries: [String: PageHistory] = [:]
    /// True when the history came from git.
    public var fromGit = false

    public init() {}

    public subscript(path: String) -> PageHistory? { entries[path] }

    /// Reads the history of `files`. Files git does not know (new, untracked) fall back to
    /// their modification time, taken from `knownIdentities` (site-relative path → identity of
    /// the regular file, from an earlier walk) when it has the file.
    public static func load(siteDirectory: String, files: [SourceFile],
                            knownIdentities: [String: FileSystem.Identity] = [:]) -> PageHistoryIndex {
        var index = PageHistoryIndex()
        if let log = runGitLog(in: siteDirectory) {
            index.entries = parse(gitLog: log)
            index.fromGit = true
        }
        for file in files where index.entries[file.path] == nil {
            let modified = knownIdentities[file.path].map { identity in
                // Whole seconds, rounded down as `stat`'s `tv_sec` is.
                let nanoseconds = identity.modificationNanoseconds
                return ContentDate(secondsSince1970: nanoseconds >= 0 ? nanoseconds / 1_000_000_000
                                   : -((-nanoseconds + 999_999_999) / 1_000_000_000))
            }
            index.entries[file.path] = PageHistory(lastModified: modified ?? modificationTime(file.absolutePath),
                                                   lastEditedBy: nil, version: 1)
        }
        return index
    }

    /// Parses `git log --format=%x1e%an%x1f%aI --name-only --relative`: newest commit first, so
    /// the first time a path appears gives its last change.
    static func parse(gitLog: String) -> [String: PageHistory] {
        var entries: [String: PageHistory] = [:]
        for record in gitLog.split(separator: "\u{1E}") {
            let lines = record.split(separator: "\n", omittingEmptySubsequences: true)
            guard let header = lines.first else { continue }
            let fields = header.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            guard fields.count == 2, let date = ContentDate(iso: String(fields[1])) else { continue }
            let author = String(fields[0])
            for path in lines.dropFirst() {
                let key = String(path)
                if var existing = entries[key] {
                    existing.version += 1
                    entries[key] = existing
                } else {
                    entries[key] = PageHistory(lastModified: date, lastEditedBy: author, version: 1)
                }
            }
        }
        return entries
    }

    /// The log of the folder, or nil when it is not inside a git work tree (or git is missing).
    static func runGitLog(in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "-c", "core.quotepath=off", "log", "--no-renames",
                             "--format=%x1e%an%x1f%aI", "--name-only", "--relative", "--", "."]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func modificationTime(_ path: String) -> ContentDate {
        var info = stat()
        guard stat(path, &info) == 0 else { return ContentDate(secondsSince1970: 0) }
        return ContentDate(secondsSince1970: Int64(info.st_mtim.tv_sec))
    }
}
