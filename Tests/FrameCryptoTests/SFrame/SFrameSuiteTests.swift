import FrameCrypto
import FrameTestSupport
import Testing

/// SFrame for every cipher suite on every backend that implements it: round trips with the
/// suite's overhead, replay, tampering of every byte, truncated tags, interoperation, and
/// the suites a backend lacks refused by name.
@Suite struct SFrameSuiteTests {
    static let sizes = [0, 1, 15, 16, 17, 100, 1200, 4096]

    @Test(arguments: SuiteCells.implemented)
    func roundTripsWithTheSuitesOverhead(_ cell: SuiteCell) throws {
        func run<C: AEADContext & ~Copyable>(_: C.Type) throws {
            let base = SFrameTesting.baseKey(cell.backend.count, count: 16)
            var sender = try SFrameSender<C>(keyID: 300, baseKey: base, suite: cell.suite)
            var receiver = SFrameReceiver<C>(capacity: 2, suite: cell.suite)
            try receiver.addKey(keyID: 300, baseKey: base)
            #expect(sender.suite == cell.suite && receiver.suite == cell.suite)
            for (i, size) in Self.sizes.enumerated() {
                let plaintext = SFrameTesting.plaintext(size, seed: i)
                let metadata = i % 2 == 0 ? [] : SFrameTesting.plaintext(7, seed: 99)
                let overhead = sender.nextOverhead
                let frame = try SFrameTesting.seal(&sender, plaintext, metadata: metadata)
                let header = try SFrameHeader.decode(frame.span)
                #expect(overhead == header.byteCount + cell.suite.tagByteCount)
                #expect(frame.count == plaintext.count + overhead, "size \(size)")
                #expect(
                    frame.count
                        == SFrameSender<C>.protectedSize(
                            plaintextCount: size, keyID: 300, counter: UInt64(i), suite: cell.suite))
                #expect(SFrameCipher.overhead(header: header.header, suite: cell.suite) == overhead)
                let opened = SFrameTesting.open(&receiver, frame, metadata: metadata)
                #expect(opened.plaintext == plaintext, "size \(size)")
                // The same frame again is a replay.
                let again = SFrameTesting.open(&receiver, frame, metadata: metadata)
                #expect(again.error == .replayedCounter(keyID: 300, counter: UInt64(i)))
                #expect(SFrameTesting.holdsNoPlaintext(again.output))
            }
        }
        try run(SFrameTesting.backend(cell.backend))
    }

    /// Every byte of the header, ciphertext and tag, and of the metadata, flipped in turn:
    /// each frame is refused and leaves no plaintext, and the genuine frame still opens.
    @Test(arguments: SuiteCells.implemented)
    func everyFlippedByteIsRefusedWithNoPlaintextLeft(_ cell: SuiteCell) throws {
        func run<C: AEADContext & ~Copyable>(_: C.Type) throws {
            let base = SFrameTesting.baseKey(7)
            var sender = try SFrameSender<C>(keyID: 0x1234, baseKey: base, suite: cell.suite)
            var receiver = SFrameReceiver<C>(capacity: 1, suite: cell.suite, maxForwardJump: .max)
            try receiver.addKey(keyID: 0x1234, baseKey: base)
            let plaintext = SFrameTesting.plaintext(40, seed: 3)
            let metadata = SFrameTesting.plaintext(5, seed: 4)
            let frame = try SFrameTesting.seal(&sender, plaintext, metadata: metadata)
            for index in frame.indices {
                var forged = frame
                forged[index] ^= 0x01
                let attempt = SFrameTesting.open(&receiver, forged, metadata: metadata)
                #expect(attempt.error != nil, "byte \(index) of \(frame.count) flipped was accepted")
                #expect(SFrameTesting.holdsNoPlaintext(attempt.output), "byte \(index)")
            }
            for index in metadata.indices {
                var altered = metadata
                altered[index] ^= 0x80
                let attempt = SFrameTesting.open(&receiver, frame, metadata: altered)
                #expect(attempt.error == .authenticationFailed, "metadata byte \(index)")
                #expect(SFrameTesting.holdsNoPlaintext(attempt.output))
            }
            #expect(SFrameTesting.open(&receiver, frame, metadata: metadata).plaintext == plaintext)
        }
        try run(SFrameTesting.backend(cell.backend))
    }

    /// A frame cut short by 1 to Nt bytes (a truncated tag) is refused; one shorter than its
    /// header and tag is malformed, named by the suite's tag size.
    @Test(arguments: SuiteCells.implemented)
    func truncatedTagsAreRefused(_ cell: SuiteCell) throws {
        func run<C: AEADContext & ~Copyable>(_: C.Type) throws {
            let base = SFrameTesting.baseKey(9)
            var sender = try SFrameSender<C>(keyID: 5, baseKey: base, suite: cell.suite)
            var receiver = SFrameReceiver<C>(capacity: 1, suite: cell.suite)
            try receiver.addKey(keyID: 5, baseKey: base)
            let plaintext = SFrameTesting.plaintext(3, seed: 1)
            let frame = try SFrameTesting.seal(&sender, plaintext)
            let nt = cell.suite.tagByteCount
            for cut in 1...nt {
                let short = Array(frame.dropLast(cut))
                let attempt = SFrameTesting.open(&receiver, short)
                #expect(attempt.error != nil, "\(cut) bytes cut")
                #expect(SFrameTesting.holdsNoPlaintext(attempt.output))
            }
            // Header (1 byte for KID 5, counter 0) plus Nt - 1 bytes: too short for the tag.
            let tooShort = Array(frame.prefix(1 + nt - 1))
            let attempt = SFrameTesting.open(&receiver, tooShort)
            let expected: StaticString =
                switch nt {
                case 10: "frame too short for its 10-byte tag"
                case 8: "frame too short for its 8-byte tag"
                case 4: "frame too short for its 4-byte tag"
                default: "frame too short for its 16-byte tag"
                }
            #expect(attempt.error == .malformedHeader(expected))
            #expect(SFrameTesting.open(&receiver, frame).plaintext == plaintext)
        }
        try run(SFrameTesting.backend(cell.backend))
    }

    /// A suite the backend lacks is refused by the sender and the receiver, naming both; no
    /// key is installed.
    @Test(arguments: SuiteCells.missing)
    func missingSuitesAreRefusedByName(_ cell: SuiteCell) throws {
        func run<C: AEADContext & ~Copyable>(_: C.Type) throws {
            let error = FrameCryptoError.unsupportedAlgorithm(cell.suite.aead, backend: cell.backend)
            #expect(throws: error) { _ = try SFrameSender<C>(keyID: 1, baseKey: SFrameTesting.baseKey(1), suite: cell.suite) }
            var receiver = SFrameReceiver<C>(capacity: 1, suite: cell.suite)
            #expect(throws: error) { try receiver.addKey(keyID: 1, baseKey: SFrameTesting.baseKey(1)) }
            #expect(receiver.keyCount == 0)
        }
        try run(SFrameTesting.backend(cell.backend))
    }

    /// Backends that implement the same suite read each other's frames; frames of one suite
    /// do not open under another suite's keys from the same base key.
    @Test(arguments: SFrameCipherSuite.allCases)
    func backendsOfOneSuiteInteroperateAndSuitesDoNotMix(_ suite: SFrameCipherSuite) throws {
        let names = SuiteCells.implemented.filter { $0.suite == suite }.map(\.backend)
        #expect(names.contains("openssl"), "openssl implements every suite")
        func pair<A: AEADContext & ~Copyable, B: AEADContext & ~Copyable>(_: A.Type, _: B.Type) throws {
            let base = SFrameTesting.baseKey(21)
            var sender = try SFrameSender<A>(keyID: 77, baseKey: base, suite: suite)
            var receiver = SFrameReceiver<B>(capacity: 1, suite: suite)
            try receiver.addKey(keyID: 77, baseKey: base)
            let plaintext = SFrameTesting.plaintext(300, seed: 5)
            let frame = try SFrameTesting.seal(&sender, plaintext)
            #expect(SFrameTesting.open(&receiver, frame).plaintext == plaintext, "\(A.info.name) → \(B.info.name)")
            let other = SFrameCipherSuite.allCases.first { $0 != suite && OpenSSLContext.implements($0.aead) }!
            var wrong = SFrameReceiver<OpenSSLContext>(capacity: 1, suite: other)
            try wrong.addKey(keyID: 77, baseKey: base)
            let attempt = SFrameTesting.open(&wrong, frame)
            #expect(attempt.error != nil && SFrameTesting.holdsNoPlaintext(attempt.output))
        }
        for a in names {
            for b in names { try pair(SFrameTesting.backend(a), SFrameTesting.backend(b)) }
        }
    }

    /// The key schedule uses the suite's hash and sizes: labels end in the suite number,
    /// keys are Nk bytes, secrets the hash's size.
    @Test(arguments: SFrameCipherSuite.allCases)
    func theKeyScheduleFollowsTheSuite(_ suite: SFrameCipherSuite) {
        let base = SFrameTesting.baseKey(3, count: 16)
        let secret = SFrameKeySchedule.secret(baseKey: base, suite: suite)
        #expect(secret.count == suite.kdfHash.outputByteCount)
        #expect(SFrameKeySchedule.key(secret: secret, keyID: 9, suite: suite).count == suite.keyByteCount)
        #expect(Array(SFrameKeySchedule.keyLabel(keyID: 9, suite: suite).suffix(2)) == [0, UInt8(suite.rawValue)])
        #expect(Array(SFrameKeySchedule.saltLabel(keyID: 9, suite: suite).suffix(2)) == [0, UInt8(suite.rawValue)])
    }
}
