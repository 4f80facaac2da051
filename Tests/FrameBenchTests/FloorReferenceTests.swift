import Foundation
import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

@testable import FrameBench

/// The floor (`Sources/CFrameReference/floor.c`, not a backend for use) passes the vectors
/// every backend passes, agrees with every backend in both directions, refuses what they
/// refuse, and runs in the frames suite beside the libraries. Where the CPU lacks AES-NI it
/// is absent with a reason, and these show as skipped with that reason.
@Suite(.enabled(if: FloorReference.unavailableReason == nil, "the floor is absent here: \(FloorReference.unavailableReason ?? "")"))
struct FloorReferenceTests {
    @Test func wycheproofAES256With96BitIV() throws {
        let file = try WycheproofReader.read(path: TestVectors.path("wycheproof/aes_gcm_test.json"))
        let report = VectorRunner.run(file, on: FloorContext.self)
        let aes256 = file.vectors.filter { $0.unsupportedReason == nil && $0.key.count == 32 }
        #expect(aes256.count == 66)
        #expect(report.tally.failed == 0, "\(report.failures)")
        #expect(report.tally.passed == 66)
    }

    @Test(arguments: ["nist/gcmEncryptExtIV256.rsp", "nist/gcmDecrypt256.rsp"])
    func nistCAVP256BitKey(file relative: String) throws {
        let file = try NISTReader.read(path: TestVectors.path(relative))
        #expect(file.vectors.count == 375)
        let report = VectorRunner.run(file, on: FloorContext.self)
        #expect(report.tally == VectorTally(passed: 375, failed: 0, skipped: 0))
        #expect(report.failures.isEmpty, "\(report.failures.prefix(3))")
    }

    /// The floor seals, each backend opens, and the other way round; ciphertext and tag equal
    /// to the backend's own, 0 B to 256 KiB (every length mod 128 below 300 B: the 8-block,
    /// 1-block and partial paths).
    @Test func interopWithEveryBackendBothWays() throws {
        var random = SeededRandom(seed: 16)
        let sizes = Array(0...300) + [1199, 1200, 4096, 65_535, 65_536, 262_144]
        for backend in TestBackends.available {
            for size in sizes where size <= 300 ? size % 7 == 0 || size < 40 : true {
                try both(backend, size: size, random: &random)
            }
        }
    }

    @Test func tamperedFramesAreRefusedAndLeaveNoPlaintext() throws {
        var random = SeededRandom(seed: 61)
        let key = random.bytes(32), aad = random.bytes(20), plaintext = random.bytes(1000)
        let nonce = try Nonce(random.bytes(12).span)
        var floor = try FloorContext(key: key.span)
        let (ciphertext, tag) = try sealCopy(&floor, nonce: nonce, aad: aad, plaintext: plaintext)
        for position in [0, 1, 127, 128, 999] {
            var bad = ciphertext
            bad[position] ^= 0x01
            let (buffer, error) = openCopy(&floor, nonce: nonce, aad: aad, ciphertext: bad, tag: tag)
            #expect(error == .authenticationFailed)
            #expect(buffer.allSatisfy { $0 == 0 })
        }
        var badTag = tag
        badTag[15] ^= 0x80
        #expect(openCopy(&floor, nonce: nonce, aad: aad, ciphertext: ciphertext, tag: badTag).error == .authenticationFailed)
        var badAAD = aad
        badAAD[0] ^= 1
        #expect(openCopy(&floor, nonce: nonce, aad: badAAD, ciphertext: ciphertext, tag: tag).error == .authenticationFailed)
        #expect(openCopy(&floor, nonce: nonce.xor(counter: 1), aad: aad, ciphertext: ciphertext, tag: tag).error == .authenticationFailed)
        #expect(throws: FrameCryptoError.unsupportedAlgorithm(.aes128GCM, backend: "floor")) {
            _ = try FloorContext(algorithm: .aes128GCM, key: random.bytes(16).span)
        }
    }

    @Test func framesSuiteMeasuresTheFloorAndEachRecordsDistanceAboveIt() throws {
        var configuration = FramesSuiteConfiguration()
        configuration.frameSizes = [100]
        configuration.operations = [.seal]
        configuration.length = .count(256)
        configuration.warmupSeconds = 0
        configuration.backends = ["openssl"]
        let records = try FramesSuite.run(configuration)
        let floor = try #require(records.first { $0.backend == ReferenceFrameRunner.floorName })
        #expect(floor.implementation == "c" && floor.frames == 256)
        for record in records where record.backend != ReferenceFrameRunner.floorName {
            let above = try #require(record.extra?[.aboveFloorNsPerFrameP50])
            #expect(above == record.nsPerFrame.p50 - floor.nsPerFrame.p50)
        }
        configuration.includeReference = false
        #expect(try FramesSuite.run(configuration).allSatisfy { $0.backend != ReferenceFrameRunner.floorName })
    }

    private func both<B: AEADContext & ~Copyable>(_: B.Type, size: Int, random: inout SeededRandom) throws {
        let key = random.bytes(32), aad = random.bytes(Int.random(in: 0...40, using: &random))
        let nonce = try Nonce(random.bytes(12).span)
        let plaintext = random.bytes(size)
        var floor = try FloorContext(key: key.span)
        var other = try B(key: key.span)
        let ours = try sealCopy(&floor, nonce: nonce, aad: aad, plaintext: plaintext)
        let theirs = try sealCopy(&other, nonce: nonce, aad: aad, plaintext: plaintext)
        #expect(ours.ciphertext == theirs.ciphertext && ours.tag == theirs.tag, "floor vs \(B.info.name) at \(size) B")
        let openedByThem = openCopy(&other, nonce: nonce, aad: aad, ciphertext: ours.ciphertext, tag: ours.tag)
        #expect(openedByThem.error == nil && openedByThem.buffer == plaintext, "floor → \(B.info.name) at \(size) B")
        let openedByUs = openCopy(&floor, nonce: nonce, aad: aad, ciphertext: theirs.ciphertext, tag: theirs.tag)
        #expect(openedByUs.error == nil && openedByUs.buffer == plaintext, "\(B.info.name) → floor at \(size) B")
    }
}

/// Code-path reports: typed, carried in results files, and read forward compatibly.
@Suite struct CodePathTests {
    @Test func everyRegisteredBackendReportsACodePath() {
        for backend in BackendRegistry.all + BackendRegistry.variants {
            #expect(backend.info.codePath != nil, "\(backend.info.name)")
        }
        #expect(FloorReference.info.codePath?.path == .aesni)
    }

    @Test func codePathRoundTripsAndUnknownValuesDecodeAsUnknown() throws {
        let report = CodePathReport(path: .tableBased, source: .buildConfiguration, evidence: "x")
        let info = BackendInfo(name: "n", library: "l", version: "1", summary: "s", availability: .available, codePath: report)
        let data = try JSONEncoder().encode(info)
        #expect(try JSONDecoder().decode(BackendInfo.self, from: data) == info)
        let newer =
            #"{"name":"n","library":"l","version":"1","summary":"s","available":true,"codePath":{"path":"quantum","source":"oracle","evidence":"e","more":1}}"#
        let decoded = try JSONDecoder().decode(BackendInfo.self, from: Data(newer.utf8))
        #expect(decoded.codePath?.path == .unknown && decoded.codePath?.source == .unknown)
        let older = #"{"name":"n","library":"l","version":"1","summary":"s","available":true}"#
        #expect(try JSONDecoder().decode(BackendInfo.self, from: Data(older.utf8)).codePath == nil)
    }

    /// The probe's reading of its two timings: fast means hardware, and the rule tells VAES
    /// from AES-NI; slow is table-based only when the rule says so, else unknown.
    @Test func theProbeReadsFastAsHardwareAndSlowAsUndecided() {
        let vaesRule = CodePathReport(path: .vaes, source: .dispatchRule, evidence: "rule V")
        let aesniRule = CodePathReport(path: .aesni, source: .dispatchRule, evidence: "rule A")
        let tableRule = CodePathReport(path: .tableBased, source: .dispatchRule, evidence: "rule T")
        let fast = CodePathProbe.report(library: 2000, floor: 1000, rule: vaesRule)
        #expect(fast.path == .vaes && fast.source == .measuredProbe && fast.evidence.contains("rule V"))
        #expect(CodePathProbe.report(library: 500, floor: 1000, rule: aesniRule).path == .aesni)
        #expect(CodePathProbe.report(library: 500, floor: 1000, rule: tableRule).path == .aesni)
        let slow = CodePathProbe.report(library: 15_000, floor: 1000, rule: aesniRule)
        #expect(slow.path == .unknown && slow.evidence.contains("15.00x"))
        #expect(CodePathProbe.report(library: 25_000, floor: 1000, rule: tableRule).path == .tableBased)
    }

    /// A backend with no library query is probed when the floor runs; one with a query keeps
    /// its own report.
    @Test func probedKeepsQueriesAndProbesRules() {
        let sodium = CodePathProbe.probed(SodiumContext.self)
        #expect(sodium.codePath == SodiumContext.info.codePath)
        let openssl = CodePathProbe.probed(OpenSSLContext.self)
        #expect(openssl.codePath?.source == (FloorReference.unavailableReason == nil ? .measuredProbe : .dispatchRule))
    }

    /// The report's frames figures add "above the floor" when the run had the floor.
    @Test func theReportShowsNanosecondsAboveTheFloor() {
        var records = ["swift", "c"].flatMap { implementation in
            ReportFixtures.sizes.map { ReportFixtures.framesRecord("openssl", "seal", $0, implementation) }
        }
        let without = FramesFigures.figures(records, palette: ReportPalette(backends: ["openssl"]), prefix: "")
        #expect(!without.contains { $0.file == "above-floor.svg" })
        records += ReportFixtures.sizes.map { ReportFixtures.framesRecord(FloorReference.name, "seal", $0, "c", scale: 0.5) }
        FramesSuite.addFloorDistances(&records)
        let with = FramesFigures.figures(records, palette: ReportPalette(backends: ["openssl", FloorReference.name]), prefix: "")
        let figure = with.first { $0.file == "above-floor.svg" }
        #expect(figure?.table.rows.count == 2 * ReportFixtures.sizes.count)
    }

    @Test func theEnvironmentRecordsWhyTheFloorIsAbsentOrNothing() throws {
        let environment = RunEnvironment.current(commandLine: ["framebench"])
        #expect(environment.floorUnavailableReason == FloorReference.unavailableReason)
        #expect(environment.backends.allSatisfy { $0.codePath != nil })
    }
}
