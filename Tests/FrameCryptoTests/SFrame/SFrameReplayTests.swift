import FrameCrypto
import FrameVectors
import Testing

/// The receiver's replay window: duplicates and too-old counters refused before
/// decryption, reordering inside the window accepted, forgeries never moving it.
@Suite struct SFrameReplayTests {
    /// A sender and a receiver holding its key, and `count` sealed frames.
    static func frames<Context: AEADContext & ~Copyable>(
        _ count: Int, kid: UInt64 = 42, receiver: inout SFrameReceiver<Context>
    ) throws -> [[UInt8]] {
        let base = SFrameTesting.baseKey(Int(kid))
        var sender = try SFrameSender<Context>(keyID: kid, baseKey: base)
        try receiver.addKey(keyID: kid, baseKey: base)
        return try (0..<count).map { i in try SFrameTesting.seal(&sender, SFrameTesting.plaintext(24, seed: i)) }
    }

    @Test(arguments: SFrameTesting.backendNames)
    func duplicateIsRejectedWithoutDecrypting(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var receiver = SFrameReceiver<Context>(capacity: 1)
            let frames = try Self.frames(3, receiver: &receiver)
            let first = SFrameTesting.open(&receiver, frames[1])
            #expect(first.plaintext == SFrameTesting.plaintext(24, seed: 1))
            let again = SFrameTesting.open(&receiver, frames[1])
            #expect(again.error == .replayedCounter(keyID: 42, counter: 1))
            #expect(again.output.allSatisfy { $0 == SFrameTesting.sentinel }, "refused before decrypting")
            let late = SFrameTesting.open(&receiver, frames[0])
            #expect(late.plaintext == SFrameTesting.plaintext(24, seed: 0), "one behind: still accepted once")
            let lateAgain = SFrameTesting.open(&receiver, frames[0])
            #expect(lateAgain.error == .replayedCounter(keyID: 42, counter: 0))
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func reorderingInsideTheWindowIsAccepted(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var receiver = SFrameReceiver<Context>(capacity: 1)
            let frames = try Self.frames(300, receiver: &receiver)
            var random = SeededRandom(seed: 5)
            var order = Array(frames.indices)
            order.shuffle(using: &random)
            #expect(order != Array(frames.indices))
            for i in order {
                let attempt = SFrameTesting.open(&receiver, frames[i])
                #expect(attempt.plaintext == SFrameTesting.plaintext(24, seed: i), "frame \(i)")
            }
            let window = receiver.replayWindow(keyID: 42)
            #expect(window?.highestCounter == 299)
            for i in order.prefix(20) {
                let replay = SFrameTesting.open(&receiver, frames[i])
                #expect(replay.error == .replayedCounter(keyID: 42, counter: UInt64(i)))
            }
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func counterOlderThanTheWindowIsRejected(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            let width = Int(SFrameReplayWindow.width)
            var receiver = SFrameReceiver<Context>(capacity: 1)
            let frames = try Self.frames(width + 101, receiver: &receiver)
            let newest = width + 100
            let front = SFrameTesting.open(&receiver, frames[newest])
            #expect(front.plaintext == SFrameTesting.plaintext(24, seed: newest))
            // Age width: just out of the window. Age width − 1: the oldest still inside.
            let tooOld = newest - width
            let stale = SFrameTesting.open(&receiver, frames[tooOld])
            #expect(stale.error == .replayedCounter(keyID: 42, counter: UInt64(tooOld)))
            #expect(stale.output.allSatisfy { $0 == SFrameTesting.sentinel }, "refused before decrypting")
            let oldest = SFrameTesting.open(&receiver, frames[0])
            #expect(oldest.error == .replayedCounter(keyID: 42, counter: 0))
            let edge = SFrameTesting.open(&receiver, frames[tooOld + 1])
            #expect(edge.plaintext == SFrameTesting.plaintext(24, seed: tooOld + 1))
            let behind = SFrameTesting.open(&receiver, frames[newest - 1])
            #expect(behind.plaintext == SFrameTesting.plaintext(24, seed: newest - 1))
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func forgedFrameDoesNotAdvanceTheWindow(backend: String) throws {
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var receiver = SFrameReceiver<Context>(capacity: 1)
            let frames = try Self.frames(4, receiver: &receiver)
            let first = SFrameTesting.open(&receiver, frames[0])
            #expect(first.plaintext == SFrameTesting.plaintext(24, seed: 0))
            // A genuine body under a header claiming a far-ahead counter (within the
            // forward-jump bound, so the tag is what refuses it): if it moved the window,
            // every real frame would then be "too old".
            let ahead = try SFrameTesting.reheader(frames[1], as: SFrameHeader(keyID: 42, counter: 60_000))
            let forged = SFrameTesting.open(&receiver, ahead)
            #expect(forged.error == .authenticationFailed)
            #expect(SFrameTesting.holdsNoPlaintext(forged.output))
            var window = receiver.replayWindow(keyID: 42)
            #expect(window?.highestCounter == 0)
            // A bad tag on a real counter must not mark that counter as seen either.
            var badTag = frames[2]
            badTag[badTag.count - 1] ^= 0x80
            let bad = SFrameTesting.open(&receiver, badTag)
            #expect(bad.error == .authenticationFailed)
            window = receiver.replayWindow(keyID: 42)
            #expect(window?.allows(2) == true)
            for i in 1..<4 {
                let genuine = SFrameTesting.open(&receiver, frames[i])
                #expect(genuine.plaintext == SFrameTesting.plaintext(24, seed: i), "frame \(i)")
            }
            window = receiver.replayWindow(keyID: 42)
            #expect(window?.highestCounter == 3)
        }
        try run(SFrameTesting.backend(backend))
    }

    @Test func windowEdges() {
        var window = SFrameReplayWindow()
        #expect(window.highestCounter == nil)
        #expect(window.allows(.max) && window.allows(0))
        window.record(.max - 2)
        #expect(!window.allows(.max - 2))
        #expect(window.allows(.max) && window.allows(.max - 1) && window.allows(.max - 3))
        window.record(.max)
        #expect(window.highestCounter == .max)
        #expect(!window.allows(.max) && !window.allows(.max - 2) && window.allows(.max - 1))
        #expect(!window.allows(.max - SFrameReplayWindow.width))
        #expect(window.allows(.max - SFrameReplayWindow.width + 1))
        #expect(!window.allows(0))

        // Jumps: by less than the width keep what is still inside, by the width or more
        // clear everything.
        var w = SFrameReplayWindow()
        for c: UInt64 in [10, 11, 12] { w.record(c) }
        w.record(12 + 1000)
        #expect(!w.allows(12) && !w.allows(1012) && w.allows(13) && w.allows(500))
        #expect(!w.allows(10) && !w.allows(11), "still inside the window, still seen")
        w.record(1012 + SFrameReplayWindow.width)
        #expect(w.allows(1012 + 1) && w.allows(1012 + SFrameReplayWindow.width - 1))
        #expect(!w.allows(1012) && !w.allows(1012 + SFrameReplayWindow.width))
        // allows() changes nothing.
        let before = w.highestCounter
        _ = w.allows(5_000_000)
        #expect(w.highestCounter == before && w.allows(5_000_000))
    }

    @Test func windowMatchesASetModel() {
        // Random counters around a moving front, checked against a plain set and the rule.
        var window = SFrameReplayWindow()
        var seen = Set<UInt64>()
        var highest: UInt64?
        var random = SeededRandom(seed: 11)
        var front: UInt64 = 5_000
        for _ in 0..<20_000 {
            front += random.next() % 3
            let counter = front - random.next() % 1_200 + random.next() % 40
            let expected: Bool
            if let top = highest, counter <= top {
                expected = top - counter < SFrameReplayWindow.width && !seen.contains(counter)
            } else {
                expected = true
            }
            #expect(window.allows(counter) == expected, "counter \(counter)")
            if expected {
                window.record(counter)
                seen.insert(counter)
                highest = max(highest ?? counter, counter)
            }
        }
        #expect(window.highestCounter == highest)
    }
}
