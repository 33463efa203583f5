import SBCMSCore

#if canImport(Glibc)
import Glibc
#endif

/// The index file of one Markdown cache pack (`<name>.idx` beside `<name>.pack`): a header, then
/// one record per entry, appended only after the entry's payload is completely in the pack.
///
/// A record is `[key length: 1 byte][key][offset: 8 bytes LE][length: 4 bytes LE][check: 4 bytes LE]`,
/// the check being FNV-1a over the record's other bytes. Reading stops at the first record that
/// is cut short or fails its check (a killed writer, garbage appended), and skips records whose
/// range lies past the end of the pack: whatever a crash leaves, only whole entries are found.
enum MarkdownPackIndex {
    /// One entry of a pack: where its payload lies.
    struct Record: Equatable {
        var key: String
        var offset: Int64
        var length: Int
    }

    /// The first bytes of every index file; another value means another format (ignored).
    static let header: [UInt8] = Array("sbcmsix1".utf8)
    /// Keys longer than this (never a SHA-256 hex key) are not stored.
    static let maximumKeyLength = 255

    static func packPath(_ directory: String, _ name: String) -> String { directory + "/" + name + ".pack" }
    static func indexPath(_ directory: String, _ name: String) -> String { directory + "/" + name + ".idx" }

    /// The names of the packs in `directory` that have an index file, sorted.
    static func names(in directory: String) -> [String] {
        FileSystem.list(directory).compactMap { file in
            file.hasSuffix(".idx") ? String(file.dropLast(4)) : nil
        }
    }

    /// The encoded record of one entry.
    static func record(key: String, offset: Int64, length: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count + 17)
        bytes.append(UInt8(key.utf8.count))
        bytes.append(contentsOf: key.utf8)
        appendLittleEndian(UInt64(offset), byteCount: 8, to: &bytes)
        appendLittleEndian(UInt64(length), byteCount: 4, to: &bytes)
        appendLittleEndian(UInt64(checksum(bytes[...])), byteCount: 4, to: &bytes)
        return bytes
    }

    /// The whole entries listed in an index file's bytes, for a pack of `packSize` bytes.
    static func parse(_ bytes: [UInt8], packSize: Int64) -> [Record] {
        guard bytes.count >= header.count, bytes[..<header.count].elementsEqual(header) else { return [] }
        var records: [Record] = []
        var position = header.count
        while position < bytes.count {
            let keyLength = Int(bytes[position])
            let end = position + 1 + keyLength + 16
            guard keyLength > 0, end <= bytes.count else { break }
            let checkStart = end - 4
            guard checksum(bytes[position..<checkStart]) == UInt32(littleEndian(bytes, at: checkStart, byteCount: 4)) else { break }
            let keyEnd = position + 1 + keyLength
            let offset = Int64(bitPattern: littleEndian(bytes, at: keyEnd, byteCount: 8))
            let length = Int(littleEndian(bytes, at: keyEnd + 8, byteCount: 4))
            if offset >= 0, offset <= packSize, Int64(length) <= packSize - offset {
                records.append(Record(key: String(decoding: bytes[(position + 1)..<keyEnd], as: UTF8.self),
                                      offset: offset, length: length))
            }
            position = end
        }
        return records
    }

    /// The whole entries of pack `name` in `directory`. The pack's size is taken after the index
    /// is read, so a writer appending meanwhile never makes a whole record look out of range.
    static func read(_ directory: String, _ name: String) -> [Record] {
        guard let bytes = try? FileSystem.readBytes(indexPath(directory, name)),
              let pack = FileSystem.identity(packPath(directory, name)) else { return [] }
        return parse(bytes, packSize: pack.size)
    }

    /// Reads exactly `length` bytes at `offset` of an open file; nil when the file is shorter.
    static func readPayload(_ descriptor: Int32, offset: Int64, length: Int) -> [UInt8]? {
        guard length > 0 else { return [] }
        var complete = false
        // Not zero-filled first: every byte is read into place, or the array is dropped.
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            var count = 0
            while count < length {
                let result = pread(descriptor, buffer.baseAddress! + count, length - count, off_t(offset) + off_t(count))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { break }
                count += result
            }
            complete = count == length
            // Bytes past a short read are not initialised: the array is then reported empty.
            initialized = complete ? length : 0
        }
        return complete ? bytes : nil
    }

    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }

    private static func appendLittleEndian(_ value: UInt64, byteCount: Int, to bytes: inout [UInt8]) {
        for index in 0..<byteCount { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
    }

    private static func littleEndian(_ bytes: [UInt8], at start: Int, byteCount: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<byteCount { value |= UInt64(bytes[start + index]) << (8 * UInt64(index)) }
        return value
    }
}
