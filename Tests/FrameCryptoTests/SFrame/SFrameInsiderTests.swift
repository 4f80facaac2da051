import FrameCrypto
import Testing

/// What a member of the meeting, who can derive every sender's key (RFC 9605 §9.5), can
/// no longer do to a receiver: silence a sender with one far-future counter, or reset a
/// replay window by re-adding a KID.
@Suite struct SFrameInsiderTests {
    static let kid: UInt64 = 42

    /// A frame sealed under `baseKey` for `kid` with any `counter`: what an insider holding
    /// the key can make.
    static func forge<Context: AEADContext & ~Copyable>(
        _: Context.Type, baseKey: borrowing SecretBytes, kid: UInt64 = kid, counter: UInt64, plaintext: [UInt8]
    ) throws -> [UInt8] {
        var keyed = try SFrameKeySchedule.derive(baseKey: baseKey, keyID: kid, as: Context.self)
        let header = SFrameHeader(keyID: kid, counter: counter)
        var frame = [UInt8](repeating: 0, count: SFrameCipher.protectedSize(plaintextCount: plaintext.count, header: header))
        let salt = keyed.salt
        let count = try plaintext.withUnsafeBytes { p in
            try frame.withUnsafeMutableBytes { out in
                try SFrameCipher.seal(
                    context: &keyed.context, salt: salt, header: header, plaintext: p,
                    metadata: UnsafeRawBufferPointer(start: nil, count: 0), into: out)
            }
        }
        return Array(frame.prefix(count))
    }

    /// The forged-counter silencing: one forged frame with counter 2^64 − 1 used to make
    /// the receiver refuse every later genuine frame of that sender for the whole epoch.
    @Test(arguments: SFrameTesting.backendNames)
    func forgedFarFutureCounterDoesNotSilenceTheSender(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_ type: Context.Type) throws {
            let base = SFrameTesting.baseKey(7)
            var sender = try SFrameSender<Context>(keyID: Self.kid, baseKey: base)
            var receiver = SFrameReceiver<Context>(capacity: 1)
            try receiver.addKey(keyID: Self.kid, baseKey: base)
            for i in 0..<5 {
                let frame = try SFrameTesting.seal(&sender, SFrameTesting.plaintext(40, seed: i))
                #expect(SFrameTesting.open(&receiver, frame).plaintext == SFrameTesting.plaintext(40, seed: i))
            }
            let forged = try Self.forge(type, baseKey: base, counter: .max, plaintext: [9, 9, 9])
            let attempt = SFrameTesting.open(&receiver, forged)
            #expect(
                attempt.error
                    == .counterJumpTooLarge(
                        keyID: Self.kid, counter: .max, limit: SFrameReplayWindow.defaultMaxForwardJump))
            #expect(SFrameTesting.holdsNoPlaintext(attempt.output))
            #expect(receiver.replayWindow(keyID: Self.kid)?.highestCounter == 4, "the window did not move")
            for i in 5..<10 {
                let frame = try SFrameTesting.seal(&sender, SFrameTesting.plaintext(40, seed: i))
                #expect(
                    SFrameTesting.open(&receiver, frame).plaintext == SFrameTesting.plaintext(40, seed: i),
                    "genuine frame \(i) still opens")
            }

            // Without the bound (the old behaviour) the same forgery silences the sender.
            var unbounded = SFrameReceiver<Context>(capacity: 1, maxForwardJump: .max)
            try unbounded.addKey(keyID: Self.kid, baseKey: base)
            #expect(SFrameTesting.open(&unbounded, forged).plaintext == [9, 9, 9])
            let genuine = try SFrameTesting.seal(&sender, SFrameTesting.plaintext(40, seed: 10))
            #expect(SFrameTesting.open(&unbounded, genuine).error == .replayedCounter(keyID: Self.kid, counter: 10))
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func jumpsUpToTheBoundOpenAndBeyondAreRefused(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_ type: Context.Type) throws {
            let base = SFrameTesting.baseKey(8)
            var receiver = SFrameReceiver<Context>(capacity: 1, maxForwardJump: 100)
            try receiver.addKey(keyID: Self.kid, baseKey: base)
            func frame(_ counter: UInt64) throws -> [UInt8] {
                try Self.forge(type, baseKey: base, counter: counter, plaintext: [1])
            }
            // The first frame: at most the bound past 0.
            #expect(
                SFrameTesting.open(&receiver, try frame(101)).error
                    == .counterJumpTooLarge(keyID: Self.kid, counter: 101, limit: 100))
            #expect(SFrameTesting.open(&receiver, try frame(100)).plaintext == [1])
            #expect(
                SFrameTesting.open(&receiver, try frame(201)).error
                    == .counterJumpTooLarge(keyID: Self.kid, counter: 201, limit: 100))
            #expect(SFrameTesting.open(&receiver, try frame(200)).plaintext == [1])
            #expect(SFrameTesting.open(&receiver, try frame(150)).plaintext == [1], "late frames are unaffected")
            // Saturates instead of wrapping near the top of the counter space.
            var top = SFrameReplayWindow(maxForwardJump: 100)
            top.record(.max - 10)
            #expect(!top.exceedsForwardJump(.max), "the ceiling saturates at 2^64 − 1")
            var fresh = SFrameReplayWindow(maxForwardJump: 100)
            #expect(!fresh.exceedsForwardJump(100) && fresh.exceedsForwardJump(101))
            fresh.record(50)
            #expect(!fresh.exceedsForwardJump(150) && fresh.exceedsForwardJump(151))
            #expect(SFrameReplayWindow().maxForwardJump == SFrameReplayWindow.defaultMaxForwardJump)
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func reAddingALiveKeyIDIsRefusedAndKeepsTheWindow(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            let base = SFrameTesting.baseKey(9)
            var sender = try SFrameSender<Context>(keyID: Self.kid, baseKey: base)
            var receiver = SFrameReceiver<Context>(capacity: 2)
            try receiver.addKey(keyID: Self.kid, baseKey: base)
            let frame = try SFrameTesting.seal(&sender, [1, 2, 3])
            #expect(SFrameTesting.open(&receiver, frame).plaintext == [1, 2, 3])
            do {
                try receiver.addKey(keyID: Self.kid, baseKey: base)
                Issue.record("a live KID was re-added")
            } catch {
                #expect(error == .duplicateKeyID(Self.kid))
            }
            #expect(
                SFrameTesting.open(&receiver, frame).error == .replayedCounter(keyID: Self.kid, counter: 0),
                "the replay window was not reset")
            // Removing first is the explicit way to start over.
            let removed = receiver.removeKey(keyID: Self.kid)
            #expect(removed)
            try receiver.addKey(keyID: Self.kid, baseKey: base)
            #expect(receiver.keyCount == 1)
        }
        try run(SFrameTesting.backend(backend))
    }
}
