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

    /// The fingerprint of everything but the theme, or nil when a file was modified so recently
    /// that a further change could go unnoticed (see `FileSystem.Identity.isRacy`): such a
    /// build is never trusted as up to date. Taken before any of these files is read.
    static func base(workspace: Workspace, siteID: String, options: BuildOptions) -> [UInt8]? {
        var hasher = MetadataHasher()
        return hashBase(&hasher, workspace: workspace, siteID: siteID, options: options)
    }

    /// Stands for the identity of a post file modified too recently to be trusted: such a file
    /// always counts as edited, now and in the next build.
    static let unknownIdentity = FileSystem.Identity(device: 0, inode: 0, size: -1, modificationNanoseconds: -1)

    /// The base fingerprint without the post files' identities (`blog/*.md` count by path
    /// only, and the `blog/` folder's own identity, which a save through a rename changes, not
    /// at all), with each post file's identity; nil when racy. See `EditedPostsRecord`.
    static func exceptPosts(workspace: Workspace, siteID: String,
                            options: BuildOptions) -> (fingerprint: [UInt8], posts: [String: FileSystem.Identity])? {
        var hasher = MetadataHasher()
        hasher.postFiles = [:]
        guard let fingerprint = hashBase(&hasher, workspace: workspace, siteID: siteID, options: options),
              let posts = hasher.postFiles else { return nil }
        return (fingerprint, posts)
    }

    private static func hashBase(_ hasher: inout MetadataHasher, workspace: Workspace, siteID: String,
                                 options: BuildOptions) -> [UInt8]? {
        hasher.sha.update("sbcms-input-\(formatVersion)")
        hasher.sha.update(siteID)
        hasher.sha.update(options.outputDirectory)
        hasher.sha.update(options.includeDrafts ? "drafts" : "-")
        hasher.sha.update(options.includeFuture ? "future" : "-")
        hasher.sha.update(options.baseURLOverride ?? "-")
        hasher.sha.update(options.fingerprintsAssetNames ? "hashed-assets" : "plain-assets")
        hasher.add("executable", executableIdentity())
        hasher.addTree("site", workspace.siteDirectory(siteID))
        hasher.addTree("templates", workspace.templatesDirectory)
        hasher.add("farm configuration", FileSystem.identity(workspace.root + "/sbcms.yaml"))
        if let git = gitDirectory(from: workspace.siteDirectory(siteID)) {
            for name in ["HEAD", "index", "packed-refs", "logs/HEAD"] { hasher.add("git:" + name, FileSystem.identity(git + "/" + name)) }
        }
        return hasher.finalize()
    }

    /// The fingerprint of a theme folder (nil when racy); taken before the theme is read.
    static func theme(workspace: Workspace, name: String) -> [UInt8]? {
        var hasher = MetadataHasher()
        hasher.sha.update("theme:" + name)
        hasher.addTree("theme", workspace.themeDirectory(name))
        return hasher.finalize()
    }

    /// The site's whole input fingerprint: the base and the theme's.
    static func combine(base: [UInt8]?, theme: [UInt8]?) -> String? {
        guard let base, let theme else { return nil }
        return SHA256.hex(SHA256.digest(base + theme))
    }

    /// Hashes file identities, and notes whether any file is racy.
    private struct MetadataHasher {
        var sha = SHA256()
        var isRacy = false
        let observedAt = FileSystem.Identity.wallClockNanoseconds()
        /// When not nil, the site's post files are collected here and hashed by path only.
        var postFiles: [String: FileSystem.Identity]?

        mutating func add(_ label: String, _ identity: FileSystem.Identity?) {
            sha.update(label)
            guard let identity else { return sha.update("missing") }
            sha.update(Int64(bitPattern: identity.device))
            sha.update(Int64(bitPattern: identity.inode))
            sha.update(identity.size)
            sha.update(identity.modificationNanoseconds)
        }

        mutating func addTree(_ label: String, _ root: String) {
            sha.update("tree:" + label)
            add(label, FileSystem.identity(root))
            let collectsPosts = postFiles != nil && label == "site"
            CacheInputFingerprint.walk(root) { relative, identity, isDirectory in
                let racy = !isDirectory && identity?.isRacy(observedAt: observedAt) == true
                if collectsPosts, relative == "blog" || Self.isPostFile(relative, isDirectory: isDirectory) {
                    sha.update(relative)
                    // A post file modified just now may change again with the same identity: it is
                    // recorded as `unknownIdentity`, which equals no real one, so the next build
                    // takes it for edited.
                    if relative != "blog" { postFiles?[relative] = racy ? CacheInputFingerprint.unknownIdentity : identity }
                    return
                }
                if racy { isRacy = true }
                add(relative, identity)
            }
        }

        /// `blog/<name>.md`: a post file.
        static func isPostFile(_ relative: String, isDirectory: Bool) -> Bool {
            !isDirectory && relative.hasPrefix("blog/") && relative.hasSuffix(".md")
                && !relative.dropFirst("blog/".count).contains("/")
        }

        mutating func finalize() -> [UInt8]? {
            isRacy ? nil : sha.finalize()
        }
    }

    /// Every entry below `root`, sorted, symlinks not followed; hidden files count (a changed
    /// `.gitignore` is harmless, a missed file is not), hidden folders (`.git`) are not entered.
    fileprivate static func walk(_ root: String, _ visit: (String, FileSystem.Identity?, Bool) -> Void) {
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
