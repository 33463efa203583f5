#if os(Linux)
import Glibc
@testable import SBCMSCore
import Testing

/// `FilePrefetch` only advises the kernel; what must hold is that no path stops or blocks it.
@Suite struct FilePrefetchTests {
    @Test func missingFilesAreSkippedAndAFIFODoesNotBlock() throws {
        let folder = "/tmp/sbcms-prefetch-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        #expect(mkdir(folder, 0o755) == 0)
        defer {
            for name in ["a.md", "fifo.md", "b.md"] { unlink(folder + "/" + name) }
            rmdir(folder)
        }
        try FileSystem.write(Array("# A\n".utf8), to: folder + "/a.md")
        try FileSystem.write(Array("# B\n".utf8), to: folder + "/b.md")
        #expect(mkfifo(folder + "/fifo.md", 0o644) == 0)
        let paths = [folder + "/a.md", folder + "/missing.md", folder + "/fifo.md", folder + "/b.md"]
        // Without a writer, a blocking open of the FIFO would never return.
        #expect(FilePrefetch.askForFiles(paths) { false } == 3)
        #expect(FilePrefetch.askForFiles(paths) { true } == 0, "cancelled before the first file")
    }
}
#endif
