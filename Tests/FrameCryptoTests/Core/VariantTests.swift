import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

/// The variant backends (no context reuse, placeholder cipher, no key precomputation) are
/// the same AES-256-GCM: they pass the known answers, interoperate both ways with every
/// default backend, and reject forgeries without leaving plaintext.
@Suite struct VariantTests {
    static var variants: [AEADBackend] {
        BackendRegistry.variants.filter { $0.info.availability.isAvailable }
    }

    @Test func knownAnswers() {
        for variant in Self.variants {
            #expect(
                VectorRunner.run(KnownAnswerTests.file, on: variant).tally == .init(passed: 6, failed: 0, skipped: 0),
                "\(variant.info.name)")
        }
    }

    @Test func interoperateWithTheDefaultBackends() throws {
        var random = SeededRandom(seed: 99)
        for variant in Self.variants {
            for backend in TestBackends.available {
                for size in [0, 1, 64, 1200, 65536] {
                    try roundTrip(variant, backend, size: size, random: &random)
                    try roundTrip(backend, variant, size: size, random: &random)
                }
            }
        }
    }

    private func roundTrip<A: AEADContext & ~Copyable, B: AEADContext & ~Copyable>(
        _: A.Type, _: B.Type, size: Int, random: inout SeededRandom
    ) throws {
        let key = random.bytes(32), aad = random.bytes(13), plaintext = random.bytes(size)
        let nonce = Nonce(counter: random.next())
        var sealer = try A(key: key.span)
        var opener = try B(key: key.span)
        let (ciphertext, tag) = try sealCopy(&sealer, nonce: nonce, aad: aad, plaintext: plaintext)
        let (opened, error) = openCopy(&opener, nonce: nonce, aad: aad, ciphertext: ciphertext, tag: tag)
        #expect(error == nil && opened == plaintext, "\(A.info.name)→\(B.info.name) \(size) B")
        var forged = tag
        forged[15] ^= 0x01
        let (buffer, forgedError) = openCopy(&opener, nonce: nonce, aad: aad, ciphertext: ciphertext, tag: forged)
        #expect(forgedError == .authenticationFailed, "\(A.info.name)→\(B.info.name)")
        #expect(buffer.allSatisfy { $0 == 0 }, "no plaintext after a forged tag")
    }
}
