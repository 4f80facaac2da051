import Foundation
import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

/// `framebench vectors` (through ``SFrameVectorGenerator``) and the RFC-shaped JSON
/// reader and writer behind `framebench verify --sframe`.
@Suite struct SFrameVectorFileTests {
    @Test(arguments: TestBackends.names)
    func generatedVectorsVerify(backend: String) throws {
        let vectors = try SFrameVectorGenerator.generate(count: 40, seed: 2024, using: TestBackends.backend(named: backend))
        #expect(vectors.headers.count == 40 && vectors.frames.count == 40)
        // Written to JSON, read back and checked on every backend, as the CLI does.
        let parsed = try SFrameVectors.parse(Data(vectors.jsonText.utf8), path: "generated.json")
        #expect(parsed.headers == vectors.headers && parsed.frames == vectors.frames)
        for other in TestBackends.names {
            let report = SFrameVectorRunner.run(parsed, on: try TestBackends.backend(named: other))
            #expect(report.tally == VectorTally(passed: 80, failed: 0, skipped: 0), "checked on \(other)")
        }
    }

    /// `framebench vectors --suite all`: 12 vectors of each of the eight suites, made by
    /// openssl, checked per suite on every backend and variant (passed where implemented,
    /// skipped where not); suite 5's are those a suite-5-only run makes.
    @Test func everySuitesGeneratedVectorsVerifyPerSuite() throws {
        let vectors = try SFrameVectorGenerator.generate(
            count: 12, seed: 77, suites: SFrameCipherSuite.allCases, using: OpenSSLContext.self)
        #expect(vectors.headers.count == 12 && vectors.frames.count == 96)
        #expect(
            vectors.frames.map(\.cipherSuite) == SFrameCipherSuite.allCases.flatMap { Array(repeating: UInt64($0.rawValue), count: 12) })
        let ctr = try #require(vectors.frames.first { $0.cipherSuite == 8 })
        #expect(
            ctr.key.count == 96 && ctr.secret.count == 64
                && ctr.ciphertext.count == ctr.aad.count - ctr.metadata.count + ctr.plaintext.count + 4)
        let parsed = try SFrameVectors.parse(Data(vectors.jsonText.utf8), path: "all.json")
        #expect(parsed.frames == vectors.frames)
        let counts = Dictionary(uniqueKeysWithValues: SFrameCipherSuite.allCases.map { ($0, 12) })
        for backend in SuiteCells.backends {
            let report = SFrameVectorRunner.run(parsed, on: backend)
            #expect(report.suiteTallies == SuiteCells.expected(counts, on: backend), "\(backend.info.name)")
            #expect(report.headerTally == VectorTally(passed: 12, failed: 0, skipped: 0))
        }
        let only5 = try SFrameVectorGenerator.generate(count: 12, seed: 77, using: SodiumContext.self)
        #expect(only5.frames.map(\.ciphertext) == vectors.frames.filter { $0.cipherSuite == 5 }.map(\.ciphertext))
        #expect(throws: FrameCryptoError.unsupportedAlgorithm(.aes128GCM, backend: "sodium")) {
            try SFrameVectorGenerator.generate(count: 1, seed: 1, suites: [.aes128GCMSHA256], using: SodiumContext.self)
        }
    }

    @Test func generatedVectorsAreDeterministicAndVaried() throws {
        let backend = try #require(BackendRegistry.available.first)
        let a = try SFrameVectorGenerator.generate(count: 64, seed: 7, using: backend)
        let b = try SFrameVectorGenerator.generate(count: 64, seed: 7, using: backend)
        let c = try SFrameVectorGenerator.generate(count: 64, seed: 8, using: backend)
        #expect(a.jsonText == b.jsonText)
        #expect(a.jsonText != c.jsonText)
        #expect(a.frames.allSatisfy { $0.cipherSuite == 5 })
        let kids = a.frames.map(\.keyID) + a.headers.map(\.keyID)
        let ctrs = a.frames.map(\.counter) + a.headers.map(\.counter)
        #expect(kids.contains { $0 < 8 } && kids.contains { $0 >= 1 << 56 } && kids.contains(.max))
        #expect(ctrs.contains { $0 < 8 } && ctrs.contains { $0 >= 1 << 56 } && ctrs.contains(.max))
        #expect(Set(a.headers.map(\.encoded.count)).count >= 10, "many header lengths")
        let sizes = a.frames.map(\.plaintext.count)
        #expect(sizes.contains(0) && sizes.contains { $0 > 1024 } && sizes.allSatisfy { $0 <= 4096 })
        #expect(a.frames.contains { $0.metadata.isEmpty } && a.frames.contains { !$0.metadata.isEmpty })
        #expect(Set(a.frames.map(\.baseKey.count)) == [16, 32, 64])
        // Lower-case hex and bare integers, as in the RFC's file.
        #expect(a.jsonText.contains("\"kid\": 18446744073709551615,"))
        #expect(!a.jsonText.contains { "ABCDEF".contains($0) })
    }

    @Test func alteredVectorsFail() throws {
        let backend = try #require(BackendRegistry.available.first)
        var vectors = try SFrameVectorGenerator.generate(count: 6, seed: 1, using: backend)
        vectors.headers[2].encoded[0] ^= 0x01
        vectors.frames[3].ciphertext[vectors.frames[3].ciphertext.count - 1] ^= 0x01
        vectors.frames[4].salt[0] ^= 0x01
        vectors.frames[5].cipherSuite = 9
        let report = SFrameVectorRunner.run(vectors, on: backend)
        #expect(report.tally == VectorTally(passed: 8, failed: 3, skipped: 1))
        #expect(report.failures.map(\.id) == ["header[2]", "sframe[3] (cipher_suite 5)", "sframe[4] (cipher_suite 5)"])
        #expect(report.failures[1].reason.hasPrefix("ct is "))
        #expect(report.failures[2].reason.hasPrefix("sframe_salt is "))
    }

    @Test func integersAreKeptExactAndBadOnesNamed() throws {
        let good = """
            {"header": [{"kid": 18446744073709551615, "ctr": 9007199254740993, "encoded": "ff"}], "aes_ctr_hmac": []}
            """
        let parsed = try SFrameVectors.parse(Data(good.utf8), path: "x.json")
        #expect(parsed.headers.first?.keyID == .max)
        #expect(parsed.headers.first?.counter == 9_007_199_254_740_993)
        #expect(parsed.frames.isEmpty)

        for bad in ["-1", "1.5", "1e3", "true", "18446744073709551616", "\"5\""] {
            let text = #"{"header": [{"kid": 1, "ctr": 2, "encoded": "12"}, {"kid": \#(bad), "ctr": 0, "encoded": "00"}]}"#
            #expect(throws: VectorFileError.self, "kid \(bad)") { try SFrameVectors.parse(Data(text.utf8), path: "x.json") }
            do {
                _ = try SFrameVectors.parse(Data(text.utf8), path: "x.json")
            } catch {
                guard case let .malformed(path, record, reason) = error else { Issue.record("\(error)"); continue }
                #expect(path == "x.json" && record == "header[1]" && reason.contains("\"kid\""), "kid \(bad)")
            }
        }
    }

    @Test func missingAndMalformedFilesNameTheRecord() throws {
        #expect(throws: VectorFileError.missing(path: "/nonexistent/sframe.json")) {
            try SFrameVectors.read(path: "/nonexistent/sframe.json")
        }
        let cases: [(String, String, String)] = [
            ("[1, 2]", "document", "not a JSON object"),
            ("{\"other\": []}", "document", "neither a \"header\" nor an \"sframe\" array"),
            ("{\"sframe\": {}}", "document", "\"sframe\" is not an array"),
            ("{\"sframe\": [{\"cipher_suite\": 5, \"kid\": 1}]}", "sframe[0] (cipher_suite 5)", "missing field \"ctr\""),
            ("{\"header\": [7]}", "header[0]", "not a JSON object"),
            ("{\"header\": [{\"kid\": 1, \"ctr\": 2, \"encoded\": \"xyz\"}]}", "header[0]", "field \"encoded\" is not hex: \"xyz\""),
        ]
        for (text, record, reason) in cases {
            #expect(throws: VectorFileError.malformed(path: "f.json", record: record, reason: reason), "\(text)") {
                try SFrameVectors.parse(Data(text.utf8), path: "f.json")
            }
        }
    }
}
