public import FrameCrypto

/// Makes SFrame test vectors for any of the eight cipher suites in the RFC's shape, fixed by
/// a seed: `framebench vectors`.
///
/// Everything, base keys included, comes from ``SeededRandom``: these are test vectors,
/// reproducible anywhere, never keys for real traffic. KIDs and counters range over every
/// header length, from values inline in the config byte to 2^64 − 1; base keys are 16,
/// 32 or 64 bytes; metadata runs from none to half a KiB and plaintext from none to 4 KiB.
/// The first entries pin the extremes (all-inline and 17-byte headers) whatever the seed.
public enum SFrameVectorGenerator {
    /// `count` header vectors and `count` encryption vectors for each of `suites` (default
    /// `AES_256_GCM_SHA512_128` alone) from `seed`, computed with `backend` (every backend
    /// gives the same bytes). The encryption vectors are listed suite by suite; each suite's
    /// draw from the generator is its own (seeded with `seed` and the suite number), so a
    /// suite's vectors do not depend on which other suites are asked for. Suite 5's are
    /// those of earlier versions, which knew suite 5 alone.
    ///
    /// - Throws: ``FrameCryptoError/unsupportedAlgorithm(_:backend:)`` when `backend` lacks a
    ///   suite, or what the backend throws when keying or sealing.
    public static func generate<Context: AEADContext & ~Copyable>(
        count: Int, seed: UInt64, suites: [SFrameCipherSuite] = [.default], using backend: Context.Type
    ) throws(FrameCryptoError) -> SFrameVectors {
        var random = SeededRandom(seed: seed)
        let pinned: [(UInt64, UInt64)] = [(0, 0), (UInt64.max, UInt64.max), (7, 8), (8, 7), (255, 256)]

        var headers: [SFrameHeaderVector] = []
        for i in 0..<max(count, 0) {
            let (kid, ctr) = i < pinned.count ? pinned[i] : (variedValue(&random), variedValue(&random))
            headers.append(
                SFrameHeaderVector(id: "header[\(i)]", keyID: kid, counter: ctr, encoded: encode(kid, ctr)))
        }

        var frames: [SFrameSuiteVector] = []
        for suite in suites {
            guard Context.algorithms.contains(suite.aead) else {
                throw .unsupportedAlgorithm(suite.aead, backend: Context.info.name)
            }
            // Suite 5 continues the header draw, as when it was the only suite.
            var draw = suite == .default ? random : SeededRandom(seed: seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(suite.rawValue))
            for i in 0..<max(count, 0) {
                let (kid, ctr) = i < pinned.count ? pinned[i] : (variedValue(&draw), variedValue(&draw))
                let baseKey = draw.bytes([16, 32, 64][Int(draw.next() % 3)])
                let metadata = draw.bytes(i == 0 ? 0 : size(&draw, classes: [0, 0, 32, 512]))
                let plaintext = draw.bytes(i == 0 ? 0 : size(&draw, classes: [0, 16, 256, 1500, 4096]))
                frames.append(
                    try frame(
                        id: "sframe[\(frames.count)] (cipher_suite \(suite.rawValue))", kid: kid, ctr: ctr,
                        baseKey: baseKey, metadata: metadata, plaintext: plaintext, suite: suite, backend: backend))
            }
        }
        return SFrameVectors(path: "generated (seed \(seed))", headers: headers, frames: frames)
    }

    /// One encryption vector with every intermediate, computed through FrameCrypto.
    static func frame<Context: AEADContext & ~Copyable>(
        id: String, kid: UInt64, ctr: UInt64, baseKey: [UInt8], metadata: [UInt8], plaintext: [UInt8],
        suite: SFrameCipherSuite, backend: Context.Type
    ) throws(FrameCryptoError) -> SFrameSuiteVector {
        let base = SecretBytes(copying: baseKey.span)
        let secret = SFrameKeySchedule.secret(baseKey: base, suite: suite)
        let key = SFrameKeySchedule.key(secret: secret, keyID: kid, suite: suite)
        let salt = SFrameKeySchedule.salt(secret: secret, keyID: kid, suite: suite)
        let header = SFrameHeader(keyID: kid, counter: ctr)
        let sealed = try seal(
            key: key, salt: salt, header: header, plaintext: plaintext, metadata: metadata, suite: suite, as: Context.self)
        return SFrameSuiteVector(
            id: id, cipherSuite: UInt64(suite.rawValue), keyID: kid, counter: ctr, baseKey: baseKey,
            keyLabel: SFrameKeySchedule.keyLabel(keyID: kid, suite: suite),
            saltLabel: SFrameKeySchedule.saltLabel(keyID: kid, suite: suite),
            secret: secret.exposedForTesting(), key: key.exposedForTesting(), salt: salt.byteArray,
            metadata: metadata, nonce: SFrameKeySchedule.nonce(salt: salt, counter: ctr).byteArray,
            aad: encode(kid, ctr) + metadata, plaintext: plaintext, ciphertext: sealed)
    }

    /// `header ‖ ciphertext ‖ tag` for `plaintext` sealed at `header`'s counter under
    /// `key` and `salt` with `suite`'s AEAD: the stateless transform, since a vector names
    /// its counter.
    static func seal<Context: AEADContext & ~Copyable>(
        key: borrowing SecretBytes, salt: Nonce, header: SFrameHeader, plaintext: [UInt8], metadata: [UInt8],
        suite: SFrameCipherSuite, as backend: Context.Type
    ) throws(FrameCryptoError) -> [UInt8] {
        var context = try key.withSpan { (span) throws(FrameCryptoError) in try Context(algorithm: suite.aead, key: span) }
        var sealed = [UInt8](
            repeating: 0, count: SFrameCipher.protectedSize(plaintextCount: plaintext.count, header: header, suite: suite))
        var output = sealed.mutableSpan
        _ = try plaintext.span.withUnsafeBytes { (pt) throws(FrameCryptoError) in
            try metadata.span.withUnsafeBytes { (meta) throws(FrameCryptoError) in
                try output.withUnsafeMutableBytes { (out) throws(FrameCryptoError) in
                    try SFrameCipher.seal(context: &context, salt: salt, header: header, plaintext: pt, metadata: meta, into: out)
                }
            }
        }
        return sealed
    }

    /// A value whose encoding takes 0 (inline) to 8 extra header bytes, equally likely;
    /// a quarter of the time the smallest and a quarter the largest of its length.
    static func variedValue(_ random: inout SeededRandom) -> UInt64 {
        let length = Int(random.next() % 9)
        if length == 0 { return random.next() % 8 }
        let bits = 8 * length
        let top: UInt64 = bits == 64 ? .max : (1 << bits) - 1
        let bottom: UInt64 = length == 1 ? 8 : 1 << (bits - 8)
        switch random.next() % 4 {
        case 0: return bottom
        case 1: return top
        default: return bottom + random.next() % (top - bottom + 1)
        }
    }

    /// A size up to one of `classes`' bounds, picked evenly: 0 for a bound of 0, else
    /// 1 through the bound.
    private static func size(_ random: inout SeededRandom, classes: [Int]) -> Int {
        let bound = classes[Int(random.next() % UInt64(classes.count))]
        return bound == 0 ? 0 : 1 + Int(random.next() % UInt64(bound))
    }

    private static func encode(_ kid: UInt64, _ ctr: UInt64) -> [UInt8] {
        let header = SFrameHeader(keyID: kid, counter: ctr)
        var bytes = [UInt8](repeating: 0, count: header.byteCount)
        _ = try? bytes.withUnsafeMutableBytes { (out) throws(FrameCryptoError) in try header.encode(into: out) }
        return bytes
    }
}
