/// A fast, stable 64-bit FNV-1a hash, used for asset fingerprints and cache keys.
public struct ContentHash: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        value = hash
    }

    public mutating func combine(_ text: String) {
        combine(text.utf8)
        combine(CollectionOfOne(0))
    }

    /// The hash as 16 lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> ContentHash where Bytes.Element == UInt8 {
        var hash = ContentHash()
        hash.combine(bytes)
        return hash
    }
}
