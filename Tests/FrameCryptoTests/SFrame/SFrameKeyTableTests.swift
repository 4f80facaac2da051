import FrameCrypto
import FrameVectors
import Testing

/// The receiver's key table: add, refused re-add, remove, capacity, and a meeting-sized table.
@Suite struct SFrameKeyTableTests {
    @Test(arguments: SFrameTesting.backendNames)
    func addReplaceAndRemove(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var receiver = SFrameReceiver<Context>(capacity: 2)
            let candidates: [UInt64] = [1, 2, 3]
            let capacity = receiver.capacity
            #expect(capacity == 2)
            var state = SFrameTesting.keyState(receiver, among: candidates)
            #expect(state == .init(count: 0, installed: []))
            try receiver.addKey(keyID: 1, baseKey: SFrameTesting.baseKey(1))
            try receiver.addKey(keyID: 2, baseKey: SFrameTesting.baseKey(2))
            state = SFrameTesting.keyState(receiver, among: candidates)
            #expect(state == .init(count: 2, installed: [1, 2]))
            #expect(throws: FrameCryptoError.keyStoreFull(capacity: 2)) {
                try receiver.addKey(keyID: 3, baseKey: SFrameTesting.baseKey(3))
            }
            state = SFrameTesting.keyState(receiver, among: candidates)
            #expect(state == .init(count: 2, installed: [1, 2]), "a refused key changes nothing")

            var oldSender = try SFrameSender<Context>(keyID: 2, baseKey: SFrameTesting.baseKey(2))
            let oldFrame = try SFrameTesting.seal(&oldSender, SFrameTesting.plaintext(8))
            var attempt = SFrameTesting.open(&receiver, oldFrame)
            #expect(attempt.plaintext == SFrameTesting.plaintext(8))

            // Re-adding a live KID is refused (it would reset the window); removing it
            // first and adding the new key works when full, and starts a fresh window.
            do {
                try receiver.addKey(keyID: 2, baseKey: SFrameTesting.baseKey(20))
                Issue.record("a live KID was re-added")
            } catch {
                #expect(error == .duplicateKeyID(2))
            }
            receiver.removeKey(keyID: 2)
            try receiver.addKey(keyID: 2, baseKey: SFrameTesting.baseKey(20))
            state = SFrameTesting.keyState(receiver, among: candidates)
            #expect(state == .init(count: 2, installed: [1, 2]))
            let window = receiver.replayWindow(keyID: 2)
            #expect(window != nil && window?.highestCounter == nil)
            var newSender = try SFrameSender<Context>(keyID: 2, baseKey: SFrameTesting.baseKey(20))
            let newFrame = try SFrameTesting.seal(&newSender, SFrameTesting.plaintext(8))
            attempt = SFrameTesting.open(&receiver, newFrame)
            #expect(attempt.plaintext == SFrameTesting.plaintext(8), "counter 0 again, under the new key")
            let second = try SFrameTesting.seal(&oldSender, SFrameTesting.plaintext(8))
            attempt = SFrameTesting.open(&receiver, second)
            #expect(attempt.error == .authenticationFailed, "the old key is gone")

            let removed = receiver.removeKey(keyID: 1)
            let removedAgain = receiver.removeKey(keyID: 1)
            #expect(removed && !removedAgain)
            state = SFrameTesting.keyState(receiver, among: candidates)
            #expect(state == .init(count: 1, installed: [2]))
            var sender1 = try SFrameSender<Context>(keyID: 1, baseKey: SFrameTesting.baseKey(1))
            let frame1 = try SFrameTesting.seal(&sender1, [1, 2, 3])
            attempt = SFrameTesting.open(&receiver, frame1)
            #expect(attempt.error == .unknownKeyID(1))
            try receiver.addKey(keyID: 3, baseKey: SFrameTesting.baseKey(3))
            state = SFrameTesting.keyState(receiver, among: candidates)
            #expect(state == .init(count: 2, installed: [2, 3]))
        }
        try run(SFrameTesting.backend(backend))
    }

    /// KIDs shaped like a meeting's: epoch, sender and stream kind packed into one value.
    static func meetingKIDs() -> [UInt64] {
        var kids: [UInt64] = []
        for epoch: UInt64 in [7, 8] {
            for sender: UInt64 in 0..<200 {
                for kind: UInt64 in 0..<3 { kids.append(epoch << 32 | sender << 2 | kind) }
            }
        }
        return kids
    }

    @Test(arguments: SFrameTesting.backendNames)
    func twelveHundredKeysAreEachFoundAndUsed(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            let kids = Self.meetingKIDs()
            #expect(kids.count == 1200 && Set(kids).count == 1200)
            var receiver = SFrameReceiver<Context>(capacity: 1200)
            for (i, kid) in kids.enumerated() { try receiver.addKey(keyID: kid, baseKey: SFrameTesting.baseKey(i)) }
            var state = SFrameTesting.keyState(receiver, among: kids)
            #expect(state == .init(count: 1200, installed: Set(kids)))
            #expect(throws: FrameCryptoError.keyStoreFull(capacity: 1200)) {
                try receiver.addKey(keyID: 1, baseKey: SFrameTesting.baseKey(0))
            }
            for (i, kid) in kids.enumerated() {
                var sender = try SFrameSender<Context>(keyID: kid, baseKey: SFrameTesting.baseKey(i))
                let frame = try SFrameTesting.seal(&sender, SFrameTesting.plaintext(20, seed: i))
                let attempt = SFrameTesting.open(&receiver, frame)
                #expect(attempt.plaintext == SFrameTesting.plaintext(20, seed: i), "kid \(kid)")
                #expect(attempt.result.map(\.keyID) == .success(kid))
            }
            state = SFrameTesting.keyState(receiver, among: [6 << 32, 9 << 32, 7 << 32 | 200 << 2])
            #expect(state.installed.isEmpty, "KIDs never added are not found")

            // Drop epoch 7 (the first 600) and check that epoch 8 is intact.
            var removed = 0
            for kid in kids.prefix(600) where receiver.removeKey(keyID: kid) { removed += 1 }
            #expect(removed == 600)
            state = SFrameTesting.keyState(receiver, among: kids)
            #expect(state == .init(count: 600, installed: Set(kids.suffix(600))))
            for (i, kid) in kids.enumerated().suffix(600) {
                var sender = try SFrameSender<Context>(keyID: kid, baseKey: SFrameTesting.baseKey(i))
                _ = try SFrameTesting.seal(&sender, [0])  // counter 0 was already opened above
                let frame = try SFrameTesting.seal(&sender, SFrameTesting.plaintext(20, seed: i))
                let attempt = SFrameTesting.open(&receiver, frame)
                #expect(attempt.plaintext == SFrameTesting.plaintext(20, seed: i), "kid \(kid)")
            }
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func randomAddsAndRemovesMatchASetModel(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) {
            // Clustered KIDs (multiples of 2^40, small runs) stress probing and backward-shift
            // deletion; the table must agree with a plain set after every step.
            var receiver = SFrameReceiver<Context>(capacity: 48)
            var model = Set<UInt64>()
            var random = SeededRandom(seed: 3)
            let pool: [UInt64] = (0..<40).map { UInt64($0) << 40 } + (0..<40).map { UInt64($0) } + [.max, .max - 1]
            for step in 0..<3_000 {
                let kid = pool[Int(random.next() % UInt64(pool.count))]
                if random.next() % 2 == 0 {
                    do {
                        try receiver.addKey(keyID: kid, baseKey: SFrameTesting.baseKey(step))
                        model.insert(kid)
                    } catch {
                        #expect(
                            error == .duplicateKeyID(kid) && model.contains(kid)
                                || error == .keyStoreFull(capacity: 48) && model.count == 48 && !model.contains(kid))
                    }
                } else {
                    let removed = receiver.removeKey(keyID: kid)
                    #expect(removed == model.contains(kid))
                    model.remove(kid)
                }
                let state = SFrameTesting.keyState(receiver, among: step % 50 == 0 ? pool : [kid])
                #expect(state == .init(count: model.count, installed: model.intersection(step % 50 == 0 ? pool : [kid])))
            }
            #expect(model.count > 20, "the table was exercised near its capacity")
        }
        run(try SFrameTesting.backend(backend))
    }
}
