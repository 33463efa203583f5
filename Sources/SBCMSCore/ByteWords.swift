/// Eight bytes at a time (SWAR): a text's bytes loaded as little-endian `UInt64` words, and exact
/// per-byte tests on them. Each test returns a mask with the high bit of every matching byte set
/// (bit `8 * i + 7` for the byte at offset `i`), so `nonzeroBitCount` counts the matches and
/// `trailingZeroBitCount / 8` is the offset of the first.
public enum ByteWords {
    /// 0x01 in every byte.
    public static let ones: UInt64 = 0x0101_0101_0101_0101
    /// 0x80 in every byte.
    public static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `base + index` (no alignment needed).
    @inline(__always)
    public static func load(_ base: UnsafePointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }

    /// True when every byte of `word` is ASCII (below 0x80).
    @inline(__always)
    public static func isASCII(_ word: UInt64) -> Bool { word & highs == 0 }

    /// The bytes that are zero. Exact: no carry crosses from one byte into the next.
    @inline(__always)
    public static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & ~highs) &+ ~highs) | word) & highs
    }

    /// The bytes equal to `byte`.
    @inline(__always)
    public static func bytes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        zeroBytes(word ^ (ones &* UInt64(byte)))
    }

    /// Whether any byte of `word` is zero (the mask above may mark bytes after the first zero
    /// wrongly; the answer itself is exact).
    @inline(__always)
    public static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highs != 0
    }

    /// Whether any byte of `word` is below `bound` (at most 0x80).
    @inline(__always)
    public static func hasByte(_ word: UInt64, below bound: UInt8) -> Bool {
        (word &- ones &* UInt64(bound)) & ~word & highs != 0
    }

    /// The ASCII whitespace bytes (space, and 0x09 to 0x0D) of an ASCII word (`isASCII`).
    @inline(__always)
    public static func asciiSpaces(_ word: UInt64) -> UInt64 {
        // With the high bit set, subtracting a bound below 0x80 borrows nowhere; the result's
        // high bit says whether the byte was at least that bound.
        let raised = word | highs
        let atLeastTab = (raised &- ones &* 0x09) & highs
        let atLeastAfterCR = (raised &- ones &* 0x0E) & highs
        return bytes(word, equalTo: 0x20) | (atLeastTab & ~atLeastAfterCR)
    }
}
