import SBCMSCore
import Testing

@Suite struct BinaryEncodingTests {
    @Test func fieldsRoundTripAndTruncationIsDetected() {
        var writer = BinaryWriter()
        writer.write("héllo")
        writer.write(-42)
        writer.write(UInt64.max)
        writer.write(true)
        var reader = BinaryReader(writer.bytes)
        #expect(reader.readString() == "héllo")
        #expect(reader.readInt() == -42)
        #expect(reader.readUInt() == UInt64.max)
        #expect(reader.readBool() == true)
        #expect(reader.isAtEnd)
        var truncated = BinaryReader(Array(writer.bytes.prefix(3)))
        #expect(truncated.readString() == nil)
    }
}
