import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

/// What one backend seals, every other backend opens, byte for byte, and both agree on the
/// ciphertext and tag: random keys, nonces, AAD and sizes from 0 B to 256 KiB.
@Suite struct InteropTests {
    static let sizes = [0, 1, 15, 16, 17, 64, 100, 160, 1200, 4095, 4096, 16384, 65535, 65536, 262_144]

    @Test func sealedByOneOpenedByTheOther() throws {
        var random = SeededRandom(seed: 2026)
        for (a, b) in TestBackends.pairs {
            for size in Self.sizes + (0..<20).map({ _ in Int.random(in: 0...262_144, using: &random) }) {
                try roundTrip(a, b, size: size, random: &random)
            }
        }
    }

    @Test(
        .enabled(
            if: TestBackends.available.count >= 2, "needs two available backends to compare (BackendCoverageTests names the missing ones)"))
    func backendsProduceIdenticalCiphertextAndTag() throws {
        var random = SeededRandom(seed: 7)
        let all = TestBackends.available
        for size in Self.sizes {
            let key = random.bytes(32), aad = random.bytes(Int.random(in: 0...64, using: &random))
            let nonceBytes = random.bytes(12)
            let nonce = try Nonce(nonceBytes.span)
            let plaintext = random.bytes(size)
            let outputs = try all.map { backend in try sealWith(backend, key: key, nonce: nonce, aad: aad, plaintext: plaintext) }
            for output in outputs.dropFirst() {
                #expect(output.ciphertext == outputs[0].ciphertext)
                #expect(output.tag == outputs[0].tag)
            }
        }
    }

    @Test func outOfPlaceMatchesInPlace() throws {
        for backend in TestBackends.available { try outOfPlace(backend) }
    }

    private func roundTrip<A: AEADContext & ~Copyable, B: AEADContext & ~Copyable>(
        _: A.Type, _: B.Type, size: Int, random: inout SeededRandom
    ) throws {
        let key = random.bytes(32)
        let aad = random.bytes(Int.random(in: 0...48, using: &random))
        let nonceBytes = random.bytes(12)
        let nonce = try Nonce(nonceBytes.span)
        let plaintext = random.bytes(size)
        var sealer = try A(key: key.span)
        var opener = try B(key: key.span)
        let (ciphertext, tag) = try sealCopy(&sealer, nonce: nonce, aad: aad, plaintext: plaintext)
        if size >= 16 { #expect(ciphertext != plaintext) }
        let (opened, error) = openCopy(&opener, nonce: nonce, aad: aad, ciphertext: ciphertext, tag: tag)
        #expect(error == nil, "\(A.info.name)→\(B.info.name) \(size) B: \(String(describing: error))")
        #expect(opened == plaintext, "\(A.info.name)→\(B.info.name) \(size) B")
    }

    private func sealWith<C: AEADContext & ~Copyable>(
        _: C.Type, key: [UInt8], nonce: Nonce, aad: [UInt8], plaintext: [UInt8]
    ) throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        var context = try C(key: key.span)
        return try sealCopy(&context, nonce: nonce, aad: aad, plaintext: plaintext)
    }

    private func outOfPlace<C: AEADContext & ~Copyable>(_: C.Type) throws {
        let key = [UInt8](repeating: 9, count: 32), aad: [UInt8] = [1, 2, 3]
        let plaintext = (0..<1000).map { UInt8(truncatingIfNeeded: $0) }
        var context = try C(key: key.span)
        let nonce = Nonce(counter: 42)
        let (inPlace, inPlaceTag) = try sealCopy(&context, nonce: nonce, aad: aad, plaintext: plaintext)
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
        var tag = [UInt8](repeating: 0, count: 16)
        try plaintext.withUnsafeBytes { p in
            try aad.withUnsafeBytes { a in
                try ciphertext.withUnsafeMutableBytes { c in
                    try tag.withUnsafeMutableBytes { t in
                        try context.seal(nonce: nonce, aad: a, plaintext: p, ciphertext: c, tag: t.baseAddress!)
                    }
                }
            }
        }
        #expect(ciphertext == inPlace)
        #expect(tag == inPlaceTag)
        var opened = [UInt8](repeating: 0, count: plaintext.count)
        try ciphertext.withUnsafeBytes { c in
            try aad.withUnsafeBytes { a in
                try opened.withUnsafeMutableBytes { o in
                    try tag.withUnsafeBytes { t in
                        try context.open(nonce: nonce, aad: a, ciphertext: c, tag: t.baseAddress!, plaintext: o)
                    }
                }
            }
        }
        #expect(opened == plaintext)
        // Mismatched buffer sizes are a typed error, not a crash.
        #expect(throws: FrameCryptoError.bufferSizeMismatch(expected: 1000, actual: 999)) {
            try plaintext.withUnsafeBytes { p in
                try ciphertext.withUnsafeMutableBytes { c in
                    try tag.withUnsafeMutableBytes { t in
                        try context.seal(
                            nonce: nonce, aad: UnsafeRawBufferPointer(start: nil, count: 0), plaintext: p,
                            ciphertext: UnsafeMutableRawBufferPointer(rebasing: c[0..<999]), tag: t.baseAddress!)
                    }
                }
            }
        }
    }
}
