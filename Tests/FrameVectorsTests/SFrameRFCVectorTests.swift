import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

/// RFC 9605's vectors (Tests/Vectors/sframe, whole copies of sframe-wg's files) for every
/// cipher suite on every backend and variant that runs here: per suite, every vector passes
/// where the backend implements the suite and is skipped (never passed) where it does not.
@Suite struct SFrameRFCVectorTests {
    /// Vectors per suite in each file: `sframe` plus `aes_ctr_hmac` entries (suites 1–3 have
    /// one of each), `aes_256_ctr_hmac` (head) and `sframe_aes_256_ctr_hmac` (aes256).
    static let files: [(name: String, headers: Int, counts: [SFrameCipherSuite: Int])] = [
        (
            "test-vectors.json", 289,
            [
                .aes128CTRHMACSHA256Tag80: 2, .aes128CTRHMACSHA256Tag64: 2, .aes128CTRHMACSHA256Tag32: 2,
                .aes128GCMSHA256: 1, .aes256GCMSHA512: 1,
            ]
        ),
        (
            "test-vectors-head.json", 289,
            [
                .aes128CTRHMACSHA256Tag80: 2, .aes128CTRHMACSHA256Tag64: 2, .aes128CTRHMACSHA256Tag32: 2,
                .aes128GCMSHA256: 1, .aes256GCMSHA512: 1, .aes256CTRHMACSHA512Tag80: 1, .aes256CTRHMACSHA512Tag64: 1,
                .aes256CTRHMACSHA512Tag32: 1,
            ]
        ),
        (
            "test-vectors-aes256.json", 0,
            [.aes256CTRHMACSHA512Tag80: 1, .aes256CTRHMACSHA512Tag64: 1, .aes256CTRHMACSHA512Tag32: 1]
        ),
    ]

    @Test(arguments: SuiteCells.backends.map { $0.info.name })
    func everySuiteOfEveryFilePassesWhereImplemented(backend name: String) throws {
        let backend = try TestBackends.backend(named: name)
        for file in Self.files {
            let vectors = try SFrameVectors.read(path: TestVectors.path("sframe/" + file.name))
            let report = SFrameVectorRunner.run(vectors, on: backend)
            #expect(report.headerTally == VectorTally(passed: file.headers, failed: 0, skipped: 0), "\(file.name)")
            #expect(report.suiteTallies == SuiteCells.expected(file.counts, on: backend), "\(file.name) on \(name)")
            #expect(report.failures.isEmpty, "\(report.failures)")
        }
    }

    /// The matrix itself, so the per-backend expectations above cannot pass by shrinking it:
    /// openssl passes every RFC vector of all eight suites.
    @Test func opensslPassesEveryVectorOfAllEightSuites() throws {
        var passed: [UInt64: Int] = [:]
        for file in Self.files {
            let report = SFrameVectorRunner.run(
                try SFrameVectors.read(path: TestVectors.path("sframe/" + file.name)), on: OpenSSLContext.self)
            #expect(report.tally.failed == 0 && report.tally.skipped == 0)
            for (suite, tally) in report.suiteTallies { passed[suite, default: 0] += tally.passed }
        }
        #expect(passed == [1: 4, 2: 4, 3: 4, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2])
    }

    @Test func theSodiumAndSwiftCryptoCellsAreWhatTheyDeclare() throws {
        let report = SFrameVectorRunner.run(
            try SFrameVectors.read(path: TestVectors.path("sframe/test-vectors-head.json")), on: SodiumContext.self)
        #expect(report.suiteTallies[5] == VectorTally(passed: 1, failed: 0, skipped: 0))
        #expect(report.tally == VectorTally(passed: 290, failed: 0, skipped: 10))
        let swiftCrypto = SFrameVectorRunner.run(
            try SFrameVectors.read(path: TestVectors.path("sframe/test-vectors-head.json")), on: SwiftCryptoContext.self)
        #expect(swiftCrypto.tally == VectorTally(passed: 291, failed: 0, skipped: 9))
    }

    @Test func aeadEntriesAreParsedFromBothArrays() throws {
        let head = try SFrameVectors.read(path: TestVectors.path("sframe/test-vectors-head.json"))
        #expect(head.aeads.map(\.cipherSuite) == [1, 2, 3, 6, 7, 8])
        #expect(head.aeads.map(\.id).last == "aes_256_ctr_hmac[2] (cipher_suite 8)")
        let aes256 = try SFrameVectors.read(path: TestVectors.path("sframe/test-vectors-aes256.json"))
        #expect(aes256.frames.map(\.cipherSuite) == [6, 7, 8] && aes256.headers.isEmpty && aes256.aeads.isEmpty)
        #expect(aes256.frames.allSatisfy { $0.key.count == 96 })
    }

    /// A vector of a suite the backend lacks is skipped with the backend and suite named,
    /// never passed; a vector altered in its tag fails where the suite is implemented.
    @Test func skippedByNameAndAlteredFails() throws {
        var vectors = try SFrameVectors.read(path: TestVectors.path("sframe/test-vectors.json"))
        let sodium = SFrameVectorRunner.run(vectors, on: SodiumContext.self)
        #expect(sodium.skipReasons["sodium does not implement suite 1 AES_128_CTR_HMAC_SHA256_80"] == 2)
        vectors.aeads[0].ciphertext[vectors.aeads[0].ciphertext.count - 1] ^= 0x80
        vectors.frames[2].ciphertext[vectors.frames[2].ciphertext.count - 1] ^= 0x01
        let openssl = SFrameVectorRunner.run(vectors, on: OpenSSLContext.self)
        #expect(openssl.failures.map(\.id) == ["sframe[2] (cipher_suite 3)", "aes_ctr_hmac[0] (cipher_suite 1)"])
        #expect(openssl.suiteTallies[1] == VectorTally(passed: 1, failed: 1, skipped: 0))
    }
}
