import SBCMSContent
import SBCMSCore
import SBCMSSource

/// What a build in a new process needs to render only the outputs that show edited posts
/// (`SiteBuilder+EditedPosts.swift`): `<cache>/sites/<site>.posts` (binary), written after
/// every successful build.
///
/// It holds the fingerprint of every input except the posts' own files (`blog/*.md`), and per
/// post file its identity and the digest of what other outputs can see of the post. When the
/// other inputs are unchanged and every changed post file has the same digest, only its
/// body changed, and `SiteRenderer.tasksShowing(postAt:)` names every output that can differ.
struct EditedPostsRecord: Sendable, Equatable {
    struct Post: Sendable, Equatable {
        var identity: FileSystem.Identity
        var digest: [UInt8]
    }

    /// `CacheInputFingerprint.exceptPosts` combined with the theme's fingerprint.
    var inputsExceptPosts: String
    /// The `output/<site>/` the build switched in.
    var outputInode: UInt64
    /// Site-relative path (`blog/x.md`) → the post file's identity and visible digest.
    var posts: [String: Post]

    private static let magic = "sbcms-posts-1"

    static func path(cacheDirectory: String, siteID: String) -> String {
        cacheDirectory + "/sites/" + siteID + ".posts"
    }

    /// The digest of what outputs other than the post's own page, its API file and the lists
    /// carrying its summary can show of it: the front matter values, the URL, the heading ids
    /// (anchors other pages link to) and the pages it links to (their backlinks). The same
    /// comparison as the preview's `BodyEditor`.
    static func digest(of post: BlogPost, in graph: ContentGraph) -> [UInt8] {
        var hasher = SHA256()
        func add(_ text: String?) {
            hasher.update(text ?? "\u{0}")
            hasher.update("\u{1}")
        }
        func add(_ date: ContentDate?) {
            add(date.map { "\($0.secondsSince1970)/\($0.hasTime)" })
        }
        func add(_ list: [String]) {
            add(list.joined(separator: "\u{2}"))
        }
        add(post.source.path)
        add(post.title)
        add(post.slug)
        add(post.url)
        add(post.author)
        add(post.featuredImage)
        add(post.status.rawValue)
        add(post.isScheduled ? "scheduled" : "-")
        add(post.date)
        add(post.publishedAt)
        add(post.updated)
        add(post.categories)
        add(post.tags)
        let seo = post.seo
        add([seo.description ?? "\u{0}", seo.image ?? "\u{0}", seo.canonical ?? "\u{0}", seo.twitterCard ?? "\u{0}",
             seo.noindex ? "noindex" : "-"] + seo.keywords)
        addYAML(.map(post.params), to: &hasher)
        add(Set(post.body.headings.map(\.id)).sorted())
        add(graph.outgoingLinks[post.source.path] ?? [])
        return hasher.finalize()
    }

    /// Feeds a YAML value to `hasher` in a form that does not depend on the process.
    private static func addYAML(_ value: YAMLValue, to hasher: inout SHA256) {
        switch value {
        case .string(let text): hasher.update("s\(text.utf8.count):" + text)
        case .int(let number): hasher.update("i\(number);")
        case .double(let number): hasher.update("d\(number);")
        case .bool(let flag): hasher.update(flag ? "t;" : "f;")
        case .null: hasher.update("n;")
        case .list(let nodes):
            hasher.update("l\(nodes.count)[")
            for node in nodes { addYAML(node.value, to: &hasher) }
            hasher.update("]")
        case .map(let map):
            hasher.update("m\(map.entries.count){")
            for entry in map.entries {
                hasher.update("k\(entry.key.utf8.count):" + entry.key)
                addYAML(entry.node.value, to: &hasher)
            }
            hasher.update("}")
        }
    }

    static func load(cacheDirectory: String, siteID: String) -> EditedPostsRecord? {
        guard let bytes = try? FileSystem.readBytes(path(cacheDirectory: cacheDirectory, siteID: siteID)) else { return nil }
        var reader = BinaryReader(bytes)
        guard reader.readString() == magic, let inputs = reader.readString(), let inode = reader.readUInt(),
              let count = reader.readUInt(), count <= UInt64(bytes.count) else { return nil }
        var posts: [String: Post] = [:]
        for _ in 0..<count {
            guard let path = reader.readString(), let device = reader.readUInt(), let fileInode = reader.readUInt(),
                  let size = reader.readInt(), let modified = reader.readInt(), let digest = reader.readBytes() else { return nil }
            posts[path] = Post(identity: FileSystem.Identity(device: device, inode: fileInode, size: Int64(size),
                                                             modificationNanoseconds: Int64(modified)),
                               digest: digest)
        }
        guard reader.readString() == magic, reader.isAtEnd else { return nil }
        return EditedPostsRecord(inputsExceptPosts: inputs, outputInode: inode, posts: posts)
    }

    func save(cacheDirectory: String, siteID: String) throws {
        var writer = BinaryWriter()
        writer.write(Self.magic)
        writer.write(inputsExceptPosts)
        writer.write(outputInode)
        writer.write(UInt64(posts.count))
        for (path, post) in posts.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(post.identity.device)
            writer.write(post.identity.inode)
            writer.write(Int(post.identity.size))
            writer.write(Int(post.identity.modificationNanoseconds))
            writer.write(bytes: post.digest)
        }
        writer.write(Self.magic)
        try FileSystem.createDirectories(cacheDirectory + "/sites")
        try FileSystem.writeAtomically(writer.bytes, to: Self.path(cacheDirectory: cacheDirectory, siteID: siteID))
    }
}
