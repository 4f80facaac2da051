import FrameCrypto
import FrameVectors
import Testing

/// The SFrame header (RFC 9605 §4.3): every RFC vector both ways, the inline/extended
/// boundaries, truncation and short buffers.
@Suite struct SFrameHeaderTests {
    @Test
    func everyRFCHeaderVectorEncodesAndDecodesExactly() throws {
        let vectors = try SFrameVectors.read(path: SFrameTesting.rfcVectorsPath)
        #expect(vectors.headers.count == 289)
        #expect(vectors.headers.contains { $0.keyID == .max && $0.counter == .max && $0.encoded.count == 17 })
        for vector in vectors.headers {
            let header = SFrameHeader(keyID: vector.keyID, counter: vector.counter)
            #expect(header.byteCount == vector.encoded.count, "\(vector.id)")
            var buffer = [UInt8](repeating: 0xAA, count: SFrameHeader.maxByteCount)
            let written = try Self.encode(header, into: &buffer)
            #expect(Array(buffer.prefix(written)) == vector.encoded, "\(vector.id)")
            #expect(buffer.dropFirst(written).allSatisfy { $0 == 0xAA }, "\(vector.id): wrote past the header")

            let (decoded, length) = try SFrameHeader.decode(vector.encoded.span)
            #expect(decoded == header, "\(vector.id)")
            #expect(length == vector.encoded.count, "\(vector.id)")
            // With a frame body behind it, the header still ends where it did.
            let (again, againLength) = try SFrameHeader.decode((vector.encoded + [1, 2, 3]).span)
            #expect(again == header && againLength == length, "\(vector.id)")
        }
    }

    @Test
    func everyTruncationOfAnRFCHeaderIsMalformed() throws {
        let vectors = try SFrameVectors.read(path: SFrameTesting.rfcVectorsPath)
        var checked = 0
        for vector in vectors.headers {
            for cut in 0..<vector.encoded.count {
                let prefix = Array(vector.encoded.prefix(cut))
                #expect(
                    SFrameTesting.throwsMalformedHeader { () throws(FrameCryptoError) in try SFrameHeader.decode(prefix.span) },
                    "\(vector.id) cut to \(cut) bytes")
                checked += 1
            }
        }
        #expect(checked > 289)
    }

    @Test func inlineAndExtendedBoundaries() throws {
        let cases: [(UInt64, UInt64, [UInt8])] = [
            (0, 0, [0x00]),
            (7, 7, [0x77]),
            (8, 0, [0x80, 0x08]),
            (0, 8, [0x08, 0x08]),
            (255, 256, [0x89, 0xff, 0x01, 0x00]),
            (256, 1, [0x91, 0x01, 0x00]),
            (0x0123, 0x4567, [0x99, 0x01, 0x23, 0x45, 0x67]),
            (1 << 56, 7, [0xf7, 0x01, 0, 0, 0, 0, 0, 0, 0]),
            (.max, .max, [UInt8](repeating: 0xff, count: 17)),
        ]
        for (kid, ctr, expected) in cases {
            let header = SFrameHeader(keyID: kid, counter: ctr)
            var buffer = [UInt8](repeating: 0, count: SFrameHeader.maxByteCount)
            let written = try Self.encode(header, into: &buffer)
            #expect(Array(buffer.prefix(written)) == expected, "kid \(kid) ctr \(ctr)")
            let decoded = try SFrameHeader.decode(expected.span)
            #expect(decoded.header == header && decoded.byteCount == expected.count)
        }
        #expect(SFrameHeader.maxByteCount == 17)
    }

    @Test func everyLengthPairRoundTrips() throws {
        // Each KID and counter length 0 (inline) … 8, at both ends of its range.
        var values: [UInt64] = [0, 7]
        for length in 1...8 {
            values.append(length == 1 ? 8 : 1 << (8 * (length - 1)))
            values.append(length == 8 ? .max : (1 << (8 * length)) - 1)
        }
        for kid in values {
            for ctr in values {
                let header = SFrameHeader(keyID: kid, counter: ctr)
                let bytes = SFrameTesting.encode(header)
                let (decoded, length) = try SFrameHeader.decode(bytes.span)
                #expect(decoded == header && length == bytes.count && length == header.byteCount)
                #expect((1...17).contains(length))
            }
        }
    }

    /// The header is written with overlapping word stores and read with overlapping word
    /// loads, not byte by byte: every KID and counter length (with values whose every byte
    /// differs) gives exactly the bytes of RFC 9605 §4.3, written byte by byte here, and the
    /// bytes after the header are left alone (sealing in place puts the plaintext there).
    @Test func everyLengthWritesTheRFCBytesAndNothingBeyond() throws {
        func reference(_ header: SFrameHeader) -> [UInt8] {
            func length(_ value: UInt64) -> Int { value < 8 ? 0 : (64 - value.leadingZeroBitCount + 7) / 8 }
            func bigEndian(_ value: UInt64, _ count: Int) -> [UInt8] {
                (0..<count).map { UInt8(truncatingIfNeeded: value >> UInt64(8 * (count - 1 - $0))) }
            }
            let kidLength = length(header.keyID), ctrLength = length(header.counter)
            var config: UInt8 = kidLength == 0 ? UInt8(header.keyID) << 4 : 0x80 | UInt8(kidLength - 1) << 4
            config |= ctrLength == 0 ? UInt8(header.counter) : 0x08 | UInt8(ctrLength - 1)
            return [config] + bigEndian(header.keyID, kidLength) + bigEndian(header.counter, ctrLength)
        }
        // 0x0102…: every byte distinct, so a byte written to the wrong place shows.
        var values: [UInt64] = [0, 5]
        for length in 1...8 { values.append(0x0102_0304_0506_0708 >> UInt64(8 * (8 - length)) | 0x80 << UInt64(8 * (length - 1))) }
        for kid in values {
            for ctr in values {
                let header = SFrameHeader(keyID: kid, counter: ctr)
                var buffer = [UInt8](repeating: 0xA5, count: SFrameHeader.maxByteCount + 8)
                let written = try Self.encode(header, into: &buffer)
                let expected = reference(header)
                #expect(Array(buffer[..<written]) == expected, "KID \(kid), counter \(ctr)")
                #expect(buffer[written...].allSatisfy { $0 == 0xA5 }, "KID \(kid), counter \(ctr): wrote past the header")
                let (decoded, length) = try SFrameHeader.decode(expected.span)
                #expect(decoded == header && length == expected.count)
            }
        }
    }

    @Test func emptyAndTruncatedInputIsMalformed() {
        #expect(throws: FrameCryptoError.malformedHeader("empty: no config byte")) {
            try SFrameHeader.decode([UInt8]().span)
        }
        #expect(throws: FrameCryptoError.malformedHeader("truncated: the KID runs past the end")) {
            try SFrameHeader.decode([0x90, 0x01].span)
        }
        #expect(throws: FrameCryptoError.malformedHeader("truncated: the counter runs past the end")) {
            try SFrameHeader.decode([0x0b, 0x01, 0x02, 0x03].span)
        }
    }

    @Test func nonMinimalEncodingIsReadAsWritten() throws {
        // KID 5 in one extended byte instead of inline: decoded, with its real length, so
        // the receiver authenticates exactly the bytes that were sent.
        let (header, length) = try SFrameHeader.decode([0x80, 0x05, 0x00].span)
        #expect(header == SFrameHeader(keyID: 5, counter: 0))
        #expect(length == 2)
        #expect(header.byteCount == 1)
    }

    @Test func encodingIntoAShortBufferThrowsAndWritesNothing() throws {
        let header = SFrameHeader(keyID: 0x1234, counter: 0x56)
        var short = [UInt8](repeating: 0xAA, count: 3)
        #expect(throws: FrameCryptoError.bufferTooSmall(needed: 4, available: 3)) {
            _ = try Self.encode(header, into: &short)
        }
        #expect(short == [0xAA, 0xAA, 0xAA])
        var exact = [UInt8](repeating: 0, count: 4)
        #expect(try Self.encode(header, into: &exact) == 4)
        #expect(exact == [0x98, 0x12, 0x34, 0x56])
        // The raw-pointer variant agrees.
        var raw = [UInt8](repeating: 0, count: 4)
        let written = try raw.withUnsafeMutableBytes { try header.encode(into: $0) }
        #expect(written == 4 && raw == exact)
    }

    private static func encode(_ header: SFrameHeader, into buffer: inout [UInt8]) throws(FrameCryptoError) -> Int {
        var span = buffer.mutableSpan
        return try header.encode(into: &span)
    }
}
