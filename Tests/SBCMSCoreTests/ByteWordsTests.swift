import Testing
import SBCMSCore

@Suite("Eight-byte word tests")
struct ByteWordsTests {
    /// Words holding `byte` at every offset, among neighbours that differ from it by one (the
    /// values a carry or borrow would disturb).
    private func words(around byte: UInt8) -> [(word: UInt64, offset: Int)] {
        var result: [(UInt64, Int)] = []
        for offset in 0..<8 {
            for neighbour in [byte &- 1, byte &+ 1, 0, 0xFF, 0x80, 0x7F] {
                var bytes = [UInt8](repeating: neighbour, count: 8)
                bytes[offset] = byte
                result.append((load(bytes), offset))
            }
        }
        return result
    }

    private func load(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { ByteWords.load($0.baseAddress!, at: 0) }
    }

    /// The mask a per-byte predicate gives, built one byte at a time.
    private func expectedMask(_ word: UInt64, _ matches: (UInt8) -> Bool) -> UInt64 {
        var mask: UInt64 = 0
        for offset in 0..<8 where matches(UInt8(truncatingIfNeeded: word >> (8 * UInt64(offset)))) {
            mask |= 0x80 << (8 * UInt64(offset))
        }
        return mask
    }

    @Test func loadReadsBytesInTextOrder() {
        let bytes: [UInt8] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        bytes.withUnsafeBufferPointer { buffer in
            #expect(ByteWords.load(buffer.baseAddress!, at: 2) == 0x0908_0706_0504_0302)
        }
    }

    @Test func zeroAndEqualityMasksAreExactForEveryByteValue() {
        for value in 0...255 {
            let byte = UInt8(value)
            for (word, _) in words(around: byte) {
                #expect(ByteWords.zeroBytes(word) == expectedMask(word) { $0 == 0 })
                #expect(ByteWords.bytes(word, equalTo: byte) == expectedMask(word) { $0 == byte })
                #expect(ByteWords.bytes(word, equalTo: 0x7C) == expectedMask(word) { $0 == 0x7C })
            }
        }
    }

    @Test func asciiSpaceMaskIsExactForEveryASCIIByte() {
        for value in 0..<128 {
            for (word, _) in words(around: UInt8(value)) where ByteWords.isASCII(word) {
                #expect(ByteWords.asciiSpaces(word) == expectedMask(word) { $0 == 0x20 || (0x09...0x0D).contains($0) })
            }
        }
        #expect(!ByteWords.isASCII(load([0x41, 0x41, 0x41, 0xC3, 0xA9, 0x41, 0x41, 0x41])))
        #expect(ByteWords.isASCII(load(Array("plain te".utf8))))
    }
}

extension ByteWordsTests {
    @Test func existenceTestsAreExactForEveryByteValue() {
        for value in 0...255 {
            let byte = UInt8(value)
            for (word, _) in words(around: byte) {
                let bytes = (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
                #expect(ByteWords.hasZeroByte(word) == bytes.contains(0))
                for bound: UInt8 in [0x01, 0x20, 0x80] {
                    #expect(ByteWords.hasByte(word, below: bound) == bytes.contains { $0 < bound }, "\(bytes) below \(bound)")
                }
            }
        }
    }
}
