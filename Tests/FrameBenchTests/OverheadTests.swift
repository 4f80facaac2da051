import Foundation
import FrameCrypto
import Testing

@testable import FrameBench

/// The overhead suite: its statistics on synthetic batches, its records, its runners and
/// a short real run. Nothing here asserts a timing.
@Suite struct OverheadTests {
    /// Batches whose speed drifts by ±30 % round by round, as on a busy machine.
    static func drifting(_ base: Double, count: Int = 200) -> [Double] {
        (0..<count).map { base * (1 + 0.3 * sin(Double($0) * 0.37)) }
    }

    @Test func addedCostIsThePairedDifferenceAndIgnoresDrift() throws {
        let lower = Self.drifting(100)
        let upper = lower.map { $0 + 12 }
        let added = try #require(OverheadAnalysis.added(upper, over: lower, parts: 20))
        #expect(abs(added.median - 12) < 1e-9 && abs(added.low - 12) < 1e-9 && abs(added.high - 12) < 1e-9)
        #expect(added.samples.count == 20)
        // A drift of ±30 % would swamp 12 ns in a difference of unpaired medians' intervals;
        // the paired ratio is exact as well.
        let ratio = try #require(OverheadAnalysis.ratio(lower.map { $0 * 1.5 }, to: lower, parts: 20))
        #expect(abs(ratio.median - 1.5) < 1e-9)
        // Pairs stop at the shorter log; no pair gives no estimate.
        #expect(OverheadAnalysis.added([1, 2, 3], over: [1], parts: 5)?.median == 0)
        #expect(OverheadAnalysis.added([], over: [1], parts: 5) == nil)
        #expect(OverheadAnalysis.ratio([1], to: [0], parts: 5) == nil)
    }

    @Test func medianIntervalUsesOrderStatistics() {
        let values = (1...20).map(Double.init).shuffled()
        #expect(OverheadAnalysis.medianInterval(values) == (6, 15))
        #expect(OverheadAnalysis.medianInterval([3, 1, 2]) == (1, 3))
        #expect(OverheadAnalysis.medianInterval([]) == (0, 0))
    }

    static func log(_ perFrame: [Double], batch: Int = 10) -> LayerLog {
        LayerLog(
            perFrame: perFrame, frames: perFrame.count * batch,
            nanoseconds: UInt64(perFrame.reduce(0, +) * Double(batch)), batchSize: batch)
    }

    /// openssl with all layers, a backend without a C reference, and a variant of openssl.
    static func syntheticCases() -> [OverheadCase] {
        let c = drifting(100)
        let swift = c.map { $0 + 4 }
        let sframe = swift.map { $0 + 30 }
        return [
            OverheadCase(
                backend: "openssl", operation: .open, frameSize: 100,
                layers: [.cLibrary: log(c), .swiftBackend: log(swift), .sframe: log(sframe)]),
            OverheadCase(
                backend: "nocref", operation: .open, frameSize: 100,
                layers: [.swiftBackend: log(c.map { $0 * 3 }), .sframe: log(c.map { $0 * 3 + 50 })]),
            OverheadCase(
                backend: "openssl-cold", parent: "openssl", operation: .open, frameSize: 100,
                layers: [.swiftBackend: log(swift.map { $0 * 8 }), .sframe: log(sframe.map { $0 * 8 })]),
        ]
    }

    @Test func recordsGiveEveryLayerItsCumulativeAndAddedCost() throws {
        let harness = HarnessLog(seal: Array(repeating: 9, count: 40), open: Array(repeating: 7, count: 40), participants: 25)
        let records = OverheadRecords.make(Self.syntheticCases(), harness: harness, repetitions: 20)
        func find(_ backend: String, _ layer: OverheadLayer) -> MeasurementRecord? {
            records.first { $0.backend == backend && $0.layer == layer.rawValue }
        }
        #expect(records.allSatisfy { $0.suite == "overhead" && $0.operation == "open" && $0.frameSize == 100 })
        #expect(OverheadLayer.allCases.allSatisfy { find("openssl", $0) != nil })
        #expect(find("nocref", .cLibrary) == nil && find("nocref", .swiftBackend) != nil && find("nocref", .harness) != nil)

        let c = try #require(find("openssl", .cLibrary)), swift = try #require(find("openssl", .swiftBackend))
        let sframe = try #require(find("openssl", .sframe)), top = try #require(find("openssl", .harness))
        #expect(c.implementation == "c" && swift.implementation == "swift")
        #expect(c.extra?["addedNsPerFrame"] == c.extra?["cumulativeNsPerFrame"])
        #expect(abs((swift.extra?["addedNsPerFrame"] ?? 0) - 4) < 1e-9)
        #expect(abs((sframe.extra?["addedNsPerFrame"] ?? 0) - 30) < 1e-9)
        #expect(abs((swift.extra?["addedFraction"] ?? 0) - 4 / c.nsPerFrame.p50) < 0.001)
        #expect(top.extra?["addedNsPerFrame"] == 7 && top.nsPerFrame.p50 == 7)
        #expect(top.extra?["cumulativeNsPerFrame"] == (sframe.extra?["cumulativeNsPerFrame"] ?? 0) + 7)
        #expect(swift.referenceRatioSamples?.count == 20 && sframe.referenceRatio.map { $0 > 1 } == true)

        // Without a C reference the Swift-backend layer is the bottom: it adds its whole cost.
        let bottom = try #require(find("nocref", .swiftBackend))
        #expect(bottom.extra?["addedNsPerFrame"] == bottom.extra?["cumulativeNsPerFrame"] && bottom.referenceRatio == nil)
        #expect(abs((find("nocref", .sframe)?.extra?["addedNsPerFrame"] ?? 0) - 50) < 1e-9)

        // A variant: its cost as a multiple of its parent's, layer by layer.
        let cold = try #require(find("openssl-cold", .swiftBackend))
        #expect(abs((cold.extra?["ratioToWarm"] ?? 0) - 8) < 1e-9)
        #expect(abs((find("openssl-cold", .sframe)?.extra?["ratioToWarm"] ?? 0) - 8) < 1e-9)
        #expect(swift.extra?["ratioToWarm"] == nil)
    }

    @Test func recordsRoundTripThroughJSONAndCSV() throws {
        var records = OverheadRecords.make(Self.syntheticCases(), harness: nil, repetitions: 10)
        var keys = MeasurementRecord(
            suite: "keys", implementation: "swift", backend: "sodium", frames: 10, bytes: 1000, seconds: 0.001,
            nsPerFrame: PercentileSummary(values: [100, 110]), samples: [100], samplesKind: "repetitionMedianNsPerFrame")
        keys.keyCount = 400
        records.append(keys)
        let document = ReportFixtures.document(suite: "overhead", records)
        let decoded = try ResultsFile.decode(ResultsFile.encode(document), path: "memory")
        #expect(decoded == document)
        #expect(decoded.measurements.compactMap(\.layer) == records.compactMap(\.layer))
        #expect(decoded.measurements.last?.keyCount == 400)

        let csv = ResultsCSV.render(records).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let layer = try #require(csv[0].firstIndex(of: "layer")), keyCount = try #require(csv[0].firstIndex(of: "keyCount"))
        #expect(csv[1][layer] == "c-library" && csv[2][layer] == "swift-backend" && csv[3][layer] == "sframe")
        #expect(csv.last?[keyCount] == "400" && csv[1][keyCount] == "")
        // compare tells the layers (and key counts) apart.
        #expect(Set(records.map(CaseKey.init)).count == records.count)
    }

    @Test func variantsArePairedWithTheirDefaultBackend() throws {
        var configuration = OverheadSuiteConfiguration()
        configuration.backends = ["openssl-cold"]
        let selected = try configuration.resolvedBackends()
        #expect(selected.map(\.name) == ["openssl", "openssl-cold"])
        #expect(selected.map(\.parent) == [nil, "openssl"])

        configuration.backends = []
        configuration.includeVariants = true
        let all = try configuration.resolvedBackends()
        for variant in all where variant.parent != nil {
            let parent = try #require(all.firstIndex { $0.name == variant.parent })
            #expect(parent < all.firstIndex { $0.name == variant.name }!)
        }
        #expect(Set(all.map(\.name)).isSuperset(of: ["openssl-cold", "openssl-placeholder", "sodium-nobeforenm"]))
    }

    @Test func badConfigurationsAreRefused() {
        func rejects(_ change: (inout OverheadSuiteConfiguration) -> Void) -> Bool {
            var c = OverheadSuiteConfiguration()
            change(&c)
            do { _ = try c.resolvedBackends(); return false } catch { return true }
        }
        #expect(rejects { $0.frameSizes = [] })
        #expect(rejects { $0.frameSizes = [100, 100] })
        #expect(rejects { $0.operations = [] })
        #expect(rejects { $0.length = .seconds(0) })
        #expect(rejects { $0.receiverKeys = 0 })
        #expect(rejects { $0.backends = ["nope"] })
        #expect(!rejects { _ in })
        #expect(OverheadSuiteConfiguration().receiverKeyIDs.count == 1200)
        #expect(Set(OverheadSuiteConfiguration().receiverKeyIDs).count == 1200)
    }

    @Test func sframeRunnersSealFramesThatOpenAndOpenWhatWasSealed() throws {
        let payload = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let baseKey = SecretBytes(copying: [UInt8](repeating: 3, count: 32).span)
        let kid = OverheadSuiteConfiguration.measuredKeyID
        let seal = try SFrameSealRunner<SodiumContext>(keyID: kid, baseKey: baseKey, payload: payload)
        _ = try seal.runBatch(frames: 5)
        var receiver = SFrameReceiver<SodiumContext>(capacity: 1)
        try receiver.addKey(keyID: kid, baseKey: baseKey)
        var opened = [UInt8](repeating: 0, count: payload.count)
        let frame = seal.lastFrame
        let result = try frame.withUnsafeBytes { f in
            try opened.withUnsafeMutableBytes { o in
                try receiver.open(frame: f, metadata: UnsafeRawBufferPointer(start: nil, count: 0), into: o)
            }
        }
        #expect(result.counter == 4 && opened == payload)

        let open = try SFrameOpenRunner<OpenSSLContext>(keyID: kid, keyIDs: [kid, 1, 2, 3], baseKey: baseKey, payload: payload)
        // More frames than the ring holds: opened in parts, every counter new.
        _ = try open.runBatch(frames: open.ringCapacity + 3)
        _ = try open.runBatch(frames: 2)
        #expect(open.openedText == payload)
    }

    @Test func keyCountRunnerSpreadsFramesOverEveryKey() throws {
        let payload = [UInt8](repeating: 0xA5, count: 100)
        let baseKey = SecretBytes(copying: [UInt8](repeating: 9, count: 32).span)
        let runner = try KeyCountOpenRunner<SodiumContext>(keys: 10, baseKey: baseKey, payload: payload, seed: 1)
        _ = try runner.runBatch(frames: 1)
        let senders = runner.ringSenders
        var counts = [Int](repeating: 0, count: 10)
        for s in senders { counts[s] += 1 }
        #expect(counts.max()! - counts.min()! <= 1, "every round is a permutation of all keys")
        #expect(Array(senders.prefix(20)) != Array(0..<10) + Array(0..<10), "not a fixed stride")
        _ = try runner.runBatch(frames: runner.ringCapacity * 2 + 5)
        #expect(runner.openedText == payload)
        #expect(Set((0..<400).map(KeyCountOpenRunner<SodiumContext>.keyID)).count == 400)
    }

    @Test func keyCountRecordsCarryTheirKeysAndPairedRatio() throws {
        let one = Self.drifting(200)
        let logs = [1, 400].map { n in
            KeyCountStudy.KeyCountLog(backend: "sodium", keys: n, log: Self.log(n == 1 ? one : one.map { $0 * 1.25 }))
        }
        let records = KeyCountStudy.makeRecords(logs, frameSize: 100, repetitions: 10)
        #expect(records.map(\.keyCount) == [1, 400] && records.allSatisfy { $0.suite == "keys" && $0.operation == "open" })
        #expect(records[0].extra?["ratioToOneKey"] == 1)
        #expect(abs((records[1].extra?["ratioToOneKey"] ?? 0) - 1.25) < 1e-9)
        #expect(KeyCountStudy.table(records).contains("1.250"))
    }

    @Test func aShortRunMeasuresEveryLayerOfEveryBackend() throws {
        var configuration = OverheadSuiteConfiguration()
        configuration.frameSizes = [64]
        configuration.length = .count(400)
        configuration.warmupSeconds = 0
        configuration.repetitions = 4
        configuration.receiverKeys = 16
        configuration.harnessParticipants = 3
        configuration.harnessSeconds = 0.3
        let records = try OverheadSuite.run(configuration)
        let backends = try configuration.resolvedBackends()
        for backend in backends {
            for operation in ["seal", "open"] {
                let layers = Set(records.filter { $0.backend == backend.name && $0.operation == operation }.compactMap(\.layer))
                var expected: Set<String> = ["swift-backend", "sframe", "harness"]
                if ReferenceFrameRunner.backends.contains(backend.name) { expected.insert("c-library") }
                #expect(layers == expected, "\(backend.name) \(operation)")
            }
        }
        #expect(records.filter { $0.layer != "harness" }.allSatisfy { $0.frames == 400 && $0.extra?["addedNsPerFrame"] != nil })
        #expect(records.filter { $0.layer == "sframe" && $0.operation == "open" }.allSatisfy { $0.extra?["receiverKeys"] == 16 })
        #expect(!OverheadReport.table(records).isEmpty)

        // The report draws them: one bar per backend and operation, no segment for a missing layer.
        let document = ReportFixtures.document(suite: "overhead", records)
        let files = Report.render([ReportInput(name: "o.json", document: document)])
        let text = try #require(files.first { $0.name == "overhead.svg" }?.contents)
        let svg = try #require(XMLElements.parse(text))
        let segments = svg.named("rect").filter { $0.attributes["class"] == "segment" }
        #expect(segments.count == records.filter { ($0.extra?["addedNsPerFrame"]) != nil }.count)
    }

    @Test func aShortKeyCountStudyGivesOneRecordPerCaseAndAChart() throws {
        var configuration = KeyCountConfiguration()
        configuration.backends = ["sodium"]
        configuration.keyCounts = [1, 4, 40]
        configuration.frameSizes = [100]
        configuration.length = .count(300)
        configuration.warmupSeconds = 0
        configuration.repetitions = 3
        let records = try KeyCountStudy.run(configuration)
        #expect(records.map(\.keyCount) == [1, 4, 40] && records.allSatisfy { $0.frames == 300 && $0.extra?["ratioToOneKey"] != nil })
        let files = Report.render([ReportInput(name: "k.json", document: ReportFixtures.document(suite: "meeting", records))])
        let text = try #require(files.first { $0.name == "key-count.svg" }?.contents)
        let svg = try #require(XMLElements.parse(text))
        #expect(svg.named("circle").filter { $0.attributes["class"] == "point" }.count == 3)
        #expect(svg.texts(class: "axis-title").contains("live receive keys (log scale)"))

        var bad = configuration
        bad.keyCounts = [0]
        #expect(throws: SuiteError.self) { try bad.resolvedBackends() }
    }
}

@Suite struct OverheadRunJobTests {
    @Test func theRunJobIncludesTheLayersAndAShortKeyCountStudy() throws {
        let full = RunJob(), quick = RunJob(quick: true)
        #expect(full.overhead.frameSizes == [100, 1200, 65536] && full.overhead.operations == [.seal, .open])
        #expect(full.overhead.measureHarness && quick.overhead.measureHarness)
        #expect(full.keyCounts.keyCounts.first == 1 && full.keyCounts.keyCounts.last == 400)
        #expect(quick.keyCounts.keyCounts.count < full.keyCounts.keyCounts.count)
        #expect(try full.validate() == (try full.overhead.resolvedBackends()).filter { $0.parent == nil }.map(\.name))
        let extra = full.runConfiguration(backendNames: []).extra ?? [:]
        #expect(extra["overhead.receiverKeys"] == "1200" && extra["keys.keyCounts"] == "1,10,50,200,400")
    }
}
