import SBCMSCore

/// SHA-256 fed in blocks: small updates are copied into a buffer, large ones go straight through.
struct BufferedSHA256 {
    private var sha = SHA256()
    private var buffer: [UInt8] = []
    private static let capacity = 8192

    init() {
        buffer.reserveCapacity(Self.capacity)
    }

    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        if buffer.count + bytes.count <= Self.capacity {
            buffer.append(contentsOf: bytes)
            return
        }
        flush()
        if bytes.count >= Self.capacity / 2 {
            sha.update(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update($0) }) { return done }
        Array(bytes).withUnsafeBufferPointer { update($0) }
    }

    mutating func update(byte: UInt8) {
        if buffer.count == Self.capacity { flush() }
        buffer.append(byte)
    }

    mutating func update(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { update($0.bindMemory(to: UInt8.self)) }
    }

    private mutating func flush() {
        if buffer.isEmpty { return }
        buffer.withUnsafeBufferPointer { sha.update($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func finalize() -> [UInt8] {
        flush()
        return sha.finalize()
    }
}
