import FrameCrypto
import FrameTestSupport
import Testing

/// Counters and nonces over a sender's life: every frame's counter is the previous one plus
/// one, and no nonce repeats under a key — checked on the nonces themselves, over 2^18
/// frames by default and 2^21 with `FRAMEBENCH_PROPERTY_FULL=1` (release), across a rekey to
/// a new KID whose key and salt differ.
@Suite struct SFrameCounterProperties {
    /// Frames per KID: half the total, so the total is 2^18 (2^21 in full mode).
    static var framesPerKey: Int { PropertySeed.full ? 1 << 20 : 1 << 17 }

    @Test(arguments: SFrameTesting.backendNames)
    func countersIncreaseAndNoNonceRepeatsAcrossARekey(_ name: String) throws {
        let seed = PropertySeed.seed(default: 0x5EA1_0002)
        var random = PropertySeed.random(seed)
        let keyIDs = [random.next() >> 8, random.next() >> 8]
        let baseKeys = keyIDs.indices.map { _ in SecretBox(SecretBytes(copying: random.bytes(32).span)) }
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            var sframeKeys: [[UInt8]] = []
            var salts: [Nonce] = []
            for (index, keyID) in keyIDs.enumerated() {
                let secret = SFrameKeySchedule.secret(baseKey: baseKeys[index].secret)
                sframeKeys.append(SFrameKeySchedule.key(secret: secret, keyID: keyID).exposedForTesting())
                salts.append(SFrameKeySchedule.salt(secret: secret, keyID: keyID))
                var sender = try SFrameSender<Context>(keyID: keyID, baseKey: baseKeys[index].secret)
                let keyBytes = sframeKeys[index]
                var check = try Context(key: keyBytes.span)
                let nonces = try sealAll(&sender, keyID: keyID, salt: salts[index], check: &check, seed: seed)
                #expect(sender.nextCounter == UInt64(Self.framesPerKey), PropertySeed.note(seed))
                #expect(Self.repeats(in: nonces) == 0, PropertySeed.note(seed, "\(name): a nonce repeated under KID \(keyID)"))
            }
            // A rekey brings a new key and a new salt, so nonces of the two KIDs never meet
            // under one key.
            #expect(sframeKeys[0] != sframeKeys[1] && salts[0] != salts[1], PropertySeed.note(seed))
        }
        try run(try BackendRegistry.backend(named: name))
    }

    /// Seals `framesPerKey` empty frames; checks each header's KID and that its counter is
    /// the previous plus one; returns the low 8 bytes of each frame's nonce (the upper 4 are
    /// the salt's alone). Every 4096th frame is opened with a plain AEAD context under the
    /// recomputed nonce, which proves it is the nonce the frame was sealed with.
    private func sealAll<Context: AEADContext & ~Copyable>(
        _ sender: inout SFrameSender<Context>, keyID: UInt64, salt: Nonce, check: inout Context, seed: UInt64
    ) throws -> [UInt64] {
        var nonces = [UInt64](repeating: 0, count: Self.framesPerKey)
        var frame = [UInt8](repeating: 0, count: SFrameSender<Context>.maxOverhead)
        var previous: UInt64?
        var failures = 0
        let empty: [UInt8] = []
        for i in 0..<Self.framesPerKey {
            let written = try frame.withUnsafeMutableBytes { out in
                try empty.withUnsafeBytes { plain in try sender.seal(plaintext: plain, metadata: plain, into: out) }
            }
            let (header, headerCount) = try frame.withUnsafeBytes { bytes in
                try SFrameHeader.decode(UnsafeRawBufferPointer(rebasing: bytes[0..<written]))
            }
            if header.keyID != keyID || previous.map({ header.counter != $0 + 1 }) ?? (header.counter != 0) { failures += 1 }
            previous = header.counter
            let nonce = SFrameKeySchedule.nonce(salt: salt, counter: header.counter)
            var low: UInt64 = 0
            for b in 4..<12 { low = low << 8 | UInt64(nonce.bytes[b]) }
            nonces[i] = low
            if i % 4096 == 0 {
                let aad = Array(frame.prefix(headerCount))
                let tag = Array(frame[headerCount..<written])
                let opened = openCopy(&check, nonce: nonce, aad: aad, ciphertext: [], tag: tag)
                if opened.error != nil { failures += 1 }
            }
        }
        #expect(failures == 0, PropertySeed.note(seed, "\(failures) frames with a wrong KID, a counter not previous + 1, or another nonce"))
        return nonces
    }

    /// How many values equal their predecessor once sorted: 0 when all are distinct. Eight
    /// bytes a frame, sorted in place: 16 MiB for 2^21 frames, no hash set.
    static func repeats(in values: [UInt64]) -> Int {
        let sorted = values.sorted()
        return zip(sorted, sorted.dropFirst()).filter { $0 == $1 }.count
    }

    @Test func theRepeatCheckFindsARepeat() {
        #expect(Self.repeats(in: [5, 1, 9, 1, 7]) == 1 && Self.repeats(in: [3, 1, 2]) == 0)
    }
}
