import SBCMSCore

/// SHA-256 fed in blocks: small updates are copied into a fixed buffer, large ones go straight
/// through. A page fingerprint makes hundreds of small updates (markers, keys, short strings),
/// so the buffer is raw memory owned by the hasher, with no array bookkeeping per byte.
final class BufferedSHA256 {
    private var sha = SHA256()
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private static let capacity = 8192

    init() {
        buffer = .allocate(capacity: Self.capacity)
    }

    deinit {
        buffer.deallocate()
    }

    func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        if count + bytes.count > Self.capacity {
            flush()
            if bytes.count >= Self.capacity / 2 {
                sha.update(bytes)
                return
            }
        }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update($0) }) { return done }
        Array(bytes).withUnsafeBufferPointer { update($0) }
    }

    func update(byte: UInt8) {
        if count == Self.capacity { flush() }
        buffer[count] = byte
        count += 1
    }

    /// A marker byte followed by a value as 8 little-endian bytes.
    func update(byte: UInt8, _ value: Int64) {
        if count + 9 > Self.capacity { flush() }
        buffer[count] = byte
        (UnsafeMutableRawPointer(buffer + count + 1)).storeBytes(of: value.littleEndian, as: Int64.self)
        count += 9
    }

    /// A marker byte, a name's UTF-8 and a 0 byte.
    func update(byte: UInt8, name: StaticString) {
        name.withUTF8Buffer { text in
            if count + text.count + 2 > Self.capacity { flush() }
            buffer[count] = byte
            if let start = text.baseAddress { (buffer + count + 1).update(from: start, count: text.count) }
            buffer[count + 1 + text.count] = 0
            count += text.count + 2
        }
    }

    func update(_ value: Int64) {
        if count + 8 > Self.capacity { flush() }
        (UnsafeMutableRawPointer(buffer + count)).storeBytes(of: value.littleEndian, as: Int64.self)
        count += 8
    }

    private func flush() {
        if count == 0 { return }
        sha.update(UnsafeBufferPointer(start: buffer, count: count))
        count = 0
    }

    func finalize() -> [UInt8] {
        flush()
        return sha.finalize()
    }
}
