import Foundation
import SBCMSCore
import Testing

/// `FileSystem.readBytes` reads into uninitialised memory sized from `fstat`, then the rest of a
/// file that reported no size or more bytes than its size.
@Suite struct FileSystemReadTests {
    @Test func filesOfEverySizeAreReadWhole() throws {
        let folder = NSTemporaryDirectory() + "sbcms-read-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for size in [0, 1, 4095, 65_536, 300_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let path = folder + "/file-\(size)"
            try FileSystem.write(bytes, to: path)
            #expect(try FileSystem.readBytes(path) == bytes, "size \(size)")
        }
    }

    @Test func aFileWithoutASizeIsReadToItsEnd() throws {
        // /proc files report size 0 and are read until read() returns 0.
        let status = try FileSystem.readBytes("/proc/self/status")
        #expect(String(decoding: status, as: UTF8.self).contains("Name:"))
        // One longer than the first buffer (64 KiB) takes the second loop.
        if let symbols = try? FileSystem.readBytes("/proc/kallsyms"), symbols.count > 65_536 {
            #expect(symbols.last == UInt8(ascii: "\n"))
            #expect(!symbols.contains(0))
        }
        #expect(throws: (any Error).self) { try FileSystem.readBytes("/nonexistent/sbcms-file") }
    }
}
