import FrameCrypto
import FrameTestSupport
import Testing

/// Any change to ciphertext, tag, AAD, nonce or key is rejected, and a rejected buffer never
/// holds plaintext.
@Suite struct TamperTests {
    let key = (0..<32).map { UInt8($0) }
    let aad: [UInt8] = Array("frame header + metadata".utf8)
    let plaintext: [UInt8] = Array("forty bytes of secret media payload!!!!!".utf8)
    let nonce = Nonce(counter: 0x0102_0304_0506_0708)

    @Test func everyFlippedBitIsRejected() throws {
        for backend in TestBackends.available { try flips(backend) }
    }

    @Test func wrongKeyNonceAndTruncatedTagAreRejected() throws {
        for backend in TestBackends.available { try wrongInputs(backend) }
    }

    @Test func emptyPlaintextAndEmptyAAD() throws {
        for backend in TestBackends.available { try empties(backend) }
    }

    @Test func badKeyLengthsAreTypedErrors() {
        for backend in TestBackends.available {
            for length in [0, 16, 24, 31, 33, 64] {
                let key = [UInt8](repeating: 1, count: length)
                #expect(throws: FrameCryptoError.invalidKeyLength(expected: 32, actual: length)) {
                    _ = try makeContext(backend, key: key)
                }
            }
        }
    }

    private func makeContext<C: AEADContext & ~Copyable>(_: C.Type, key: [UInt8]) throws(FrameCryptoError) -> Bool {
        _ = try C(key: key.span)
        return true
    }

    private func flips<C: AEADContext & ~Copyable>(_: C.Type) throws {
        var context = try C(key: key.span)
        let (ciphertext, tag) = try sealCopy(&context, nonce: nonce, aad: aad, plaintext: plaintext)
        func expectRejected(ciphertext c: [UInt8], tag t: [UInt8], aad a: [UInt8], _ what: String) {
            let (buffer, error) = openCopy(&context, nonce: nonce, aad: a, ciphertext: c, tag: t)
            #expect(error == .authenticationFailed, "\(C.info.name): \(what)")
            #expect(buffer.allSatisfy { $0 == 0 }, "\(C.info.name): \(what) left bytes in the buffer")
        }
        for bit in 0..<(ciphertext.count * 8) {
            var c = ciphertext
            c[bit / 8] ^= 1 << (bit % 8)
            expectRejected(ciphertext: c, tag: tag, aad: aad, "ciphertext bit \(bit)")
        }
        for bit in 0..<(tag.count * 8) {
            var t = tag
            t[bit / 8] ^= 1 << (bit % 8)
            expectRejected(ciphertext: ciphertext, tag: t, aad: aad, "tag bit \(bit)")
        }
        for bit in 0..<(aad.count * 8) {
            var a = aad
            a[bit / 8] ^= 1 << (bit % 8)
            expectRejected(ciphertext: ciphertext, tag: tag, aad: a, "AAD bit \(bit)")
        }
        expectRejected(ciphertext: ciphertext, tag: tag, aad: aad + [0], "AAD with a byte appended")
        expectRejected(ciphertext: ciphertext, tag: tag, aad: [], "AAD removed")
        // And the untouched frame still opens: the context is not poisoned by failures.
        let (opened, error) = openCopy(&context, nonce: nonce, aad: aad, ciphertext: ciphertext, tag: tag)
        #expect(error == nil)
        #expect(opened == plaintext)
    }

    private func wrongInputs<C: AEADContext & ~Copyable>(_: C.Type) throws {
        var context = try C(key: key.span)
        let (ciphertext, tag) = try sealCopy(&context, nonce: nonce, aad: aad, plaintext: plaintext)

        var otherKey = key
        otherKey[31] ^= 0x80
        var wrong = try C(key: otherKey.span)
        let (wrongKeyBuffer, wrongKeyError) = openCopy(&wrong, nonce: nonce, aad: aad, ciphertext: ciphertext, tag: tag)
        #expect(wrongKeyError == .authenticationFailed)
        #expect(wrongKeyBuffer.allSatisfy { $0 == 0 })

        let (_, wrongNonceError) = openCopy(&context, nonce: nonce.xor(counter: 1), aad: aad, ciphertext: ciphertext, tag: tag)
        #expect(wrongNonceError == .authenticationFailed)

        for length in [0, 4, 8, 12, 15, 17] {
            let t = length <= 16 ? Array(tag.prefix(length)) : tag + [0]
            let (buffer, error) = openCopy(&context, nonce: nonce, aad: aad, ciphertext: ciphertext, tag: t)
            #expect(error == .invalidTagLength(length), "a \(length)-byte tag")
            #expect(buffer == ciphertext, "rejected before decrypting: still ciphertext, no plaintext")
        }

        var text = plaintext
        var shortTag = [UInt8](repeating: 0, count: 12)
        var textSpan = text.mutableSpan
        var tagSpan = shortTag.mutableSpan
        #expect(throws: FrameCryptoError.invalidTagLength(12)) {
            try context.seal(nonce: nonce, aad: aad.span, text: &textSpan, tag: &tagSpan)
        }
    }

    private func empties<C: AEADContext & ~Copyable>(_: C.Type) throws {
        var context = try C(key: key.span)
        for (p, a) in [([UInt8](), [UInt8]()), ([], aad), (plaintext, [])] {
            let (ciphertext, tag) = try sealCopy(&context, nonce: nonce, aad: a, plaintext: p)
            #expect(ciphertext.count == p.count)
            #expect(tag != [UInt8](repeating: 0, count: 16))
            let (opened, error) = openCopy(&context, nonce: nonce, aad: a, ciphertext: ciphertext, tag: tag)
            #expect(error == nil)
            #expect(opened == p)
            var forged = tag
            forged[0] ^= 1
            #expect(openCopy(&context, nonce: nonce, aad: a, ciphertext: ciphertext, tag: forged).error == .authenticationFailed)
        }
    }
}
