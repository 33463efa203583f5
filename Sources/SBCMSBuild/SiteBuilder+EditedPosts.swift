import SBCMSContent
import SBCMSCore
import SBCMSRender

/// Edited posts in a new process: when the only inputs that changed since the last build are
/// post files, and each changed post shows other pages the same things as before (the same
/// `EditedPostsRecord.digest`: front matter, URL, heading ids, linked pages), only the body
/// changed, and the build renders the outputs `SiteRenderer.tasksShowing(postAt:)` names and
/// keeps every other file of the previous output, without fingerprinting every page. This is
/// the preview's fast path (`PreviewSession`), with the graph read from disk instead of memory.
extension SiteBuilder {
    /// Reads the last build's record (after the up-to-date check failed; the fingerprints were
    /// taken by `checkCache`).
    func loadEditedPostsCheck(_ check: inout SiteCacheCheck, siteID: String) {
        guard let cacheDirectory = options.cacheDirectory else { return }
        check.editedPostsRecord = EditedPostsRecord.load(cacheDirectory: cacheDirectory, siteID: siteID)
    }

    /// The indexes in `graph.posts` of the edited posts, when the short cut applies.
    func editedPostIndexes(_ check: SiteCacheCheck, graph: ContentGraph, siteID: String) -> [Int]? {
        guard let record = check.editedPostsRecord, let current = check.exceptPosts, let state = check.state,
              state.coversTime(options.now.secondsSince1970),
              let inputs = check.inputsExceptPosts, inputs == record.inputsExceptPosts,
              FileSystem.identity(options.outputDirectory + "/" + siteID)?.inode == record.outputInode
        else { return nil }
        let changed = current.posts.filter { path, identity in
            identity == CacheInputFingerprint.unknownIdentity || record.posts[path]?.identity != identity
        }.map(\.key)
        guard !changed.isEmpty, current.posts.count == record.posts.count else { return nil }
        var indexByPath: [String: Int] = [:]
        indexByPath.reserveCapacity(graph.posts.count)
        for index in graph.posts.indices { indexByPath[graph.posts[index].source.path] = index }
        var indexes: [Int] = []
        for path in changed.sorted() {
            guard let index = indexByPath[path],
                  EditedPostsRecord.digest(of: graph.posts[index], in: graph) == record.posts[path]?.digest
            else { return nil }
            indexes.append(index)
        }
        return indexes
    }

    /// Renders what shows the edited posts and keeps the rest of the previous output; nil (and
    /// nothing switched in) when a file cannot be kept, a quota stops it, or the tree would not
    /// hold exactly `plannedFiles` files: then the site is built the ordinary way.
    func writeOnlyWhatShowsEditedPosts(_ indexes: [Int], renderer: SiteRenderer, prelink: SparePrelink?, plannedFiles: Int,
                                       plannedPages: Int, siteID: String,
                                       quota: QuotaGuard) -> (writer: OutputWriter, changes: OutputWriter.Changes)? {
        prelink?.wait()
        guard let writer = try? OutputWriter(siteID: siteID, outputDirectory: options.outputDirectory) else { return nil }
        var rendering = renderer
        rendering.previousPageFingerprints = [:]  // render, and record each page's fingerprint
        let full = rendering
        var seen = Set<RenderTask>()
        let tasks = indexes.flatMap { renderer.tasksShowing(postAt: $0) }.filter { seen.insert($0).inserted }
        let written = Parallel.map(tasks) { task -> Bool in
            guard quota.mayRender() else { return false }
            let file = full.render(task)
            guard quota.admit(file) else { return false }
            return (try? writer.write(file)) == true
        }
        guard !written.contains(false), quota.breach == nil,
              writer.keepEveryOtherPreviousFile(admit: { quota.admit(bytes: $0) }), writer.fileCount == plannedFiles,
              let changes = try? writer.finish(), (try? writer.commit()) != nil
        else {
            writer.discard()
            quota.forgetOutputBytes()
            return nil
        }
        // Pages kept count as built, as in the ordinary build (the progress line's pages/s).
        options.pageCounter?.add(plannedPages)
        return (writer, changes)
    }

    /// Records, after a successful build, what the next build needs for the short cut. After
    /// the short cut itself (`tookShortCut`), every post's digest is the recorded one: the
    /// edited posts' were compared equal, and nothing the others' depend on changed.
    func saveEditedPostsRecord(_ check: SiteCacheCheck, siteID: String, graph: ContentGraph, outputInode: UInt64,
                               tookShortCut: Bool) {
        guard let cacheDirectory = options.cacheDirectory else { return }
        let path = EditedPostsRecord.path(cacheDirectory: cacheDirectory, siteID: siteID)
        guard let current = check.exceptPosts, let inputs = check.inputsExceptPosts else {
            FileSystem.removeTree(path)  // a stale record must not be used with a newer output
            return
        }
        let digests: [String: [UInt8]]
        if tookShortCut, let previous = check.editedPostsRecord {
            digests = previous.posts.mapValues(\.digest)
        } else {
            let postDigests = Parallel.map(graph.posts) { post in
                (post.source.path, EditedPostsRecord.digest(of: post, in: graph))
            }
            digests = Dictionary(postDigests, uniquingKeysWith: { first, _ in first })
        }
        var posts: [String: EditedPostsRecord.Post] = [:]
        for (path, identity) in current.posts {
            // A post file that is not in the graph (a draft) has no digest: editing it is never
            // taken for a body edit.
            posts[path] = EditedPostsRecord.Post(identity: identity, digest: digests[path] ?? [])
        }
        let record = EditedPostsRecord(inputsExceptPosts: inputs, outputInode: outputInode, posts: posts)
        try? record.save(cacheDirectory: cacheDirectory, siteID: siteID)
    }
}
