import FrameCrypto
import Testing

/// Altered frames: every change to header, KID, counter, metadata, ciphertext or tag is
/// refused with the right error, leaves no plaintext, and leaves the genuine frame
/// openable.
@Suite struct SFrameTamperTests {
    static let kid: UInt64 = 0x0102
    static let otherKID: UInt64 = 0x0103
    static let metadata: [UInt8] = Array("rtp-header".utf8)

    @Test(arguments: SFrameTesting.backendNames)
    func everyAlterationIsRejectedWithNoPlaintextLeft(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var sender = try SFrameSender<Context>(keyID: Self.kid, baseKey: SFrameTesting.baseKey(1))
            var receiver = SFrameReceiver<Context>(capacity: 4)
            try receiver.addKey(keyID: Self.kid, baseKey: SFrameTesting.baseKey(1))
            try receiver.addKey(keyID: Self.otherKID, baseKey: SFrameTesting.baseKey(2))
            _ = try SFrameTesting.seal(&sender, [1])  // counter 0, so the frame below has counter 1
            let plaintext = SFrameTesting.plaintext(100)
            let frame = try SFrameTesting.seal(&sender, plaintext, metadata: Self.metadata)
            let headerCount = try SFrameHeader.decode(frame.span).byteCount
            #expect(headerCount == 3)  // 0x91 0x01 0x02: two-byte KID, counter 1 inline

            var cases: [(String, [UInt8], [UInt8], FrameCryptoError)] = []
            for position in 0..<frame.count {
                var altered = frame
                altered[position] ^= 0x01
                let region = position < headerCount ? "header" : position < frame.count - 16 ? "ciphertext" : "tag"
                // Header byte 1 turns KID 0x0102 into 0x0002, which is not installed; byte 0
                // turns counter 1 into 0 and byte 2 the KID into 0x0103, whose key differs.
                let expected: FrameCryptoError = position == 1 ? .unknownKeyID(0x0002) : .authenticationFailed
                cases.append(("\(region) byte \(position)", altered, Self.metadata, expected))
            }
            cases.append(
                (
                    "KID of another installed key",
                    try SFrameTesting.reheader(frame, as: SFrameHeader(keyID: Self.otherKID, counter: 1)), Self.metadata,
                    .authenticationFailed
                ))
            cases.append(
                (
                    "unknown KID", try SFrameTesting.reheader(frame, as: SFrameHeader(keyID: 999, counter: 1)), Self.metadata,
                    .unknownKeyID(999)
                ))
            cases.append(
                (
                    "counter", try SFrameTesting.reheader(frame, as: SFrameHeader(keyID: Self.kid, counter: 2)), Self.metadata,
                    .authenticationFailed
                ))
            cases.append(
                (
                    "same values, non-minimal header", [0x90, 0x01, 0x02, 0x08, 0x01] + frame.dropFirst(headerCount),
                    Self.metadata, .authenticationFailed
                ))
            cases.append(("metadata changed", frame, Array("rtp-headeR".utf8), .authenticationFailed))
            cases.append(("metadata dropped", frame, [], .authenticationFailed))
            cases.append(("metadata extended", frame, Self.metadata + [0], .authenticationFailed))
            cases.append(("tag truncated by one byte", Array(frame.dropLast()), Self.metadata, .authenticationFailed))

            for (name, altered, metadata, expected) in cases {
                let attempt = SFrameTesting.open(&receiver, altered, metadata: metadata)
                #expect(attempt.error == expected, "\(name)")
                #expect(SFrameTesting.holdsNoPlaintext(attempt.output), "\(name) left plaintext")
            }
            // None of that moved the window or consumed the counter.
            let window = receiver.replayWindow(keyID: Self.kid)
            let otherWindow = receiver.replayWindow(keyID: Self.otherKID)
            #expect(window?.highestCounter == nil && otherWindow?.highestCounter == nil)
            let genuine = SFrameTesting.open(&receiver, frame, metadata: Self.metadata)
            #expect(genuine.plaintext == plaintext)
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func shortAndUnknownFramesAreRefused(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var receiver = SFrameReceiver<Context>(capacity: 2)
            try receiver.addKey(keyID: 5, baseKey: SFrameTesting.baseKey(5))
            let cases: [(String, [UInt8], FrameCryptoError)] = [
                ("empty", [], .malformedHeader("empty: no config byte")),
                ("truncated KID", [0x98, 0x00], .malformedHeader("truncated: the KID runs past the end")),
                // A whole header for KID 5 but fewer than 16 bytes after it: no room for a tag.
                (
                    "no room for a tag", [0x50] + [UInt8](repeating: 0xAB, count: 15),
                    .malformedHeader("frame too short for its 16-byte tag")
                ),
                // The smallest well-formed frame (empty plaintext) is judged by its tag.
                ("tag only", [0x50] + [UInt8](repeating: 0xAB, count: 16), .authenticationFailed),
                ("KID 6 not installed", [0x60] + [UInt8](repeating: 0, count: 40), .unknownKeyID(6)),
                (
                    "8-byte KID not installed", [0xf0, 0xff, 0, 0, 0, 0, 0, 0, 1] + [UInt8](repeating: 0, count: 16),
                    .unknownKeyID(0xff00_0000_0000_0001)
                ),
            ]
            for (name, frame, expected) in cases {
                let attempt = SFrameTesting.open(&receiver, frame)
                #expect(attempt.error == expected, "\(name)")
                #expect(SFrameTesting.holdsNoPlaintext(attempt.output), "\(name)")
            }
        }
        try run(SFrameTesting.backend(backend))
    }
}
