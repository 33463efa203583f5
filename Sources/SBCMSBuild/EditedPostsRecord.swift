import SBCMSContent
import SBCMSCore

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

    /// `CacheInputFingerprint.BaseFingerprints.exceptPosts` combined with the theme's fingerprint.
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
    /// carrying its summary can show of it: its metadata (`BlogPost.metadataDigest`, the
    /// comparison the preview's `BodyEditor` makes too), the heading ids (anchors other pages
    /// link to) and the pages it links to (their backlinks).
    static func digest(of post: BlogPost, in graph: ContentGraph) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(post.metadataDigest)
        hasher.update(Set(post.body.headings.map(\.id)).sorted().joined(separator: "\u{2}"))
        hasher.update("\u{1}")
        hasher.update((graph.outgoingLinks[post.source.path] ?? []).joined(separator: "\u{2}"))
        return hasher.finalize()
    }

    static func load(cacheDirectory: String, siteID: String) -> EditedPostsRecord? {
        guard let bytes = try? FileSystem.readBytes(path(cacheDirectory: cacheDirectory, siteID: siteID)) else { return nil }
        var reader = BinaryReader(bytes)
        guard reader.readString() == magic, let inputs = reader.readString(), let inode = reader.readUInt(),
              let count = reader.readUInt(), count <= UInt64(bytes.count) else { return nil }
        var posts: [String: Post] = [:]
        for _ in 0..<count {
            guard let path = reader.readString(), let identity = reader.readIdentity(), let digest = reader.readBytes()
            else { return nil }
            posts[path] = Post(identity: identity, digest: digest)
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
            writer.write(post.identity)
            writer.write(bytes: post.digest)
        }
        writer.write(Self.magic)
        try FileSystem.createDirectories(cacheDirectory + "/sites")
        try FileSystem.writeAtomically(writer.bytes, to: Self.path(cacheDirectory: cacheDirectory, siteID: siteID))
    }
}
