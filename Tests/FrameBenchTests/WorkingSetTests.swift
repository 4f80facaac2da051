import Foundation
import FrameCrypto
import Testing

@testable import FrameBench

/// The overhead suite's working sets: cache sizes from a fake sysfs directory, the ring
/// geometry each working set gives, every layer of a group on an equal geometry, the ring
/// runners' frames, the records' fields and the "cost vs working set" chart. Nothing here
/// asserts a timing.
@Suite struct WorkingSetTests {
    /// A fake `cpu0/cache` directory: `(level, type, size)` per `index*` entry.
    static func fakeSysfs(_ entries: [(Int, String, String)]) throws -> String {
        let root = try makeTemporaryDirectory("fake-sysfs")
        for (i, (level, type, size)) in entries.enumerated() {
            let dir = "\(root)/index\(i)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try "\(level)\n".write(toFile: "\(dir)/level", atomically: true, encoding: .utf8)
            try "\(type)\n".write(toFile: "\(dir)/type", atomically: true, encoding: .utf8)
            try "\(size)\n".write(toFile: "\(dir)/size", atomically: true, encoding: .utf8)
        }
        return root
    }

    static let caches = CacheSizes(l1d: 48 << 10, l2: 2 << 20, llc: 16 << 20, source: "test")

    @Test func cacheSizesComeFromSysfsOrAStatedFallback() throws {
        let root = try Self.fakeSysfs([(1, "Data", "48K"), (1, "Instruction", "32K"), (2, "Unified", "2048K"), (3, "Unified", "16M")])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(CacheSizes.read(root: root) == CacheSizes(l1d: 48 << 10, l2: 2 << 20, llc: 16 << 20, source: root))

        // No L3: the L2 is the last level.
        let two = try Self.fakeSysfs([(1, "Data", "32K"), (2, "Unified", "512K")])
        defer { try? FileManager.default.removeItem(atPath: two) }
        let noL3 = CacheSizes.read(root: two)
        #expect(noL3.l2 == 512 << 10 && noL3.llc == 512 << 10)

        // Missing or incomplete: the defaults, saying why.
        let missing = CacheSizes.read(root: root + "/no-such-dir")
        #expect(missing.l1d == 32 << 10 && missing.l2 == 1 << 20 && missing.llc == 32 << 20)
        #expect(missing.source.contains("no-such-dir") && missing.source.contains("cannot be read"))
        let l1Only = try Self.fakeSysfs([(1, "Data", "32K")])
        defer { try? FileManager.default.removeItem(atPath: l1Only) }
        #expect(CacheSizes.read(root: l1Only).source.contains("no L1 data or L2"))

        #expect(CacheSizes.parseSize("32K") == 32768 && CacheSizes.parseSize("16M") == 16 << 20)
        #expect(CacheSizes.parseSize("4096") == 4096 && CacheSizes.parseSize("") == nil && CacheSizes.parseSize("xK") == nil)
    }

    @Test func eachWorkingSetSizesItsRingsFromTheCaches() {
        let layers = 6
        for size in [100, 1200, 65536] {
            let stride = RingGeometry.stride(frameSize: size)
            #expect(stride % 64 == 0 && stride >= size + SFrameCipher.maxOverhead)
            var footprints: [Int] = []
            for set in WorkingSet.allCases {
                let g = set.geometry(frameSize: size, headerBytes: 5, layers: layers, caches: Self.caches)
                #expect(g.frameSize == size && g.headerBytes == 5 && g.stride == stride && g.slots >= 1)
                let footprint = set.footprint(g, layers: layers)
                footprints.append(footprint)
                let target = set.targetBytes(Self.caches)
                switch set {
                case .hot:
                    #expect(g.refill == .beforeRead)
                    #expect(g.slots == max(1, (24 << 10) / stride))
                    #expect(footprint == g.ringBytes)
                default:
                    #expect(g.refill == .afterRead)
                    #expect(footprint == g.ringBytes * layers)
                    if layers * stride <= target {
                        #expect(footprint <= target && footprint > target - layers * stride, "\(set) \(size)")
                    }
                }
            }
            #expect(WorkingSet.hot.targetBytes(Self.caches) == 24 << 10)
            #expect(WorkingSet.l2.targetBytes(Self.caches) == 1 << 20)
            #expect(WorkingSet.llc.targetBytes(Self.caches) == 8 << 20)
            #expect(WorkingSet.dram.targetBytes(Self.caches) == 64 << 20)
            #expect(footprints[1] < footprints[2] && footprints[2] < footprints[3], "\(size): \(footprints)")
        }
        #expect(WorkingSet.receiverDefault == .llc)
        #expect(WorkingSet.describe(bytes: 24 << 10) == "24 KiB" && WorkingSet.describe(bytes: 8 << 20) == "8.0 MiB")
    }

    @Test func workingSetOptionsAreChecked() {
        func rejects(_ sets: [WorkingSet]) -> Bool {
            var c = OverheadSuiteConfiguration()
            c.workingSets = sets
            do { _ = try c.resolvedBackends(); return false } catch { return true }
        }
        #expect(rejects([]))
        #expect(rejects([.hot, .hot]))
        #expect(!rejects([.hot, .dram]))
        #expect(OverheadSuiteConfiguration().workingSets == [.llc])
        #expect(WorkingSet(rawValue: "l3") == nil && WorkingSet.allCases.map(\.rawValue) == ["hot", "l2", "llc", "dram"])
        var c = OverheadSuiteConfiguration()
        c.workingSets = [.hot, .llc]
        #expect(c.extraDescription["workingSets"] == "hot,llc")
        #expect(c.extraDescription["cacheSizes"]?.contains("LLC") == true)
    }

    @Test(arguments: [WorkingSet.hot, .l2])
    func everyLayerOfAGroupWalksAnEqualRing(set: WorkingSet) throws {
        var configuration = OverheadSuiteConfiguration()
        configuration.backends = ["openssl", "sodium"]
        let selected = try configuration.resolvedBackends()
        let geometry = set.geometry(frameSize: 1200, headerBytes: OverheadSuiteConfiguration.headerBytes, layers: 6, caches: Self.caches)
        let baseKey = SecretBytes(copying: [UInt8](repeating: 4, count: 32).span)
        for operation in [FrameOperation.seal, .open] {
            let layers = try OverheadSuite.makeLayers(
                selected, key: [UInt8](repeating: 4, count: 32), baseKey: baseKey, payload: [UInt8](repeating: 0x3C, count: 1200),
                header: [UInt8](repeating: 0xA5, count: OverheadSuiteConfiguration.headerBytes), geometry: geometry,
                operation: operation, keyIDs: [OverheadSuiteConfiguration.measuredKeyID, 1, 2])
            let runners = layers.flatMap { $0.values }
            #expect(layers.allSatisfy { Set($0.keys) == [.cLibrary, .swiftBackend, .sframe] })
            #expect(runners.count == 6)
            #expect(runners.allSatisfy { $0.ring.geometry == geometry })
            // Each layer its own ring, every ring on a cache line.
            let bases = runners.map { Int(bitPattern: $0.ring.memory.baseAddress!) }
            #expect(Set(bases).count == runners.count && bases.allSatisfy { $0 % 64 == 0 })
            #expect(runners.allSatisfy { $0.ring.memory.count == geometry.ringBytes && $0.ring.output.count == 1200 })
        }
    }

    /// The C, Swift-backend and SFrame ring layers: several laps, parts and refills, every
    /// frame authenticated; the C and Swift-backend rings hold the same bytes.
    @Test(arguments: [RingRefill.beforeRead, .afterRead])
    func ringRunnersSealAndOpenEveryLap(refill: RingRefill) throws {
        let payload = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        let header = [UInt8](repeating: 0x42, count: 5)
        let key = [UInt8](repeating: 7, count: 32)
        let geometry = RingGeometry(frameSize: 300, headerBytes: 5, slots: 3, refill: refill)
        let baseKey = SecretBytes(copying: key.span)
        let kid = OverheadSuiteConfiguration.measuredKeyID

        let cSeal = try #require(
            try RingReferenceRunner(backend: "openssl", key: key, payload: payload, header: header, geometry: geometry, operation: .seal))
        let swiftSeal = try RingBackendRunner<OpenSSLContext>(
            key: key, payload: payload, header: header, geometry: geometry, operation: .seal)
        _ = try cSeal.runBatch(frames: 2)
        _ = try swiftSeal.runBatch(frames: 2)
        #expect(Array(cSeal.ring.memory) == Array(swiftSeal.ring.memory))
        #expect(cSeal.cursor == 2 && swiftSeal.cursor == 2)

        for runner in [
            try #require(
                try RingReferenceRunner(backend: "sodium", key: key, payload: payload, header: header, geometry: geometry, operation: .open)
            )
                as any RingLayerRunner,
            try RingBackendRunner<SodiumContext>(key: key, payload: payload, header: header, geometry: geometry, operation: .open),
            try RingSFrameOpenRunner<OpenSSLContext>(
                keyID: kid, keyIDs: [kid, 1, 2], baseKey: baseKey, payload: payload, header: header, geometry: geometry),
        ] {
            _ = try runner.runBatch(frames: 7)
            _ = try runner.runBatch(frames: 2)
            #expect(Array(runner.ring.output) == payload, "\(type(of: runner))")
            #expect(runner.cursor == 0)
        }

        // SFrame seal: every slot's frame opens to the payload (before-read refills leave it
        // there), or every slot holds the payload again where the next lap's header ends
        // (after-read refills); across the counters 0…20 the header grows from 1 to 2 bytes at
        // counter 8, and a part never straddles it.
        let seal = try RingSFrameSealRunner<SodiumContext>(
            keyID: kid, baseKey: baseKey, payload: payload, header: header, geometry: geometry)
        var receiver = SFrameReceiver<SodiumContext>(capacity: 1)
        try receiver.addKey(keyID: kid, baseKey: baseKey)
        var opened = [UInt8](repeating: 0, count: payload.count)
        for _ in 0..<7 {
            let first = seal.cursor, counter = seal.nextCounter
            _ = try seal.runBatch(frames: 3)
            for j in 0..<3 {
                let slot = (first + j) % 3
                if refill == .afterRead {
                    let next = counter + 3 + UInt64(j)
                    let offset = SFrameHeader(keyID: kid, counter: next).byteCount
                    #expect(Array(UnsafeRawBufferPointer(start: seal.ring.slot(slot) + offset, count: payload.count)) == payload)
                    continue
                }
                let frame = seal.frame(slot: slot, counter: counter + UInt64(j))
                let result = try frame.withUnsafeBytes { f in
                    try opened.withUnsafeMutableBytes { o in
                        try receiver.open(frame: f, metadata: UnsafeRawBufferPointer(start: nil, count: 0), into: o)
                    }
                }
                #expect(result.counter == counter + UInt64(j) && opened == payload)
            }
        }
        #expect(seal.nextCounter == 21)
    }

    @Test func recordsCarryTheWorkingSetAndTheReportChartsCostAgainstIt() throws {
        var configuration = OverheadSuiteConfiguration()
        configuration.backends = ["sodium"]
        configuration.frameSizes = [100]
        configuration.workingSets = [.hot, .l2]
        configuration.length = .count(300)
        configuration.warmupSeconds = 0
        configuration.repetitions = 4
        configuration.receiverKeys = 8
        configuration.measureHarness = false
        let root = try Self.fakeSysfs([(1, "Data", "32K"), (2, "Unified", "256K"), (3, "Unified", "4M")])
        defer { try? FileManager.default.removeItem(atPath: root) }
        configuration.cacheRoot = root
        let records = try OverheadSuite.run(configuration)
        #expect(records.count == 2 * 2 * 3)
        #expect(records.allSatisfy { $0.workingSet != nil && ($0.workingSetBytes ?? 0) > 0 })
        let hot = records.filter { $0.workingSet == "hot" }, l2 = records.filter { $0.workingSet == "l2" }
        #expect(hot.count == 6 && l2.count == 6)
        // l2: three rings together within half the fake 256 KiB L2; hot: one ring within half its L1d.
        #expect(l2.allSatisfy { $0.workingSetBytes! <= 128 << 10 && $0.workingSetBytes! > 100 << 10 })
        #expect(hot.allSatisfy { $0.workingSetBytes! <= 16 << 10 })
        let table = OverheadReport.table(records)
        #expect(table.contains("hot") && table.contains("l2"))
        #expect(OverheadReport.notes(records).contains { $0.hasPrefix("Working sets") && $0.contains("l2 ") })

        // JSON round trip keeps the fields; CSV has their columns.
        let document = ReportFixtures.document(suite: "overhead", records)
        let decoded = try JSONDecoder().decode(ResultsDocument.self, from: JSONEncoder().encode(document))
        #expect(decoded.measurements.map(\.workingSet) == records.map(\.workingSet))
        #expect(decoded.measurements.map(\.workingSetBytes) == records.map(\.workingSetBytes))
        #expect(ResultsCSV.render(records).split(separator: "\n")[0].hasSuffix("workingSet,workingSetBytes"))

        // The report: one "cost vs working set" chart per operation and size, a line per layer
        // with a point per working set; the stacked bars show one working set.
        let files = Report.render([ReportInput(name: "o.json", document: document)])
        for operation in ["seal", "open"] {
            let text = try #require(files.first { $0.name == "working-set-\(operation)-100.svg" }?.contents)
            let svg = try #require(XMLElements.parse(text))
            let points = svg.elements.filter { $0.attributes["data-working-set"] != nil }
            #expect(points.count == 6, "\(operation)")
            #expect(Set(points.compactMap { $0.attributes["data-layer"] }) == ["c-library", "swift-backend", "sframe"])
            #expect(Set(points.compactMap { $0.attributes["data-working-set"] }) == ["hot", "l2"])
        }
        let bars = OverheadFigure.bars(records)
        #expect(bars.count == 2 && bars.allSatisfy { $0.layers.count == 3 })
        let markdown = try #require(files.first { $0.name == "report.md" }?.contents)
        #expect(markdown.contains("Cost vs working set") && markdown.contains("working set hot"))

        // One working set: no such chart.
        let single = Report.render([ReportInput(name: "o.json", document: ReportFixtures.document(suite: "overhead", hot))])
        #expect(!single.contains { $0.name.hasPrefix("working-set-") })
        #expect(single.contains { $0.name == "overhead.svg" })
    }
}
