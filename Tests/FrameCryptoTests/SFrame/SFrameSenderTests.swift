import FrameCrypto
import Testing

/// The sender's counter (start, step, exhaustion) and both sides' short-buffer handling.
@Suite struct SFrameSenderTests {
    @Test(arguments: SFrameTesting.backendNames)
    func counterStartsAtZeroAndStepsByOne(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var sender = try SFrameSender<Context>(keyID: 9, baseKey: SFrameTesting.baseKey(9))
            let (keyID, first, exhausted, limit) = (sender.keyID, sender.nextCounter, sender.isExhausted, sender.counterLimit)
            #expect(keyID == 9 && first == 0 && !exhausted && limit == .max)
            for expected: UInt64 in 0..<20 {
                let frame = try SFrameTesting.seal(&sender, [0x42])
                #expect(try SFrameHeader.decode(frame.span).header == SFrameHeader(keyID: 9, counter: expected))
            }
            let next = sender.nextCounter
            #expect(next == 20)
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func counterLimitIsTheLastCounterEverUsed(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var sender = try SFrameSender<Context>(keyID: 77, baseKey: SFrameTesting.baseKey(77), counterLimit: 2)
            var receiver = SFrameReceiver<Context>(capacity: 1)
            try receiver.addKey(keyID: 77, baseKey: SFrameTesting.baseKey(77))
            for expected: UInt64 in 0...2 {
                let exhausted = sender.isExhausted
                #expect(!exhausted)
                let frame = try SFrameTesting.seal(&sender, SFrameTesting.plaintext(10))
                let attempt = SFrameTesting.open(&receiver, frame)
                #expect(try attempt.result.get().counter == expected)
            }
            let (exhausted, next) = (sender.isExhausted, sender.nextCounter)
            #expect(exhausted && next == 2)
            for _ in 0..<3 {
                #expect(throws: FrameCryptoError.counterExhausted(keyID: 77)) {
                    _ = try SFrameTesting.seal(&sender, SFrameTesting.plaintext(10))
                }
            }
            // A limit of 0 allows exactly one frame.
            var single = try SFrameSender<Context>(keyID: 1, baseKey: SFrameTesting.baseKey(1), counterLimit: 0)
            _ = try SFrameTesting.seal(&single, [])
            #expect(throws: FrameCryptoError.counterExhausted(keyID: 1)) { _ = try SFrameTesting.seal(&single, []) }
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func sealIntoAShortBufferThrowsAndKeepsTheCounter(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var sender = try SFrameSender<Context>(keyID: 300, baseKey: SFrameTesting.baseKey(3))
            let plaintext = SFrameTesting.plaintext(64)
            let needed = SFrameSender<Context>.protectedSize(plaintextCount: 64, keyID: 300, counter: 0)
            #expect(needed == 3 + 64 + 16)
            var output = [UInt8](repeating: SFrameTesting.sentinel, count: needed - 1)
            let error = Self.sealError(&sender, plaintext, into: &output)
            #expect(error == .bufferTooSmall(needed: needed, available: needed - 1))
            #expect(output.allSatisfy { $0 == SFrameTesting.sentinel }, "nothing written")
            var next = sender.nextCounter
            #expect(next == 0, "counter not spent")
            var exact = [UInt8](repeating: 0, count: needed)
            let fits = Self.sealError(&sender, plaintext, into: &exact)
            next = sender.nextCounter
            #expect(fits == nil && next == 1)
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func openIntoAShortBufferThrowsAndKeepsTheWindow(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var sender = try SFrameSender<Context>(keyID: 4, baseKey: SFrameTesting.baseKey(4))
            var receiver = SFrameReceiver<Context>(capacity: 1)
            try receiver.addKey(keyID: 4, baseKey: SFrameTesting.baseKey(4))
            let plaintext = SFrameTesting.plaintext(50)
            let frame = try SFrameTesting.seal(&sender, plaintext)
            let short = SFrameTesting.open(&receiver, frame, outputCount: 49)
            #expect(short.error == .bufferTooSmall(needed: 50, available: 49))
            #expect(short.output.allSatisfy { $0 == SFrameTesting.sentinel })
            let window = receiver.replayWindow(keyID: 4)
            #expect(window?.highestCounter == nil)
            let exact = SFrameTesting.open(&receiver, frame, outputCount: 50)
            #expect(exact.plaintext == plaintext)
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test func sizes() {
        typealias Sender = SFrameSender<OpenSSLContext>
        #expect(Sender.maxOverhead == 33)
        #expect(SFrameCipher.maxOverhead == 33)
        #expect(Sender.protectedSize(plaintextCount: 0, keyID: 0, counter: 0) == 17)
        #expect(Sender.protectedSize(plaintextCount: 1200, keyID: .max, counter: .max) == 1200 + 33)
        #expect(Sender.protectedSize(plaintextCount: 10, keyID: 0x123, counter: 0x4567) == 5 + 10 + 16)
    }

    private static func sealError<Context: AEADContext & ~Copyable>(
        _ sender: inout SFrameSender<Context>, _ plaintext: [UInt8], into buffer: inout [UInt8]
    ) -> FrameCryptoError? {
        var output = buffer.mutableSpan
        do {
            _ = try sender.seal(plaintext: plaintext.span, metadata: Span(), into: &output)
            return nil
        } catch {
            return error
        }
    }
}
