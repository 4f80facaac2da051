import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

@testable import FrameBench

@Suite struct FramesSuiteTests {
    func quickConfiguration(_ length: RunLength) -> FramesSuiteConfiguration {
        var configuration = FramesSuiteConfiguration()
        configuration.frameSizes = [0, 64, 1200]
        configuration.length = length
        configuration.warmupSeconds = 0
        return configuration
    }

    @Test func countModeRunsExactlyNFramesPerCase() throws {
        var configuration = quickConfiguration(.count(1001))
        configuration.batchSize = 64
        let records = try FramesSuite.run(configuration)
        let backends = BackendRegistry.available.map { $0.info.name }
        let withReference = backends.filter(ReferenceFrameRunner.backends.contains)
        // Every backend's Swift case, the C references, and the floor where it runs.
        let floor = FloorReference.unavailableReason == nil ? 1 : 0
        #expect(records.count == 3 * 2 * (backends.count + withReference.count + floor))
        #expect(records.filter { $0.backend == ReferenceFrameRunner.floorName }.count == 3 * 2 * floor)
        for record in records {
            #expect(record.threads == 1)
            #expect(record.frames == 1001)
            #expect(record.bytes == 1001 * record.frameSize!)
            #expect(record.batches == 16)  // 15 × 64 + 41
            #expect(record.batchSize == 64)
            #expect(record.samples.count == 16)
            #expect(record.nsPerFrame.p50 > 0 && record.nsPerFrame.max >= record.nsPerFrame.p99)
            // Calibration runs on the Swift case; with no warm-up the C case runs nothing extra.
            #expect((record.warmupFrames ?? 0) > 0 || record.implementation == "c")
        }
        // A Swift case has a ratio exactly when its backend has a C reference (swift-crypto has none).
        for record in records where record.implementation == "swift" {
            #expect((record.referenceRatio != nil) == withReference.contains(record.backend))
            #expect((record.referenceRatioSamples != nil) == withReference.contains(record.backend))
        }
        #expect(records.filter { $0.implementation == "c" }.allSatisfy { $0.referenceRatio == nil })
    }

    @Test func timeModeRunsAtLeastTheTimeAndRecordsTheConfiguration() throws {
        var configuration = quickConfiguration(.seconds(0.01))
        configuration.frameSizes = [64]
        configuration.operations = [.seal]
        configuration.includeReference = false
        let records = try FramesSuite.run(configuration)
        #expect(records.count == BackendRegistry.available.count)
        for record in records {
            #expect(record.seconds >= 0.01)
            #expect(record.implementation == "swift")
            #expect(record.samples.count == 20)
            #expect(abs(record.framesPerSecond * record.seconds - Double(record.frames)) < 1)
        }
        let run = configuration.runConfiguration(backendNames: ["openssl"])
        #expect(run.runMode == "time" && run.secondsPerCase == 0.01 && run.framesPerCase == nil)
    }

    @Test func invalidConfigurationsAreRejected() {
        var c = FramesSuiteConfiguration()
        c.frameSizes = [64, 64]
        #expect(throws: SuiteError.self) { try c.resolvedBackends() }
        c = FramesSuiteConfiguration()
        c.length = .seconds(0)
        #expect(throws: SuiteError.self) { try c.resolvedBackends() }
        c = FramesSuiteConfiguration()
        c.backends = ["nope"]
        #expect(throws: SuiteError.crypto(.unknownBackend("nope", known: BackendRegistry.selectableNames))) {
            try c.resolvedBackends()
        }
    }

    @Test(
        .enabled(if: TestBackends.isAvailable("openssl"), TestBackends.skipReason("openssl")),
        arguments: [0, 1, 64, 1500])
    func cReferenceSealsAndOpensExactlyAsOpenSSL(size: Int) throws {
        try cReferenceSealsAndOpensExactlyAsTheBackend(backend: "openssl", size: size)
    }

    @Test(
        .enabled(if: TestBackends.isAvailable("sodium"), TestBackends.skipReason("sodium")),
        arguments: [0, 1, 64, 1500])
    func cReferenceSealsAndOpensExactlyAsSodium(size: Int) throws {
        try cReferenceSealsAndOpensExactlyAsTheBackend(backend: "sodium", size: size)
    }

    func cReferenceSealsAndOpensExactlyAsTheBackend(backend: String, size: Int) throws {
        let info = try BackendRegistry.backend(named: backend)
        var random = SeededRandom(seed: 42)
        let key = random.bytes(32), aad = random.bytes(8), payload = random.bytes(size)
        func swiftRunner<C: AEADContext & ~Copyable>(_: C.Type, _ operation: FrameOperation) throws -> SwiftFrameRunner<C> {
            try SwiftFrameRunner<C>(key: key, payload: payload, aad: aad, operation: operation)
        }
        func check<C: AEADContext & ~Copyable>(_ type: C.Type) throws {
            let swiftSeal = try swiftRunner(type, .seal)
            let cSeal = try #require(try ReferenceFrameRunner(backend: backend, key: key, payload: payload, aad: aad, operation: .seal))
            _ = try swiftSeal.runBatch(frames: 3)
            _ = try cSeal.runBatch(frames: 3)
            #expect(swiftSeal.sealedText.text == cSeal.sealedText.text)
            #expect(swiftSeal.sealedText.tag == cSeal.sealedText.tag)
            #expect(size == 0 || swiftSeal.sealedText.text != payload)

            let swiftOpen = try swiftRunner(type, .open)
            let cOpen = try #require(try ReferenceFrameRunner(backend: backend, key: key, payload: payload, aad: aad, operation: .open))
            _ = try swiftOpen.runBatch(frames: 2)
            _ = try cOpen.runBatch(frames: 2)
            #expect(swiftOpen.openedText == payload)
            #expect(cOpen.openedText == payload)
        }
        try check(info)
    }

    @Test func reportTableHasOneRowPerSwiftCase() throws {
        var configuration = quickConfiguration(.count(10))
        configuration.frameSizes = [64]
        let records = try FramesSuite.run(configuration)
        let lines = FramesReport.table(records).split(separator: "\n")
        #expect(lines.count == 2 + records.filter { $0.implementation == "swift" }.count)
        #expect(lines[0].hasPrefix("op"))
        #expect(lines[0].contains("Swift/C"))
        // A backend without a C reference shows dashes, not a zero.
        if let row = lines.first(where: { $0.contains("swift-crypto") }) {
            #expect(row.hasSuffix("-"))
        }
    }
}
