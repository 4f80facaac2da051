import FrameBench
import FrameCrypto
import Testing

/// The shared Wycheproof and NIST CAVP files, through the same readers `framebench verify` uses.
@Suite(.enabled(if: TestVectors.available, TestVectors.skipReason))
struct PublicVectorTests {
    @Test(arguments: Backends.available.map { $0.info.name })
    func wycheproofAES256With96BitIV(backend name: String) throws {
        let file = try WycheproofReader.read(path: TestVectors.path("wycheproof/aes_gcm_test.json"))
        let expressible = file.vectors.filter { $0.unsupportedReason == nil }
        // SOURCES.md: exactly one group is AES-256 with a 96-bit IV: tcId 91…156, 39 valid, 27 invalid.
        #expect(expressible.count == 66)
        #expect(expressible.filter { $0.expectation == .valid }.count == 39)
        #expect(expressible.filter { $0.expectation == .invalid }.count == 27)
        let report = VectorRunner.run(file, on: try BackendRegistry.backend(named: name))
        #expect(report.tally == VectorTally(passed: 66, failed: 0, skipped: file.vectors.count - 66))
        #expect(report.failures.isEmpty, "\(report.failures)")
    }

    @Test(arguments: ["nist/gcmEncryptExtIV256.rsp", "nist/gcmDecrypt256.rsp"], Backends.available.map { $0.info.name })
    func nistCAVP96BitIV128BitTag(file relative: String, backend name: String) throws {
        let file = try NISTReader.read(path: TestVectors.path(relative))
        #expect(file.vectors.count == 7875)
        let expressible = file.vectors.filter { $0.unsupportedReason == nil }
        // 25 (PTlen × AADlen) sections of 15 records have a 96-bit IV and a 128-bit tag.
        #expect(expressible.count == 375)
        if relative.contains("Decrypt") {
            #expect(expressible.contains { $0.expectation == .invalid }, "the decrypt file has FAIL records")
        }
        let report = VectorRunner.run(file, on: try BackendRegistry.backend(named: name))
        #expect(report.tally.passed == 375)
        #expect(report.tally.failed == 0, "\(report.failures.prefix(3))")
    }

    @Test func builtInKnownAnswersPassOnEveryBackend() {
        for backend in Backends.available {
            let report = VectorRunner.run(KnownAnswerTests.file, on: backend)
            #expect(report.tally == VectorTally(passed: 6, failed: 0, skipped: 0), "\(backend.info.name)")
        }
    }
}
