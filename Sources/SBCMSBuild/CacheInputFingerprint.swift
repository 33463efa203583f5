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

    /// What one walk over a site's inputs (everything but the theme) gives.
    struct BaseFingerprints {
        /// The fingerprint of everything but the theme, or nil when a file was modified so
        /// recently that a further change could go unnoticed (see `FileSystem.Identity.isRacy`):
        /// such a build is never trusted as up to date.
        var base: [UInt8]?
        /// The same without the post files' identities (`blog/*.md` count by path only, and
        /// the `blog/` folder's own identity, which a save through a rename changes, not at
        /// all), with each post file's identity; nil when a file other than a post is racy.
        /// See `EditedPostsRecord`.
        var exceptPosts: (fingerprint: [UInt8], posts: [String: FileSystem.Identity])?
        /// The identity of every file of the site folder (site-relative path) but those
        /// modified too recently to be trusted (see `CacheMarkdownSplits`).
        var siteFiles: [String: FileSystem.Identity] = [:]
    }

    /// Stands for the identity of a post file modified too recently to be trusted: such a file
    /// always counts as edited, now and in the next build.
    static let unknownIdentity = FileSystem.Identity(device: 0, inode: 0, size: -1, modificationNanoseconds: -1)

    /// Both base fingerprints, from one `lstat` per file; taken before any of these files is read.
    static func base(workspace: Workspace, siteID: String, options: BuildOptions) -> BaseFingerprints {
        var hasher = MetadataHasher()
        hasher.collectsPosts = true
        hasher.update("sbcms-input-\(formatVersion)")
        hasher.update(siteID)
        hasher.update(options.outputDirectory)
        hasher.update(options.includeDrafts ? "drafts" : "-")
        hasher.update(options.includeFuture ? "future" : "-")
        hasher.update(options.baseURLOverride ?? "-")
        hasher.update(options.fingerprintsAssetNames ? "hashed-assets" : "plain-assets")
        hasher.add("executable", executableIdentity())
        hasher.addTree("site", workspace.siteDirectory(siteID))
        hasher.addTree("templates", workspace.templatesDirectory)
        hasher.add("farm configuration", FileSystem.identity(workspace.root + "/sbcms.yaml"))
        if let git = gitDirectory(from: workspace.siteDirectory(siteID)) {
            for name in ["HEAD", "index", "packed-refs", "logs/HEAD"] { hasher.add("git:" + name, FileSystem.identity(git + "/" + name)) }
        }
        let exceptPosts = hasher.isRacyExceptPosts ? nil : hasher.exceptPosts.finalize()
        return BaseFingerprints(base: hasher.finalize(), exceptPosts: exceptPosts.map { ($0, hasher.postFiles) },
                                siteFiles: hasher.siteFiles)
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

    /// Hashes file identities, and notes whether any file is racy. With `collectsPosts`, it
    /// also keeps a second fingerprint without the site's post files, and their identities.
    private struct MetadataHasher {
        var sha = SHA256()
        var isRacy = false
        let observedAt = FileSystem.Identity.wallClockNanoseconds()
        var collectsPosts = false
        var exceptPosts = SHA256()
        var isRacyExceptPosts = false
        var postFiles: [String: FileSystem.Identity] = [:]
        var siteFiles: [String: FileSystem.Identity] = [:]

        mutating func update(_ text: String) {
            sha.update(text)
            if collectsPosts { exceptPosts.update(text) }
        }

        mutating func add(_ label: String, _ identity: FileSystem.Identity?, isPost: Bool = false) {
            Self.add(label, identity, to: &sha)
            if collectsPosts {
                if isPost { exceptPosts.update(label) } else { Self.add(label, identity, to: &exceptPosts) }
            }
        }

        private static func add(_ label: String, _ identity: FileSystem.Identity?, to sha: inout SHA256) {
            sha.update(label)
            guard let identity else { return sha.update("missing") }
            sha.update(Int64(bitPattern: identity.device))
            sha.update(Int64(bitPattern: identity.inode))
            sha.update(identity.size)
            sha.update(identity.modificationNanoseconds)
        }

        mutating func addTree(_ label: String, _ root: String) {
            update("tree:" + label)
            add(label, FileSystem.identity(root))
            let inSite = collectsPosts && label == "site"
            CacheInputFingerprint.walk(root) { relative, identity, kind in
                let isDirectory = kind == .directory
                let racy = !isDirectory && identity?.isRacy(observedAt: observedAt) == true
                if racy { isRacy = true }
                // Only regular files: a symlink's own identity does not change with its target.
                if inSite, kind == .regularFile, !racy, let identity { siteFiles[relative] = identity }
                guard inSite, relative == "blog" || Self.isPostFile(relative, isDirectory: isDirectory) else {
                    if racy { isRacyExceptPosts = true }
                    return add(relative, identity)
                }
                add(relative, identity, isPost: true)
                // A post file modified just now may change again with the same identity: it is
                // recorded as `unknownIdentity`, which equals no real one, so the next build
                // takes it for edited.
                if relative != "blog" { postFiles[relative] = racy ? CacheInputFingerprint.unknownIdentity : identity }
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
    fileprivate enum EntryKind: Sendable {
        case directory, regularFile, other
    }

    fileprivate struct Entry: Sendable {
        var relative: String
        var identity: FileSystem.Identity?
        var kind: EntryKind
    }

    /// Visits every entry in walk order (each entry, then what is below it). The folders just
    /// below `root` are listed and `lstat`ed on all cores (one `lstat` per file is most of an
    /// incremental build's first tenth of a second), then visited in order, so the hashes that
    /// depend on the order are the same.
    fileprivate static func walk(_ root: String, _ visit: (String, FileSystem.Identity?, EntryKind) -> Void) {
        var top: [Entry] = []
        collect(root, "", descending: false, into: &top)
        let subtrees = Parallel.map(top) { entry -> [Entry] in
            var below: [Entry] = []
            if entry.kind == .directory, !entry.relative.hasPrefix(".") { collect(root, entry.relative, descending: true, into: &below) }
            return below
        }
        for (entry, below) in zip(top, subtrees) {
            visit(entry.relative, entry.identity, entry.kind)
            for child in below { visit(child.relative, child.identity, child.kind) }
        }
    }

    /// Appends the entries of the folder `relative` (below `root`) in walk order; with
    /// `descending`, what is below its folders too.
    private static func collect(_ root: String, _ relative: String, descending: Bool, into entries: inout [Entry]) {
        let absolute = relative.isEmpty ? root : root + "/" + relative
        for name in FileSystem.list(absolute) {
            let child = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(absolute + "/" + name, &info) == 0 else {
                entries.append(Entry(relative: child, identity: nil, kind: .other))
                continue
            }
            let type = info.st_mode & S_IFMT
            let isDirectory = type == S_IFDIR
            let identity = FileSystem.Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                                               modificationNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000
                                                   + Int64(info.st_mtim.tv_nsec))
            entries.append(Entry(relative: child, identity: identity,
                                 kind: isDirectory ? .directory : type == S_IFREG ? .regularFile : .other))
            if descending, isDirectory, !name.hasPrefix(".") { collect(root, child, descending: true, into: &entries) }
        }
    }

    /// The identity of the running executable (a rebuilt sbcms never trusts an older cache).
    static func executableIdentity() -> FileSystem.Identity? {
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
