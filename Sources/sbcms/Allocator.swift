import CMimalloc

#if canImport(Glibc)
import Glibc
#endif

/// The sbcms executable links mimalloc, which then serves every `malloc` and `free` of the
/// process (Swift runtime, cmark-gfm, libxml2 included): a build allocates and frees millions
/// of small objects from two threads at once, and mimalloc's per-thread heaps take about a
/// tenth off a cold build compared with glibc's allocator.
enum Allocator {
    /// mimalloc's version, `2.0.9`. Referring to it also keeps the linker from dropping the
    /// library, which no other code names.
    static var mimallocVersion: String {
        let version = Int(mi_version())
        return "\(version / 100).\(version / 10 % 10).\(version % 10)"
    }

    /// True when plain `malloc` returns mimalloc memory, i.e. mimalloc replaced the C library's
    /// allocator for the whole process.
    static var mallocIsMimalloc: Bool {
        guard let pointer = malloc(16) else { return false }
        defer { free(pointer) }
        return mi_is_in_heap_region(pointer)
    }

    /// One line for `sbcms --version`.
    static var description: String {
        mallocIsMimalloc ? "malloc: mimalloc \(mimallocVersion)" : "malloc: the C library's (mimalloc \(mimallocVersion) linked but not in use)"
    }
}
