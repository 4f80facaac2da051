import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

/// The replay window against a plain model under random reordering and duplicates: it
/// accepts exactly what the model accepts (a counter above the highest, or within the
/// window and not yet seen), so a frame opens at most once and anything older than the
/// window is refused; end to end through ``SFrameReceiver`` too.
@Suite struct ReplayWindowProperties {
    /// The model: every counter ever accepted, and the highest.
    struct Model {
        var accepted = Set<UInt64>()
        var highest: UInt64?
        func allows(_ counter: UInt64) -> Bool {
            guard let highest, counter <= highest else { return true }
            return highest - counter < SFrameReplayWindow.width && !accepted.contains(counter)
        }
        mutating func record(_ counter: UInt64) {
            accepted.insert(counter)
            highest = max(highest ?? counter, counter)
        }
    }

    /// Counters 0..<count, each moved by up to `spread` places, with some repeated
    /// (immediately or much later) and some far jumps ahead.
    static func arrivals(count: Int, spread: Int, _ random: inout SeededRandom) -> [UInt64] {
        var order = (0..<count).map { (key: $0 + Int(random.next() % UInt64(spread + 1)), counter: UInt64($0)) }
        order.sort { $0.key < $1.key }
        var out: [UInt64] = []
        for (_, counter) in order {
            out.append(counter)
            if random.next() % 10 == 0, let old = out.randomElement(using: &random) { out.append(old) }
            if random.next() % 500 == 0 { out.append(counter + 2000 + random.next() % 3000) }
        }
        return out
    }

    @Test(arguments: [3, 64, 1000, 1500, 4000])
    func windowMatchesTheModel(spread: Int) {
        let seed = PropertySeed.seed(default: 0x5EA1_0003 &+ UInt64(spread))
        var random = PropertySeed.random(seed)
        var window = SFrameReplayWindow()
        var model = Model()
        var disagreements = 0, acceptedTwice = 0, tooOldAccepted = 0
        var seen = Set<UInt64>()
        for counter in Self.arrivals(count: 20_000, spread: spread, &random) {
            let allowed = window.allows(counter)
            if allowed != model.allows(counter) { disagreements += 1 }
            if allowed {
                if let highest = window.highestCounter, counter < highest, highest - counter >= SFrameReplayWindow.width {
                    tooOldAccepted += 1
                }
                if !seen.insert(counter).inserted { acceptedTwice += 1 }
                window.record(counter)
                model.record(counter)
            }
            if window.highestCounter != model.highest { disagreements += 1 }
        }
        #expect(
            disagreements == 0 && acceptedTwice == 0 && tooOldAccepted == 0,
            PropertySeed.note(seed, "\(disagreements) disagreements, \(acceptedTwice) accepted twice, \(tooOldAccepted) too old accepted"))
        #expect(seen == model.accepted, PropertySeed.note(seed))
    }

    @Test(arguments: SFrameTesting.backendNames)
    func receiverOpensEachFrameAtMostOnce(_ name: String) throws {
        let seed = PropertySeed.seed(default: 0x5EA1_0004)
        var random = PropertySeed.random(seed)
        let baseKey = SecretBox(SecretBytes(copying: random.bytes(32).span))
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var sender = try SFrameSender<Context>(keyID: 7, baseKey: baseKey.secret)
            var receiver = SFrameReceiver<Context>(capacity: 1)
            try receiver.addKey(keyID: 7, baseKey: baseKey.secret)
            let frames = try (0..<3000).map { i in try SFrameTesting.seal(&sender, SFrameTesting.plaintext(16, seed: i)) }
            var model = Model()
            var wrong = 0
            for counter in Self.arrivals(count: frames.count, spread: 1200, &random) where counter < UInt64(frames.count) {
                let attempt = SFrameTesting.open(&receiver, frames[Int(counter)])
                let expected = model.allows(counter)
                if expected {
                    model.record(counter)
                    if attempt.plaintext != SFrameTesting.plaintext(16, seed: Int(counter)) { wrong += 1 }
                } else if attempt.error != .replayedCounter(keyID: 7, counter: counter) || !SFrameTesting.holdsNoPlaintext(attempt.output) {
                    wrong += 1
                }
            }
            #expect(wrong == 0, PropertySeed.note(seed, "\(name): \(wrong) frames opened against the model"))
        }
        try run(try BackendRegistry.backend(named: name))
    }
}
