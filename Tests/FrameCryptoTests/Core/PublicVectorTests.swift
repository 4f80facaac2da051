import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

/// The Wycheproof and NIST CAVP records FrameBench can express (AES-128/256-GCM, 96-bit IV, 128-bit tag),
/// from the copy in `Tests/Vectors`, through the same readers `framebench verify` uses. The copy
/// is on every clone: these never skip.
@Suite struct PublicVectorTests {
    @Test(arguments: TestBackends.available.map { $0.info.name })
    func wycheproofAES256With96BitIV(backend name: String) throws {
        let file = try WycheproofReader.read(path: TestVectors.path("wycheproof/aes_gcm_test.json"))
        // The copy: the 96-bit-IV, 128-bit-tag groups for AES-128 (tcId 1…67: 40 valid, 27 invalid)
        // and AES-256 (tcId 91…156: 39 valid, 27 invalid); AES-128 runs where the backend has it.
        #expect(file.vectors.count == 133)
        let expressible = file.vectors.filter { $0.unsupportedReason == nil }
        #expect(expressible.count == 133)
        #expect(expressible.filter { $0.expectation == .valid }.count == 79)
        #expect(expressible.filter { $0.expectation == .invalid }.count == 54)
        let backend = try BackendRegistry.backend(named: name)
        let report = VectorRunner.run(file, on: backend)
        let expected =
            BackendRegistry.implements(backend, .aes128GCM)
            ? VectorTally(passed: 133, failed: 0, skipped: 0) : VectorTally(passed: 66, failed: 0, skipped: 67)
        #expect(report.tally == expected)
        #expect(report.failures.isEmpty, "\(report.failures)")
    }

    @Test(arguments: ["nist/gcmEncryptExtIV256.rsp", "nist/gcmDecrypt256.rsp"], TestBackends.available.map { $0.info.name })
    func nistCAVP256BitKey(file relative: String, backend name: String) throws {
        let file = try NISTReader.read(path: TestVectors.path(relative))
        // 25 (PTlen × AADlen) sections of 15 records with a 96-bit IV and a 128-bit tag.
        #expect(file.vectors.count == 375)
        #expect(file.vectors.allSatisfy { $0.unsupportedReason == nil })
        if relative.contains("Decrypt") {
            #expect(file.vectors.filter { $0.expectation == .invalid }.count == 191, "the decrypt file's FAIL records")
        }
        let report = VectorRunner.run(file, on: try BackendRegistry.backend(named: name))
        #expect(report.tally == VectorTally(passed: 375, failed: 0, skipped: 0))
        #expect(report.failures.isEmpty, "\(report.failures.prefix(3))")
    }

    /// The AES-128 NIST files: every record passes on each backend that declares AES-128-GCM
    /// (keyed with `init(algorithm: .aes128GCM, key:)`), and is skipped, never passed, on one
    /// that does not.
    @Test(arguments: ["nist/gcmEncryptExtIV128.rsp", "nist/gcmDecrypt128.rsp"], TestBackends.available.map { $0.info.name })
    func nistCAVP128BitKey(file relative: String, backend name: String) throws {
        let file = try NISTReader.read(path: TestVectors.path(relative))
        #expect(file.vectors.count == 375)
        #expect(file.vectors.allSatisfy { $0.key.count == 16 && $0.iv.count == 12 && $0.declaredTagBits == 128 })
        let backend = try BackendRegistry.backend(named: name)
        let report = VectorRunner.run(file, on: backend, as: .aes128GCM)
        if backend.algorithms.contains(.aes128GCM) {
            #expect(report.tally == VectorTally(passed: 375, failed: 0, skipped: 0), "\(report.failures.prefix(3))")
        } else {
            #expect(report.tally == VectorTally(passed: 0, failed: 0, skipped: 375))
        }
    }

    /// Wycheproof's AES-128 group with a 96-bit IV (tcId 1…67 in the copy) on each backend
    /// that declares AES-128-GCM; skipped, never passed, on one that does not.
    @Test(arguments: TestBackends.available.map { $0.info.name })
    func wycheproofAES128With96BitIV(backend name: String) throws {
        let file = try WycheproofReader.read(path: TestVectors.path("wycheproof/aes_gcm_test.json"))
        #expect(file.vectors.filter { $0.unsupportedReason(as: .aes128GCM) == nil }.count == 67)
        let backend = try BackendRegistry.backend(named: name)
        let report = VectorRunner.run(file, on: backend, as: .aes128GCM)
        if backend.algorithms.contains(.aes128GCM) {
            #expect(report.tally == VectorTally(passed: 67, failed: 0, skipped: 66), "\(report.failures.prefix(3))")
        } else {
            #expect(report.tally == VectorTally(passed: 0, failed: 0, skipped: 133))
        }
    }

    /// RFC 9605's GCM suites (4: AES_128_GCM_SHA256_128, 5: AES_256_GCM_SHA512_128) at the
    /// AEAD step, on each backend that implements the suite's algorithm: keyed with the
    /// vector's `sframe_key`, sealing `pt` with its `nonce` and `aad` gives exactly the
    /// ciphertext and tag after the header in `ct`, which opens back to `pt`; with a tag bit
    /// flipped it is refused and no plaintext is left.
    @Test(arguments: TestBackends.available.map { $0.info.name })
    func rfc9605GCMSuitesAtTheAEADStep(backend name: String) throws {
        let vectors = try SFrameVectors.read(path: TestVectors.path("sframe/test-vectors.json"))
        let gcm = vectors.frames.filter { $0.cipherSuite == 4 || $0.cipherSuite == 5 }
        #expect(gcm.map(\.cipherSuite) == [4, 5])
        let backend = try BackendRegistry.backend(named: name)
        var checked = 0
        for vector in gcm {
            let suite = try #require(SFrameCipherSuite(rawValue: UInt16(vector.cipherSuite)))
            guard backend.algorithms.contains(suite.aead) else { continue }
            try Self.checkAEADStep(vector, suite.aead, on: backend)
            checked += 1
        }
        #expect(checked == (backend.algorithms.contains(.aes128GCM) ? 1 : 0) + (backend.algorithms.contains(.aes256GCM) ? 1 : 0))
    }

    private static func checkAEADStep<C: AEADContext & ~Copyable>(
        _ vector: SFrameSuiteVector, _ algorithm: AEADAlgorithm, on _: C.Type
    ) throws {
        var context = try C(algorithm: algorithm, key: vector.key.span)
        let nonce = try Nonce(vector.nonce.span)
        let headerCount = vector.aad.count - vector.metadata.count
        let body = Array(vector.ciphertext.dropFirst(headerCount))
        let (ciphertext, tag) = try sealCopy(&context, nonce: nonce, aad: vector.aad, plaintext: vector.plaintext)
        #expect(ciphertext + tag == body, "\(C.info.name) suite \(vector.cipherSuite)")
        let opened = openCopy(&context, nonce: nonce, aad: vector.aad, ciphertext: ciphertext, tag: tag)
        #expect(opened.error == nil && opened.buffer == vector.plaintext)
        var badTag = tag
        badTag[badTag.count - 1] ^= 1
        let refused = openCopy(&context, nonce: nonce, aad: vector.aad, ciphertext: ciphertext, tag: badTag)
        #expect(refused.error == .authenticationFailed)
        #expect(refused.buffer.allSatisfy { $0 == 0 } || refused.buffer == ciphertext, "no plaintext left")
    }
}
