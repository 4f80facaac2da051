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

    /// The AES-128 files: every record passes where the backend implements AES-128-GCM
    /// (openssl, swift-crypto), and every one is skipped, by name, where it does not.
    @Test(arguments: ["nist/gcmEncryptExtIV128.rsp", "nist/gcmDecrypt128.rsp"], TestBackends.available.map { $0.info.name })
    func nistCAVP128BitKey(file relative: String, backend name: String) throws {
        let file = try NISTReader.read(path: TestVectors.path(relative))
        #expect(file.vectors.count == 375)
        #expect(file.vectors.allSatisfy { $0.key.count == 16 && $0.iv.count == 12 && $0.declaredTagBits == 128 })
        let backend = try BackendRegistry.backend(named: name)
        let report = VectorRunner.run(file, on: backend)
        let expected =
            BackendRegistry.implements(backend, .aes128GCM)
            ? VectorTally(passed: 375, failed: 0, skipped: 0) : VectorTally(passed: 0, failed: 0, skipped: 375)
        #expect(report.tally == expected, "\(report.failures.prefix(3))")
    }
}
