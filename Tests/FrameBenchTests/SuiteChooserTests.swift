import FrameCrypto
import FrameTestSupport
import Testing

@testable import FrameBench

/// The cipher-suite dimension of the frames suite and the suite chooser built on it: which
/// cells are measured, the bytes each record carries, the interpolated CPU costs, the exact
/// overhead bytes of a packetized stream, the Pareto front and the "n/a" cells.
@Suite struct SuiteChooserTests {
    /// A frames record of `backend` under `suite`: seal costs `base + size / 10` ns, open 5 ns more.
    static func record(
        _ backend: String, _ suite: SFrameCipherSuite, _ operation: FrameOperation, _ size: Int, base: Double
    )
        -> MeasurementRecord
    {
        let ns = base + Double(size) / 10 + (operation == .open ? 5 : 0)
        var record = ReportFixtures.framesRecord(backend, operation.rawValue, size, "swift")
        record.nsPerFrame = PercentileSummary(p50: ns, p90: ns, p99: ns, p999: ns, max: ns, mean: ns)
        record.cipherSuite = Int(suite.rawValue)
        record.threads = 1
        record.overheadBytesPerFrame = Double(8 + suite.tagByteCount)
        return record
    }

    /// openssl at suites 1, 4 and 5 (suite 1 cheapest), sodium at suite 5 only, at 100 and 1200 B.
    static let records: [MeasurementRecord] = {
        var records: [MeasurementRecord] = []
        for size in [100, 1200] {
            for operation in [FrameOperation.seal, .open] {
                records.append(record("openssl", .aes128CTRHMACSHA256Tag80, operation, size, base: 40))
                records.append(record("openssl", .aes128GCMSHA256, operation, size, base: 50))
                records.append(record("openssl", .aes256GCMSHA512, operation, size, base: 60))
                records.append(record("sodium", .aes256GCMSHA512, operation, size, base: 55))
            }
        }
        return records
    }()

    @Test func costsInterpolateBetweenMeasuredSizesAndClampOutside() throws {
        let costs = SuiteChooser.Costs(Self.records)
        // seal at 100 B: 40 + 10 = 50; at 1200 B: 40 + 120 = 160; halfway (650 B): 105.
        #expect(costs.nanoseconds("openssl", .aes128CTRHMACSHA256Tag80, .seal, size: 650) == 105)
        #expect(costs.nanoseconds("openssl", .aes128CTRHMACSHA256Tag80, .seal, size: 20) == 50)
        #expect(costs.nanoseconds("openssl", .aes128CTRHMACSHA256Tag80, .open, size: 9000) == 165)
        #expect(costs.nanoseconds("sodium", .aes128GCMSHA256, .seal, size: 100) == nil)
        #expect(costs.covers("sodium", .aes256GCMSHA512) && !costs.covers("sodium", .aes128CTRHMACSHA256Tag80))
    }

    @Test func packetPayloadsCutEveryFrameIntoTheBudgetWithExactHeaders() {
        let profile = StreamProfile(kind: .video, seconds: 1, frameSizes: [2500, 10], mtu: 1200, keyID: 3)
        let suite = SFrameCipherSuite.aes256GCMSHA512
        let (payloads, headers) = profile.packetPayloads(suite: suite)
        // Counters 0, 1, 2, 3 with KID 3 fit in a 1-byte header: 1200 − 1 − 16 = 1183 per packet.
        #expect(payloads == [1183, 1183, 134, 10])
        #expect(headers == 4)
        #expect(payloads.reduce(0, +) == 2510)
        // An 80-bit tag leaves 6 bytes more per packet.
        #expect(profile.packetPayloads(suite: .aes128CTRHMACSHA256Tag80).payloads == [1189, 1189, 122, 10])
    }

    @Test func choicesCostEveryPacketAndMarkTheParetoFront() throws {
        let audio = StreamProfile(kind: .audio, seconds: 2, frameSizes: [100, 100, 100, 100], mtu: 1200, keyID: 1)
        let choices = SuiteChooser.choices(Self.records, profiles: [audio])
        // openssl at 1, 4, 5 and sodium at 5.
        #expect(choices.count == 4)
        let ctr = try #require(choices.first { $0.backend == "openssl" && $0.suite == .aes128CTRHMACSHA256Tag80 })
        // Four packets of 100 B in 2 s: seal 50 + open 55 each, so 210 ns per second.
        #expect(abs(ctr.cpuMicrosecondsPerSecond - 0.210) < 1e-9)
        // Headers: 1 byte each (KID 1, counters 0…3); tag 10 B: 4 × 11 B × 8 bit / 2 s = 176 bit/s.
        #expect(abs(ctr.overheadKbps - 0.176) < 1e-9)
        #expect(abs(ctr.overheadPercent - 100 * 0.176 / 1.6) < 1e-9)
        // The CTR suite is cheaper in CPU and bytes than every GCM choice, so it alone is on the front.
        #expect(choices.filter(\.isParetoOptimal).map(\.suite) == [.aes128CTRHMACSHA256Tag80])
    }

    @Test func theFrontKeepsEveryChoiceNothingBeatsOnBoth() {
        func choice(_ cpu: Double, _ kbps: Double) -> SuiteChooser.Choice {
            .init(
                backend: "b\(cpu)", suite: .default, kind: .video, cpuMicrosecondsPerSecond: cpu, overheadKbps: kbps,
                overheadPercent: 0)
        }
        let marked = SuiteChooser.markParetoFront([choice(1, 9), choice(2, 5), choice(3, 5), choice(4, 1), choice(5, 2)])
        #expect(marked.map(\.isParetoOptimal) == [true, true, false, true, false])
    }

    @Test func theTableShowsNotApplicableWhereABackendLacksASuite() throws {
        let (headers, rows) = SuiteChooser.table(Self.records)
        #expect(headers == ["suite", "backend", "bytes/frame", "seal 100 B", "open 100 B", "seal 1200 B", "open 1200 B"])
        // 3 suites × 2 backends, sodium n/a under 1 and 4.
        #expect(rows.map { "\($0[0].prefix(1)) \($0[1])" } == ["1 openssl", "1 sodium", "4 openssl", "4 sodium", "5 openssl", "5 sodium"])
        #expect(rows.map { $0[2] } == ["18", "18", "24", "24", "24", "24"])
        #expect(rows[1].dropFirst(3).allSatisfy { $0 == "n/a" } && rows[3].dropFirst(3).allSatisfy { $0 == "n/a" })
        #expect(rows[5][3] == NumberFormat.nanoseconds(55 + 10) && rows[0][6] == NumberFormat.nanoseconds(40 + 120 + 5))
        // The compact table: a row per suite, seal/open per backend and size.
        let compact = SuiteChooser.compactTable(Self.records)
        #expect(compact.headers == ["suite", "B/frame", "openssl 100 B", "openssl 1200 B", "sodium 100 B", "sodium 1200 B"])
        #expect(compact.rows.map { $0[0] } == ["1", "4", "5"] && compact.rows[0][4] == "n/a" && compact.rows[2][4] != "n/a")
        #expect(compact.rows[0][2] == "\(NumberFormat.nanoseconds(50))/\(NumberFormat.nanoseconds(55))")
        // A size measured under one suite only (the frames part's 64 B) is not costed.
        var extra = Self.records
        extra.append(Self.record("openssl", .aes256GCMSHA512, .seal, 64, base: 60))
        extra.append(Self.record("openssl", .aes256GCMSHA512, .open, 64, base: 60))
        #expect(SuiteChooser.table(extra).headers == headers)
        // One suite measured: no chooser.
        let onlyFive = Self.records.filter { $0.cipherSuite == 5 }
        #expect(SuiteChooser.table(onlyFive).rows.isEmpty && SuiteChooser.choices(onlyFive).isEmpty)
    }

    @Test func theFramesSuiteMeasuresEachSuiteOnExactlyTheBackendsThatImplementIt() throws {
        var configuration = FramesSuiteConfiguration()
        configuration.cipherSuites = [.aes128GCMSHA256, .aes256GCMSHA512]
        configuration.frameSizes = [100]
        configuration.operations = [.seal]
        configuration.length = .count(64)
        configuration.warmupSeconds = 0
        configuration.includeReference = false
        let records = try FramesSuite.run(configuration)
        for backend in BackendRegistry.available {
            for suite in configuration.cipherSuites {
                let cell = records.filter { $0.backend == backend.info.name && $0.cipherSuite == Int(suite.rawValue) }
                #expect(cell.count == (backend.algorithms.contains(suite.aead) ? 1 : 0), "\(backend.info.name) suite \(suite)")
                for record in cell {
                    #expect(record.overheadBytesPerFrame == Double(configuration.aadBytes + suite.tagByteCount))
                    #expect(record.frames == 64)
                }
            }
        }
        #expect(
            records.count
                == BackendRegistry.available.map { b in configuration.cipherSuites.filter { b.algorithms.contains($0.aead) }.count }.reduce(
                    0, +))
    }

    @Test func theFramesTableNamesTheSuiteAndPairsEachRowWithItsSuitesReference() throws {
        var records = Self.records.filter { $0.backend == "openssl" && $0.frameSize == 100 && $0.operation == "seal" }
        for var c in records {
            c.implementation = "c"
            c.nsPerFrame.p50 += 1000 * Double(c.cipherSuite!)
            records.append(c)
        }
        let lines = FramesReport.table(records).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("suite"))
        // Suite 4's row shows suite 4's C median (50 + 10 + 4000 ns), not another suite's.
        let four = try #require(lines.first { $0.hasPrefix("    4") || $0.hasPrefix("4 ") || $0.split(separator: " ").first == "4" })
        #expect(four.contains("4060"))
        #expect(lines.contains { $0.hasPrefix("SFrame cipher suites") })
    }

    @Test func suiteKeysExtendTheRunKeyDeterministically() {
        let key = Array(0..<32).map(UInt8.init)
        #expect(FramesSuite.keyBytes(key, count: 16, seed: 1) == Array(key.prefix(16)))
        let long = FramesSuite.keyBytes(key, count: 96, seed: 1)
        #expect(long.count == 96 && Array(long.prefix(32)) == key)
        #expect(long == FramesSuite.keyBytes(key, count: 96, seed: 1))
        #expect(long != FramesSuite.keyBytes(key, count: 96, seed: 2))
    }
}
