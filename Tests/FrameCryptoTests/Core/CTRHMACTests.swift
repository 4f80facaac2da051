import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

/// The AEADs of every suite at the context level: the HMAC keyed once and reused gives
/// what a fresh context gives, across many frames and across keys; every tag bit and every
/// ciphertext byte is checked; a tag of another length is refused.
@Suite struct CTRHMACTests {
    /// Every (algorithm, backend) pair that runs here, by name.
    static let cells: [SuiteCell] = SuiteCells.implemented

    /// One long-lived context per key, used for 300 frames of varied sizes and AAD with two
    /// keys interleaved (a rekey and back), gives byte for byte what a context made fresh
    /// for each frame gives, and opens its own frames.
    @Test(arguments: cells)
    func aReusedContextMatchesAFreshOneAcrossFramesAndKeys(_ cell: SuiteCell) throws {
        func run<C: AEADContext & ~Copyable>(_: C.Type) throws {
            let algorithm = cell.suite.aead
            var random = SeededRandom(seed: UInt64(cell.suite.rawValue) &* 7919)
            let keys = [random.bytes(algorithm.keyByteCount), random.bytes(algorithm.keyByteCount)]
            let key0 = keys[0], key1 = keys[1]
            var first = try C(algorithm: algorithm, key: key0.span)
            var second = try C(algorithm: algorithm, key: key1.span)
            for frame in 0..<300 {
                let which = (frame / 7) % 2
                let size = [0, 1, 31, 64, 65, 100, 1200, 3000][frame % 8]
                let plaintext = random.bytes(size), aad = random.bytes(frame % 3 == 0 ? 0 : 1 + frame % 40)
                let nonce = Nonce(counter: random.next())
                let key = keys[which]
                var fresh = try C(algorithm: algorithm, key: key.span)
                let expected = try sealCopy(&fresh, nonce: nonce, aad: aad, plaintext: plaintext)
                let got =
                    which == 0
                    ? try sealCopy(&first, nonce: nonce, aad: aad, plaintext: plaintext)
                    : try sealCopy(&second, nonce: nonce, aad: aad, plaintext: plaintext)
                #expect(got.ciphertext == expected.ciphertext && got.tag == expected.tag, "frame \(frame)")
                #expect(got.tag.count == algorithm.tagByteCount)
                let opened =
                    which == 0
                    ? openCopy(&first, nonce: nonce, aad: aad, ciphertext: got.ciphertext, tag: got.tag)
                    : openCopy(&second, nonce: nonce, aad: aad, ciphertext: got.ciphertext, tag: got.tag)
                #expect(opened.error == nil && opened.buffer == plaintext, "frame \(frame)")
            }
        }
        try run(SFrameTesting.backend(cell.backend))
    }

    /// Every bit of the tag and every byte of the ciphertext and AAD flipped in turn is
    /// refused, leaving the buffer wiped or untouched, never plaintext.
    @Test(arguments: cells)
    func everyTagBitAndCiphertextByteIsChecked(_ cell: SuiteCell) throws {
        func run<C: AEADContext & ~Copyable>(_: C.Type) throws {
            let algorithm = cell.suite.aead
            var random = SeededRandom(seed: 5)
            var context = try C(algorithm: algorithm, key: random.bytes(algorithm.keyByteCount).span)
            let plaintext = SFrameTesting.plaintext(33), aad = random.bytes(9), nonce = Nonce(counter: 11)
            let (ciphertext, tag) = try sealCopy(&context, nonce: nonce, aad: aad, plaintext: plaintext)
            func refused(_ ct: [UInt8], _ tg: [UInt8], _ ad: [UInt8]) -> Bool {
                let (buffer, error) = openCopy(&context, nonce: nonce, aad: ad, ciphertext: ct, tag: tg)
                return error == .authenticationFailed && (buffer.allSatisfy { $0 == 0 } || buffer == ct)
            }
            for bit in 0..<(8 * tag.count) {
                var forged = tag
                forged[bit / 8] ^= UInt8(1 << (bit % 8))
                #expect(refused(ciphertext, forged, aad), "tag bit \(bit)")
            }
            for index in ciphertext.indices {
                var forged = ciphertext
                forged[index] ^= 0x01
                #expect(refused(forged, tag, aad), "ciphertext byte \(index)")
            }
            for index in aad.indices {
                var forged = aad
                forged[index] ^= 0x01
                #expect(refused(ciphertext, tag, forged), "aad byte \(index)")
            }
            #expect(refused(ciphertext, tag, aad + [0]), "aad one byte longer")
            #expect(openCopy(&context, nonce: nonce, aad: aad, ciphertext: ciphertext, tag: tag).buffer == plaintext)
        }
        try run(SFrameTesting.backend(cell.backend))
    }

    /// A tag span of any other length than the algorithm's is refused before anything is
    /// decrypted: a truncated tag is never checked short.
    @Test(arguments: cells)
    func tagsOfAnotherLengthAreRefused(_ cell: SuiteCell) throws {
        func run<C: AEADContext & ~Copyable>(_: C.Type) throws {
            let algorithm = cell.suite.aead
            var context = try C(algorithm: algorithm, key: [UInt8](repeating: 3, count: algorithm.keyByteCount).span)
            let (ciphertext, tag) = try sealCopy(&context, nonce: Nonce(counter: 1), aad: [], plaintext: [1, 2, 3])
            for length in [0, 1, 4, 8, 10, 12, 16, 32] where length != algorithm.tagByteCount {
                let short = Array((tag + [UInt8](repeating: 0, count: 32)).prefix(length))
                let (buffer, error) = openCopy(&context, nonce: Nonce(counter: 1), aad: [], ciphertext: ciphertext, tag: short)
                #expect(error == .invalidTagLength(length) && buffer == ciphertext, "\(length)-byte tag")
            }
        }
        try run(SFrameTesting.backend(cell.backend))
    }

    /// The key is `enc_key ‖ auth_key`: a different AES key changes the ciphertext, a
    /// different HMAC key only the tag.
    @Test(arguments: SuiteCells.implemented.filter { !$0.suite.aead.isGCM })
    func theKeyIsTheAESKeyThenTheHMACKey(_ cell: SuiteCell) throws {
        func run<C: AEADContext & ~Copyable>(_: C.Type) throws {
            let algorithm = cell.suite.aead
            let key = [UInt8](repeating: 9, count: algorithm.keyByteCount)
            var otherAuth = key
            otherAuth[algorithm.keyByteCount - 1] ^= 1
            var otherEnc = key
            otherEnc[0] ^= 1
            let plaintext = SFrameTesting.plaintext(20)
            func seal(_ k: [UInt8]) throws -> (ciphertext: [UInt8], tag: [UInt8]) {
                var context = try C(algorithm: algorithm, key: k.span)
                return try sealCopy(&context, nonce: Nonce(counter: 3), aad: [1], plaintext: plaintext)
            }
            let base = try seal(key), auth = try seal(otherAuth), enc = try seal(otherEnc)
            #expect(auth.ciphertext == base.ciphertext && auth.tag != base.tag)
            #expect(enc.ciphertext != base.ciphertext && enc.tag != base.tag)
        }
        try run(SFrameTesting.backend(cell.backend))
    }
}
