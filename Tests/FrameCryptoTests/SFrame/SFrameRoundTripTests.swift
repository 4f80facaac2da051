import FrameCrypto
import Testing

/// Sender to receiver at every frame size, with and without metadata, through the `Span`
/// API and in place through the raw-pointer API.
@Suite struct SFrameRoundTripTests {
    static let sizes = [0, 1, 16, 64, 160, 1200, 4096, 65536]
    static let metadataCases: [[UInt8]] = [[], Array("IETF SFrame WG".utf8), SFrameTesting.plaintext(2000, seed: 9)]

    @Test(arguments: SFrameTesting.backendNames)
    func everySizeWithAndWithoutMetadata(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            let kid: UInt64 = 0x1_0203
            let base = SFrameTesting.baseKey(7)
            var sender = try SFrameSender<Context>(keyID: kid, baseKey: base)
            var receiver = SFrameReceiver<Context>(capacity: 8)
            try receiver.addKey(keyID: kid, baseKey: base)
            var counter: UInt64 = 0
            for metadata in Self.metadataCases {
                for size in Self.sizes {
                    let plaintext = SFrameTesting.plaintext(size, seed: size)
                    let next = sender.nextCounter
                    #expect(next == counter)
                    let frame = try SFrameTesting.seal(&sender, plaintext, metadata: metadata)
                    #expect(frame.count == SFrameSender<Context>.protectedSize(plaintextCount: size, keyID: kid, counter: counter))
                    let (header, headerCount) = try SFrameHeader.decode(frame.span)
                    #expect(header == SFrameHeader(keyID: kid, counter: counter))
                    if size >= 16 {
                        #expect(Array(frame[headerCount..<headerCount + size]) != plaintext, "sealed, not copied")
                    }
                    let attempt = SFrameTesting.open(&receiver, frame, metadata: metadata)
                    #expect(attempt.plaintext == plaintext, "size \(size), metadata \(metadata.count)")
                    #expect(attempt.error == nil)
                    counter += 1
                }
            }
            let window = receiver.replayWindow(keyID: kid)
            #expect(window?.highestCounter == counter - 1)
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func pointerAPISealsAndOpensInPlaceLikeTheSpanAPI(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            let kid: UInt64 = 3
            let base = SFrameTesting.baseKey(8)
            var spanSender = try SFrameSender<Context>(keyID: kid, baseKey: base)
            var rawSender = try SFrameSender<Context>(keyID: kid, baseKey: base)
            var receiver = SFrameReceiver<Context>(capacity: 1)
            try receiver.addKey(keyID: kid, baseKey: base)
            let metadata: [UInt8] = [1, 2, 3, 4]
            for size in Self.sizes {
                let plaintext = SFrameTesting.plaintext(size, seed: 3)
                let expected = try SFrameTesting.seal(&spanSender, plaintext, metadata: metadata)

                // The harness's way: plaintext already sits where its ciphertext goes.
                let headerCount = SFrameHeader(keyID: kid, counter: rawSender.nextCounter).byteCount
                var buffer = [UInt8](repeating: 0, count: size + SFrameSender<Context>.maxOverhead)
                buffer.replaceSubrange(headerCount..<headerCount + size, with: plaintext)
                let written = try buffer.withUnsafeMutableBytes { out in
                    try metadata.withUnsafeBytes { meta in
                        try rawSender.seal(
                            plaintext: UnsafeRawBufferPointer(rebasing: out[headerCount..<headerCount + size]),
                            metadata: meta, into: out)
                    }
                }
                #expect(Array(buffer.prefix(written)) == expected, "size \(size)")

                // And opened in place: the plaintext lands where the ciphertext was.
                let opened = try buffer.withUnsafeMutableBytes { out in
                    try metadata.withUnsafeBytes { meta in
                        try receiver.open(
                            frame: UnsafeRawBufferPointer(rebasing: out[0..<written]), metadata: meta,
                            into: UnsafeMutableRawBufferPointer(rebasing: out[headerCount..<written]))
                    }
                }
                #expect(opened.plaintextCount == size)
                #expect(Array(buffer[headerCount..<headerCount + size]) == plaintext)
            }
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func sendersWithTheSameKeyButAnotherKIDDoNotInterOperate(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            let base = SFrameTesting.baseKey(4)
            var sender = try SFrameSender<Context>(keyID: 10, baseKey: base)
            let keyID = sender.keyID
            #expect(keyID == 10)
            var receiver = SFrameReceiver<Context>(capacity: 2)
            try receiver.addKey(keyID: 11, baseKey: base)
            let frame = try SFrameTesting.seal(&sender, SFrameTesting.plaintext(40))
            // Relabelled to KID 11, whose key and salt differ: the tag cannot verify.
            let relabelled = try SFrameTesting.reheader(frame, as: SFrameHeader(keyID: 11, counter: 0))
            let attempt = SFrameTesting.open(&receiver, relabelled)
            #expect(attempt.error == .authenticationFailed)
            #expect(SFrameTesting.holdsNoPlaintext(attempt.output))
        }
        try run(SFrameTesting.backend(backend))
    }
}
