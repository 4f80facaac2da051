import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

/// Random round trips through every backend (and variant) that runs here: random keys,
/// nonces, AAD and sizes from 0 to 256 KiB; and a random single-bit change anywhere in
/// ciphertext, tag or AAD is always rejected with the buffer left free of plaintext.
@Suite struct AEADRoundTripProperties {
    static let backends: [String] = (BackendRegistry.all + BackendRegistry.variants)
        .filter { $0.info.availability.isAvailable }.map { $0.info.name }

    /// A size from 0…256 KiB, weighted towards the small frames real media has.
    static func size(_ random: inout SeededRandom) -> Int {
        switch random.next() % 4 {
        case 0: Int(random.next() % 17)
        case 1: Int(random.next() % 1500)
        case 2: Int(random.next() % 16385)
        default: Int(random.next() % (256 * 1024 + 1))
        }
    }

    @Test(arguments: backends)
    func randomRoundTripsAndBitFlips(_ name: String) throws {
        let seed = PropertySeed.seed(default: 0x5EA1_0001)
        var random = PropertySeed.random(seed)
        let backend = try BackendRegistry.backend(named: name)
        func run<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            for trial in 0..<24 {
                let key = random.bytes(AESGCM.keyByteCount)
                var context = try Context(key: key.span)
                let nonce = try Nonce(random.bytes(AESGCM.nonceByteCount).span)
                let aad = random.bytes(Int(random.next() % 65))
                let plaintext = random.bytes(Self.size(&random)).map { $0 == 0 ? 1 : $0 }
                let detail = "\(name) trial \(trial), \(plaintext.count) B"
                let (ciphertext, tag) = try sealCopy(&context, nonce: nonce, aad: aad, plaintext: plaintext)
                let opened = openCopy(&context, nonce: nonce, aad: aad, ciphertext: ciphertext, tag: tag)
                #expect(opened.error == nil && opened.buffer == plaintext, PropertySeed.note(seed, detail))

                // One bit flipped in the ciphertext, the tag or the AAD.
                var (c, t, a) = (ciphertext, tag, aad)
                let place = random.next() % 3
                let bit = UInt8(1) << (random.next() % 8)
                if place == 0, !c.isEmpty {
                    c[Int(random.next() % UInt64(c.count))] ^= bit
                } else if place == 2, !a.isEmpty {
                    a[Int(random.next() % UInt64(a.count))] ^= bit
                } else {
                    t[Int(random.next() % UInt64(t.count))] ^= bit
                }
                let tampered = openCopy(&context, nonce: nonce, aad: a, ciphertext: c, tag: t)
                #expect(tampered.error == .authenticationFailed, PropertySeed.note(seed, detail + ", tampered"))
                #expect(tampered.buffer.allSatisfy { $0 == 0 }, PropertySeed.note(seed, detail + ": plaintext left after a failed open"))
            }
        }
        try run(backend)
    }
}
