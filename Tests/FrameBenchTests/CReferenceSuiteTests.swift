import CFrameReference
import FrameCrypto
import FrameVectors
import Testing

/// CFrameReference's per-suite C loops (CFrameReferenceSuites.h) give the same bytes as
/// FrameCrypto's `openssl` backend for every SFrame cipher suite: the same sealed frames and
/// tags under the same counter nonces, and the same plaintext back (or a refusal of a bad tag).
@Suite struct CReferenceSuiteTests {
    static let cells: [(SFrameCipherSuite, Int)] = SFrameCipherSuite.allCases.flatMap { suite in
        [0, 1, 64, 1500].map { (suite, $0) }
    }

    @Test(arguments: cells)
    func sealsAndOpensExactlyAsTheOpenSSLBackend(suite: SFrameCipherSuite, size: Int) throws {
        let algorithm = suite.aead
        var random = SeededRandom(seed: 7 &+ UInt64(suite.rawValue))
        let key = random.bytes(algorithm.keyByteCount), aad = random.bytes(8), payload = random.bytes(size)
        let c = try #require(key.withUnsafeBufferPointer { fbr_openssl_suite_new(suite.rawValue, $0.baseAddress) })
        defer { fbr_openssl_suite_free(c) }
        #expect(fbr_openssl_suite_tag_size(c) == algorithm.tagByteCount)
        var swift = try OpenSSLContext(algorithm: algorithm, key: key.span)

        // Seal: three frames in place, counters 1, 2, 3, the tag of the last one kept.
        var cText = payload, cTag = [UInt8](repeating: 0, count: algorithm.tagByteCount)
        var counter: UInt64 = 0
        let elapsed = cText.withUnsafeMutableBufferPointer { text in
            aad.withUnsafeBufferPointer { a in
                cTag.withUnsafeMutableBufferPointer { t in
                    fbr_openssl_suite_seal_batch(
                        c, text.baseAddress, size, a.baseAddress, a.count, t.baseAddress, &counter, 3)
                }
            }
        }
        #expect(elapsed >= 0 && counter == 3)
        var swiftText = payload, swiftTag = [UInt8](repeating: 0, count: algorithm.tagByteCount)
        for frame in UInt64(1)...3 {
            var text = swiftText.mutableSpan
            var tag = swiftTag.mutableSpan
            try swift.seal(nonce: Nonce(counter: frame), aad: aad.span, text: &text, tag: &tag)
        }
        #expect(cText == swiftText, "suite \(suite.rawValue), \(size) B")
        #expect(cTag == swiftTag, "suite \(suite.rawValue), \(size) B")
        #expect(size == 0 || cText != payload)

        // Open: one frame sealed by Swift at counter 9, opened twice by C.
        var sealed = payload, tag = [UInt8](repeating: 0, count: algorithm.tagByteCount)
        do {
            var text = sealed.mutableSpan
            var tagSpan = tag.mutableSpan
            try swift.seal(nonce: Nonce(counter: 9), aad: aad.span, text: &text, tag: &tagSpan)
        }
        let nonce = Nonce(counter: 9)
        func cOpen(_ tag: [UInt8]) -> (Int64, [UInt8]) {
            var opened = [UInt8](repeating: 0xAA, count: size)
            let result = withUnsafeBytes(of: nonce.bytes) { n in
                sealed.withUnsafeBufferPointer { ct in
                    opened.withUnsafeMutableBufferPointer { pt in
                        aad.withUnsafeBufferPointer { a in
                            tag.withUnsafeBufferPointer { t in
                                fbr_openssl_suite_open_batch(
                                    c, ct.baseAddress, pt.baseAddress, size, a.baseAddress, a.count, t.baseAddress,
                                    n.baseAddress?.assumingMemoryBound(to: UInt8.self), 2)
                            }
                        }
                    }
                }
            }
            return (result, opened)
        }
        let (good, opened) = cOpen(tag)
        #expect(good >= 0 && opened == payload)
        var bad = tag
        bad[bad.count - 1] ^= 0x01
        let (refused, left) = cOpen(bad)
        #expect(refused < 0 && left.allSatisfy { $0 == 0 })
    }

    @Test func otherSuiteNumbersGiveNoContext() {
        let key = [UInt8](repeating: 1, count: 96)
        for number: UInt16 in [0, 9, 0xFFFF] {
            #expect(key.withUnsafeBufferPointer { fbr_openssl_suite_new(number, $0.baseAddress) } == nil)
        }
    }
}
