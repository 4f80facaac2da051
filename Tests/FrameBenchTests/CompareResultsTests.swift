import Foundation
import FrameCrypto
import Testing

@testable import FrameBench

@Suite struct CompareResultsTests {
    static let environment = RunEnvironment(
        cpuModel: "Test CPU", cpuFlags: ["aes": true], logicalCores: 2,
        os: .init(name: "Test OS", kernel: "Linux", kernelRelease: "6.1", machine: "x86_64"),
        swiftCompiler: ">=6.3 <6.4", buildConfiguration: "release",
        backends: [
            BackendInfo(name: "openssl", library: "OpenSSL libcrypto", version: "3.0.22", summary: "", availability: .available),
            BackendInfo(name: "sodium", library: "libsodium", version: "1.0.18", summary: "", availability: .available),
        ],
        gitCommit: nil, gitDirty: nil, commandLine: ["framebench", "frames"])

    /// A frames run: a Swift case and its C reference per backend, 20 samples each around
    /// `cost` ns, the Swift case `swiftFactor` times `ratio` over the C case, all shifted by
    /// `machine` (the machine's speed during the run).
    static func run(
        seed: UInt64, swiftFactor: Double = 1, machine: Double = 1, environment: RunEnvironment = environment
    ) -> ResultsComparison.Run {
        var records: [MeasurementRecord] = []
        for (index, backend) in ["openssl", "sodium"].enumerated() {
            let cost = 500.0 * machine
            let c = CompareStatisticsTests.noisy(cost, spread: 0.01, count: 20, seed: seed &* 31 &+ UInt64(index))
            let ratios = CompareStatisticsTests.noisy(1.02 * swiftFactor, spread: 0.002, count: 20, seed: seed &* 37 &+ UInt64(index))
            let swift = zip(c, ratios).map { $0 * $1 }
            for (implementation, samples) in [("swift", swift), ("c", c)] {
                var record = MeasurementRecord(
                    suite: "frames", implementation: implementation, backend: backend, frames: 1000, bytes: 64_000,
                    seconds: 0.01, nsPerFrame: PercentileSummary(values: samples), samples: samples,
                    samplesKind: "repetitionMedianNsPerFrame")
                record.operation = "seal"
                record.frameSize = 64
                if implementation == "swift" { record.referenceRatioSamples = ratios }
                records.append(record)
            }
        }
        let configuration = FramesSuiteConfiguration().runConfiguration(backendNames: ["openssl", "sodium"])
        let document = ResultsDocument(
            createdAt: "2026-01-01T00:00:00Z", environment: environment, configuration: configuration, measurements: records)
        return ("run-\(seed).json", document)
    }

    static func options() -> ComparisonOptions {
        var options = ComparisonOptions()
        options.resamples = 2000
        return options
    }

    @Test func anUnchangedBuildPassesEvenWhenTheMachineDrifts() throws {
        // The candidate ran while the machine was 20 % slower: absolute times moved, the
        // Swift cases' ratios to their interleaved C reference did not.
        let report = try ResultsComparison.compare(
            baseline: [Self.run(seed: 1), Self.run(seed: 2), Self.run(seed: 3)],
            candidate: [Self.run(seed: 4, machine: 1.2), Self.run(seed: 5, machine: 1.2), Self.run(seed: 6, machine: 1.2)],
            options: Self.options())
        #expect(report.passed && report.regressionCount == 0)
        #expect(report.cases.count == 4)
        for c in report.cases where c.key.implementation == "swift" {
            #expect(c.metric == "ratioToReference")
            #expect(c.verdict == .notSignificant || c.verdict == .withinThreshold)
            #expect(c.nsPerFrame.change > 0.15)  // visible, but not what is judged
        }
        #expect(report.cases.filter { $0.key.implementation == "c" }.allSatisfy { $0.verdict == .notGated })
        #expect(report.caseConfidence == 1 - 0.05 / 2)
    }

    @Test func aFivePercentSlowdownOfTheSwiftLayerIsARegression() throws {
        let report = try ResultsComparison.compare(
            baseline: [Self.run(seed: 1), Self.run(seed: 2), Self.run(seed: 3)],
            candidate: [Self.run(seed: 4, swiftFactor: 1.05), Self.run(seed: 5, swiftFactor: 1.05), Self.run(seed: 6, swiftFactor: 1.05)],
            options: Self.options())
        #expect(!report.passed)
        #expect(report.regressions.map(\.key.label).sorted() == ["frames swift openssl seal 64 B", "frames swift sodium seal 64 B"])
        #expect(report.text.contains("FAIL: 2 regressions"))
    }

    @Test func aSignificantChangeUnderTheThresholdPasses() throws {
        let report = try ResultsComparison.compare(
            baseline: [Self.run(seed: 1), Self.run(seed: 2)],
            candidate: [Self.run(seed: 4, swiftFactor: 1.015), Self.run(seed: 5, swiftFactor: 1.015)], options: Self.options())
        #expect(report.passed)
        #expect(report.cases.filter { $0.key.implementation == "swift" }.allSatisfy { $0.verdict == .withinThreshold })
    }

    @Test func aSpeedUpIsAnImprovementNotAFailure() throws {
        let report = try ResultsComparison.compare(
            baseline: [Self.run(seed: 1)], candidate: [Self.run(seed: 4, swiftFactor: 0.9)], options: Self.options())
        #expect(report.passed)
        #expect(report.cases.filter { $0.verdict == .improvement }.count == 2)
        #expect(report.notes.contains { $0.contains("single run") })
    }

    @Test func absoluteMetricJudgesEveryCaseOnNanoseconds() throws {
        var options = Self.options()
        options.metric = .absolute
        let report = try ResultsComparison.compare(
            baseline: [Self.run(seed: 1), Self.run(seed: 2)],
            candidate: [Self.run(seed: 4, machine: 1.2), Self.run(seed: 5, machine: 1.2)],
            options: options)
        #expect(report.cases.allSatisfy { $0.metric == "nsPerFrame" && $0.verdict != .notGated })
        #expect(!report.passed)  // the machine's 20 % is all it can see
    }

    @Test func theSameInputsGiveTheSameReport() throws {
        let base = [Self.run(seed: 1), Self.run(seed: 2)]
        let cand = [Self.run(seed: 3, swiftFactor: 1.01), Self.run(seed: 4, swiftFactor: 1.01)]
        let a = try ResultsComparison.compare(baseline: base, candidate: cand, options: Self.options())
        let b = try ResultsComparison.compare(baseline: base, candidate: cand, options: Self.options())
        #expect(a == b)
        let decoded = try JSONDecoder().decode(ComparisonReport.self, from: a.json())
        #expect(decoded == a)
    }

    @Test(arguments: ["CPU model", "build configuration", "Swift compiler", "crypto library of openssl"])
    func mismatchedEnvironmentsAreRefusedSayingWhat(what: String) throws {
        var other = Self.environment
        switch what {
        case "CPU model": other.cpuModel = "Other CPU"
        case "build configuration": other.buildConfiguration = "debug"
        case "Swift compiler": other.swiftCompiler = ">=6.4 <7.0"
        default:
            other.backends[0] = BackendInfo(
                name: "openssl", library: "OpenSSL libcrypto", version: "3.2.0", summary: "", availability: .available)
        }
        do {
            _ = try ResultsComparison.compare(
                baseline: [Self.run(seed: 1)], candidate: [Self.run(seed: 2, environment: other)], options: Self.options())
            Issue.record("expected a refusal")
        } catch {
            guard case let .environmentMismatch(lines) = error else { Issue.record("wrong error \(error)"); return }
            #expect(lines.contains { $0.hasPrefix(what + ":") })
            #expect(error.description.contains("--allow-environment-mismatch"))
        }
        var options = Self.options()
        options.allowEnvironmentMismatch = true
        let report = try ResultsComparison.compare(
            baseline: [Self.run(seed: 1)], candidate: [Self.run(seed: 2, environment: other)], options: options)
        #expect(report.notes.contains { $0.hasPrefix("allowed mismatch: \(what)") })
    }

    @Test func nothingInCommonIsRefused() throws {
        var other = Self.run(seed: 2)
        for i in other.document.measurements.indices { other.document.measurements[i].frameSize = 1200 }
        #expect(throws: ComparisonError.self) {
            try ResultsComparison.compare(baseline: [Self.run(seed: 1)], candidate: [other], options: Self.options())
        }
        do {
            _ = try ResultsComparison.compare(baseline: [Self.run(seed: 1)], candidate: [other], options: Self.options())
        } catch {
            #expect(error.description.contains("nothing to compare"))
            #expect(error.description.contains("1200 B"))
        }
    }

    @Test func unmatchedCasesAreListed() throws {
        var other = Self.run(seed: 2)
        other.document.measurements.removeAll { $0.backend == "sodium" }
        let report = try ResultsComparison.compare(baseline: [Self.run(seed: 1)], candidate: [other], options: Self.options())
        #expect(report.cases.count == 2)
        #expect(report.onlyInBaseline == ["frames swift sodium seal 64 B", "frames c sodium seal 64 B"])
    }

    @Test func syntheticOverheadIsNoted() throws {
        var injected = Self.run(seed: 2)
        injected.document.configuration.extra = ["syntheticOverheadNs": "25"]
        let report = try ResultsComparison.compare(baseline: [Self.run(seed: 1)], candidate: [injected], options: Self.options())
        #expect(report.notes.contains { $0.contains("candidate runs inject synthetic overhead (25 ns") })
    }
}
