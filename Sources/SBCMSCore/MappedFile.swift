#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes mapped read-only into memory (`mmap`), unmapped when the last reference goes.
///
/// Reading mapped bytes copies nothing and allocates nothing: the pages are the page cache's
/// own. The mapping covers the file's size when it was made; bytes appended later are not in
/// it. Only for files that are never truncated or rewritten in place while mapped (an
/// append-only file): touching a mapped page past a shortened end is a `SIGBUS`.
///
/// `@unchecked Sendable`: the mapping is read-only and never changes while this object lives.
public final class MappedFile: @unchecked Sendable {
    /// The mapped bytes; empty for an empty file.
    public let bytes: UnsafeRawBufferPointer

    /// Maps the first `length` bytes of the open file `descriptor` (the descriptor may be
    /// closed afterwards); nil when the mapping fails.
    public init?(descriptor: Int32, length: Int) {
        guard length > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, 0), address != MAP_FAILED else {
            return nil
        }
        bytes = UnsafeRawBufferPointer(start: address, count: length)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    /// Bytes `range` of the mapping, which they keep alive; nil when the range lies outside it.
    public func slice(_ range: Range<Int>) -> MappedBytes? {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        return MappedBytes(file: self, range: range)
    }
}

/// A range of a `MappedFile`, holding the mapping alive.
public struct MappedBytes: Sendable {
    /// The mapping the bytes lie in.
    public let file: MappedFile
    /// Where they lie in it.
    public let range: Range<Int>

    /// How many bytes.
    public var count: Int { range.count }

    /// Calls `body` with the bytes (valid only during the call).
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(rebasing: file.bytes[range]))
    }

    /// The bytes as a string (invalid UTF-8 repaired, like `String(decoding:as:)`).
    public var string: String {
        withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Part of these bytes: `subrange` is relative to their start.
    public func slice(_ subrange: Range<Int>) -> MappedBytes? {
        guard subrange.lowerBound >= 0, subrange.upperBound <= count else { return nil }
        return MappedBytes(file: file, range: (range.lowerBound + subrange.lowerBound)..<(range.lowerBound + subrange.upperBound))
    }
}
