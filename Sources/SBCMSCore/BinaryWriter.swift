/// Appends length-prefixed fields to a byte buffer: the compact encoding of cache files.
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// Reserves room for `count` bytes, so a large record is not copied as it grows.
    public mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    /// A variable-length unsigned integer (7 bits a byte).
    public mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A signed integer (zig-zag, then variable length).
    public mutating func write(_ value: Int) {
        let wide = Int64(value)
        write(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    public mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// A string: its UTF-8 length, then its bytes.
    public mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            write(UInt64(buffer.count))
            bytes.append(contentsOf: buffer)
        }
    }

    /// Raw bytes with their length.
    public mutating func write(bytes raw: [UInt8]) {
        write(UInt64(raw.count))
        bytes.append(contentsOf: raw)
    }
}

/// Reads what `BinaryWriter` wrote; every read returns nil past the end or on a malformed
/// field, so a truncated or corrupt file is simply unreadable.
public struct BinaryReader {
    private let bytes: [UInt8]
    private var offset: Int
    /// Where reading stops: `bytes.count`, or the end of the range given.
    private let end: Int

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        offset = 0
        end = bytes.count
    }

    /// Reads only `range` of `bytes` (a field found with `skipBytes`), without copying it.
    public init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = max(0, min(range.lowerBound, bytes.count))
        end = max(offset, min(range.upperBound, bytes.count))
    }

    /// True when every byte has been read.
    public var isAtEnd: Bool { offset == end }

    /// How many bytes have been read (from the start of `bytes`).
    public var position: Int { offset }

    public mutating func readUInt() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < end, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    public mutating func readInt() -> Int? {
        guard let raw = readUInt() else { return nil }
        let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        return Int(value)
    }

    public mutating func readBool() -> Bool? {
        guard offset < end, bytes[offset] <= 1 else { return nil }
        offset += 1
        return bytes[offset - 1] == 1
    }

    public mutating func readBytes() -> [UInt8]? {
        skipBytes().map { Array(bytes[$0]) }
    }

    /// Passes over what `write(bytes:)` wrote and returns where its bytes lie.
    public mutating func skipBytes() -> Range<Int>? {
        guard let count = readUInt(), count <= UInt64(end - offset) else { return nil }
        let start = offset
        offset += Int(count)
        return start..<offset
    }

    public mutating func readString() -> String? {
        skipBytes().map { String(decoding: bytes[$0], as: UTF8.self) }
    }
}
