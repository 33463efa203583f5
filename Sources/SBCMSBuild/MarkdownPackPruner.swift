import SBCMSCore

#if canImport(Glibc)
import Glibc
#endif

/// Keeps the Markdown cache's packs from growing without end: removes the packs whose index was
/// not used or written since a cutoff, and merges the rest into one pack when there are many.
/// A merge writes the new pack and its index completely before it removes the old packs, so a
/// crash in the middle leaves entries twice, never lost. Entries another process appends to a
/// pack while it is merged are lost (misses for a later build).
struct MarkdownPackPruner {
    let directory: String

    struct Outcome {
        var removedEntries = 0
        /// Packs were removed or merged: an index read before is out of date.
        var changedPacks = false
    }

    func prune(unusedBefore cutoff: Int64, orphansBefore orphanCutoff: Int64, compactAbove limit: Int) -> Outcome {
        var outcome = Outcome()
        var remaining: [String] = []
        for name in MarkdownPackIndex.names(in: directory) {
            let index = MarkdownPackIndex.indexPath(directory, name)
            if FileSystem.exists(MarkdownPackIndex.packPath(directory, name)),
               let used = FileSystem.identity(index)?.modificationNanoseconds, used >= cutoff {
                remaining.append(name)
                continue
            }
            outcome.removedEntries += Set(MarkdownPackIndex.read(directory, name).map(\.key)).count
            remove(name)
            outcome.changedPacks = true
        }
        // A pack without an index: its writer was killed between making the two files, or the
        // pruning that removed its index was.
        for file in FileSystem.list(directory) where file.hasSuffix(".pack") {
            let name = String(file.dropLast(5))
            guard !FileSystem.exists(MarkdownPackIndex.indexPath(directory, name)),
                  let modified = FileSystem.identity(directory + "/" + file)?.modificationNanoseconds,
                  modified < orphanCutoff else { continue }
            unlink(directory + "/" + file)
        }
        if remaining.count > limit, merge(remaining) { outcome.changedPacks = true }
        return outcome
    }

    /// Copies every whole entry of `names` (each key once, its newest whole record) into a new
    /// pack, then removes them.
    private func merge(_ names: [String]) -> Bool {
        guard let target = MarkdownPackWriter(directory: directory) else { return false }
        var copied: Set<String> = []
        for name in names.reversed() {
            let records = MarkdownPackIndex.read(directory, name).reversed()
            let descriptor = open(MarkdownPackIndex.packPath(directory, name), O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            for record in records where !copied.contains(record.key) {
                guard let payload = MarkdownPackIndex.readPayload(descriptor, offset: record.offset, length: record.length),
                      CacheMarkdownStore.decode(payload) != nil else { continue }
                guard target.append(payload, key: record.key) != nil else {
                    target.close()
                    remove(target.name)
                    return false
                }
                copied.insert(record.key)
            }
        }
        target.close()
        for name in names { remove(name) }
        return true
    }

    /// Removes a pack, its index first: a pack left without one by a crash is removed later.
    private func remove(_ name: String) {
        unlink(MarkdownPackIndex.indexPath(directory, name))
        unlink(MarkdownPackIndex.packPath(directory, name))
    }
}
