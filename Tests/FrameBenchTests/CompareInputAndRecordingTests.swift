import Foundation
import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

@testable import FrameBench

@Suite struct CompareInputAndRecordingTests {
    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("framebench-compare-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aSideIsAFileOrADirectoryOfRuns() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for seed in [1, 2] as [UInt64] {
            let run = CompareResultsTests.run(seed: seed)
            try ResultsFile.encode(run.document).write(to: URL(fileURLWithPath: "\(directory)/run-\(seed).json"))
        }
        try Data("a,b\n".utf8).write(to: URL(fileURLWithPath: "\(directory)/run-1.csv"))
        let runs = try ResultsComparison.loadSide(directory)
        #expect(runs.map(\.path) == ["\(directory)/run-1.json", "\(directory)/run-2.json"])
        #expect(try ResultsComparison.loadSide("\(directory)/run-2.json").count == 1)
    }

    @Test func missingEmptyAndForeignInputsAreBadInput() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: ComparisonError.noResults(path: directory)) { try ResultsComparison.loadSide(directory) }
        #expect(throws: ComparisonError.self) { try ResultsComparison.loadSide("\(directory)/missing.json") }
        try Data(#"{"schemaVersion": 99}"#.utf8).write(to: URL(fileURLWithPath: "\(directory)/new.json"))
        do {
            _ = try ResultsComparison.loadSide("\(directory)/new.json")
            Issue.record("expected a schema error")
        } catch {
            #expect(error == .unreadable(.unsupportedSchemaVersion(path: "\(directory)/new.json", found: 99, supported: 1)))
        }
    }

    @Test func framesRunsRecordTheSwiftCasesRatioToTheirReferencePerRepetition() throws {
        var configuration = FramesSuiteConfiguration()
        configuration.frameSizes = [64]
        configuration.operations = [.seal]
        configuration.length = .count(2000)
        configuration.batchSize = 20
        configuration.warmupSeconds = 0
        configuration.repetitions = 10
        let records = try FramesSuite.run(configuration)
        for record in records {
            if record.implementation == "swift" && ReferenceFrameRunner.backends.contains(record.backend) {
                let ratios = try #require(record.referenceRatioSamples)
                #expect(ratios.count == 10)
                #expect(ratios.allSatisfy { $0 > 0 && $0.isFinite })
            } else {
                // The C reference itself, and a backend without one (swift-crypto).
                #expect(record.referenceRatioSamples == nil)
            }
        }
        configuration.includeReference = false
        #expect(try FramesSuite.run(configuration).allSatisfy { $0.referenceRatioSamples == nil })
    }

    @Test func syntheticOverheadIsRecordedAndValidated() throws {
        var configuration = FramesSuiteConfiguration()
        configuration.syntheticOverheadNanoseconds = 50
        #expect(configuration.runConfiguration(backendNames: []).extra == ["syntheticOverheadNs": "50"])
        #expect(FramesSuiteConfiguration().runConfiguration(backendNames: []).extra == nil)
        configuration.syntheticOverheadNanoseconds = -1
        #expect(throws: SuiteError.self) { try configuration.resolvedBackends() }
    }

    /// The busy work changes only time: a sealed frame is the same with or without it.
    @Test(.enabled(if: TestBackends.isAvailable("openssl"), TestBackends.skipReason("openssl")))
    func syntheticOverheadLeavesTheSealedFrameUnchanged() throws {
        var random = SeededRandom(seed: 9)
        let key = random.bytes(32), aad = random.bytes(8), payload = random.bytes(100)
        let plain = try SwiftFrameRunner<OpenSSLContext>(key: key, payload: payload, aad: aad, operation: .seal)
        let busy = try SwiftFrameRunner<OpenSSLContext>(
            key: key, payload: payload, aad: aad, operation: .seal, overhead: SyntheticOverhead(nanoseconds: 20))
        _ = try plain.runBatch(frames: 3)
        _ = try busy.runBatch(frames: 3)
        #expect(plain.sealedText.text == busy.sealedText.text && plain.sealedText.tag == busy.sealedText.tag)
    }

    @Test func syntheticOverheadNoneDoesNoWork() {
        #expect(SyntheticOverhead.none.isNone && SyntheticOverhead.none.steps == 0)
        #expect(SyntheticOverhead(nanoseconds: 0) == .none)
        #expect(SyntheticOverhead(nanoseconds: -5) == .none)
        SyntheticOverhead.none.apply()
        let overhead = SyntheticOverhead(nanoseconds: 200)
        #expect(!overhead.isNone && overhead.steps >= 1 && overhead.nanoseconds == 200)
        #expect(SyntheticOverhead(nanoseconds: 2000).steps > overhead.steps)
        overhead.apply()
    }
}
