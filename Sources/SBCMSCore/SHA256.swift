import Crypto

/// SHA-256 for output manifests, cache keys and fingerprints: feed bytes with `update`, read the
/// digest with `finalize` (once). Backed by swift-crypto (BoringSSL's assembly on Linux).
public struct SHA256 {
    private var hasher = Crypto.SHA256()

    public init() {}

    /// Adds bytes to the message.
    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
    }

    /// Adds bytes to the message.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update($0) }) { return done }
        let array = Array(bytes)
        array.withUnsafeBufferPointer { update($0) }
    }

    /// Adds a string's UTF-8 bytes followed by a 0 byte (so consecutive strings never run together).
    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update($0) }
        update(CollectionOfOne(UInt8(0)))
    }

    /// Adds an integer as 8 little-endian bytes.
    public mutating func update(_ value: Int64) {
        var value = value.littleEndian
        withUnsafeBytes(of: &value) { hasher.update(bufferPointer: $0) }
    }

    /// The 32-byte digest.
    public mutating func finalize() -> [UInt8] {
        Array(hasher.finalize())
    }

    /// The digest of `bytes`.
    public static func digest<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Lowercase hex of a digest.
    public static func hex(_ digest: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        appendHex(digest, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the lowercase hex of `bytes` to UTF-8 `output` (for JSON written as bytes).
    public static func appendHex(_ bytes: [UInt8], to output: inout [UInt8]) {
        for byte in bytes {
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 15)])
        }
    }

    /// The hex digits, lowercase, by value: the one table `hex`, `appendHex` and JSON's `\u00XX`
    /// escapes use.
    public static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
