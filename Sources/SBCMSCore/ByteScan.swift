#if canImport(Glibc)
import Glibc
#endif

/// Byte searches over whole files with `memchr`, which scans many bytes per step; the generic
/// `Sequence.contains` looks at one byte at a time.
public enum ByteScan {
    /// True when `bytes` holds `byte`.
    public static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { contains(byte, in: $0) }
    }

    /// True when the UTF-8 of `text` holds `byte`.
    public static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { contains(byte, in: $0) } ?? text.utf8.contains(byte)
    }

    /// True when `buffer` holds `byte`.
    public static func contains(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
        return memchr(base, Int32(byte), buffer.count) != nil
    }
}
