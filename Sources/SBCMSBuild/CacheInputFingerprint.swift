import SBCMSCore
import SBCMSSource

#if canImport(Glibc)
import Glibc
#endif

/// A fingerprint of everything a site's output is made from, computed from file metadata only
/// (path, size, modification time in nanoseconds, inode) so it costs one `lstat` per file:
/// the site folder, its theme, `templates/`, the git state that page history reads, the build
/// options and the sbcms executable. Equal fingerprints (and a time inside the same schedule
/// window) mean the previous output is still exact.
enum CacheInputFingerprint {
    /// Bump when a change of sbcms changes output for the same input.
    static let formatVersion = 1

    /// The fingerprint, or nil when a file was modified so recently that a further change could
    /// go unnoticed (see `FileSystem.Identity.isRacy`): such a build is never trusted as up to date.
    static func compute(workspace: Workspace, siteID: String, theme: String?, options: BuildOptions) -> String? {
        let observedAt = FileSystem.Identity.wallClockNanoseconds()
        var isRacy = false
        var hasher = SHA256()
        hasher.update("sbcms-input-\(formatVersion)")
        hasher.update(siteID)
        hasher.update(options.outputDirectory)
        hasher.update(options.includeDrafts ? "drafts" : "-")
        hasher.update(options.includeFuture ? "future" : "-")
        hasher.update(options.baseURLOverride ?? "-")
        func add(_ label: String, _ identity: FileSystem.Identity?) {
            hasher.update(label)
            guard let identity else { return hasher.update("missing") }
            hasher.update(Int64(bitPattern: identity.device))
            hasher.update(Int64(bitPattern: identity.inode))
            hasher.update(identity.size)
            hasher.update(identity.modificationNanoseconds)
        }
        add("executable", executableIdentity())
        func addTree(_ label: String, _ root: String) {
            hasher.update("tree:" + label)
            add(label, FileSystem.identity(root))
            walk(root) { relative, identity, isDirectory in
                add(relative, identity)
                if !isDirectory, let identity, identity.isRacy(observedAt: observedAt) { isRacy = true }
            }
        }
        addTree("site", workspace.siteDirectory(siteID))
        if let theme { addTree("theme", workspace.themeDirectory(theme)) }
        addTree("templates", workspace.templatesDirectory)
        add("farm configuration", FileSystem.identity(workspace.root + "/sbcms.yaml"))
        if let git = gitDirectory(from: workspace.siteDirectory(siteID)) {
            for name in ["HEAD", "index", "packed-refs", "logs/HEAD"] { add("git:" + name, FileSystem.identity(git + "/" + name)) }
        }
        return isRacy ? nil : SHA256.hex(hasher.finalize())
    }

    /// Every entry below `root`, sorted, symlinks not followed; hidden files count (a changed
    /// `.gitignore` is harmless, a missed file is not), hidden folders (`.git`) are not entered.
    private static func walk(_ root: String, _ visit: (String, FileSystem.Identity?, Bool) -> Void) {
        func descend(_ relative: String) {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            for name in FileSystem.list(absolute) {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(absolute + "/" + name, &info) == 0 else {
                    visit(child, nil, false)
                    continue
                }
                let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                visit(child, FileSystem.Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                                                 modificationNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000
                                                     + Int64(info.st_mtim.tv_nsec)), isDirectory)
                if isDirectory, !name.hasPrefix(".") { descend(child) }
            }
        }
        descend("")
    }

    /// The identity of the running executable (a rebuilt sbcms never trusts an older cache).
    private static func executableIdentity() -> FileSystem.Identity? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return FileSystem.Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                                   modificationNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// The `.git` folder of the work tree that holds `directory`, if any.
    private static func gitDirectory(from directory: String) -> String? {
        var folder = directory
        while !folder.isEmpty {
            let candidate = folder + "/.git"
            if FileSystem.isDirectory(candidate) { return candidate }
            if FileSystem.exists(candidate) {
                // A linked work tree: `.git` is a file naming the real git folder.
                if let text = try? FileSystem.readText(candidate), text.hasPrefix("gitdir: ") {
                    return String(text.dropFirst("gitdir: ".count).prefix { $0 != "\n" })
                }
                return nil
            }
            guard let slash = folder.lastIndex(of: "/") else { break }
            folder = String(folder[..<slash])
        }
        return nil
    }
}
