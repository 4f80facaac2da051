import ArgumentParser
import FrameBench
import Foundation

struct FramesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames",
        abstract: "Measure seal and open of single frames per backend and frame size, beside a C reference.",
        discussion: """
            For each frame size and operation, every selected backend and its C reference (the \
            same library calls with no Swift in the loop) run interleaved, batch by batch, after \
            batch-size calibration and a warm-up. ns/frame percentiles are over batch means. \
            Results go to results/frames-<UTC time>.json and .csv (or --output), written \
            atomically; --json prints the document instead. Exits 2 on bad input, before measuring.
            """)

    @Option(name: .customLong("backend"), help: "A backend to measure (repeatable; default: all available).")
    var backends: [String] = []

    @Option(parsing: .unconditional, help: "Comma-separated frame sizes in bytes (default: 16,64,160,1200,4096,16384,65536).")
    var sizes: String?

    @Option(parsing: .unconditional, help: "Measure exactly N frames per case (excludes --seconds).")
    var count: String?

    @Option(parsing: .unconditional, help: "Measure S seconds per case (default: 1; excludes --count).")
    var seconds: String?

    @Option(parsing: .unconditional, help: "Seed for key, payload and AAD bytes (default: 1).")
    var seed: String?

    @Option(help: "Operations, comma-separated: seal, open (default: both).")
    var operations: String?

    @Option(parsing: .unconditional, help: "Warm-up seconds per group, 0 for none (default: 0.2).")
    var warmup: String?

    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Fixed frames per timed batch instead of calibrating to ~20 µs.")
    var batchSize: String?

    @Option(
        parsing: .unconditional,
        help: "Thread counts, comma-separated, or 'max' for 1 to the number of CPUs (default: 1). Counts above 1 add a scaling measurement: each Swift case on N threads at once, each with its own contexts, interleaved with 1 thread; records give aggregate throughput, speed-up and efficiency.")
    var threads: String?

    @OptionGroup var results: ResultsOutputOptions

    @Flag(name: .customLong("no-reference"), help: "Skip the C reference.")
    var noReference = false

    @Option(
        name: .customLong("synthetic-overhead-ns"), parsing: .unconditional,
        help: "Add N ns of calibrated busy work to every frame of the Swift cases (the C reference is left alone): a known slowdown for testing a regression gate. Never for reported numbers.")
    var syntheticOverheadNs: String?

    @Option(
        name: .customLong("synthetic-allocations"),
        help: ArgumentHelp("Allocate and free N heap blocks in every frame of the Swift cases: the known allocation that proves the allocation gate sees one (scripts/check-allocations.sh). Never for reported numbers.", visibility: .hidden))
    var syntheticAllocations = 0

    func run() throws {
        let configuration = try makeConfiguration()
        let backendNames: [String]
        do {
            backendNames = try configuration.resolvedBackends().map { $0.info.name }
        } catch {
            throw failure("\(error)")
        }
        let destination = try results.prepare(suite: "frames")

        let stop = SignalStop.install()
        let environment = RunEnvironment.current()
        let createdAt = ISO8601DateFormatter().string(from: Date())
        let records: [MeasurementRecord]
        do {
            records = try FramesSuite.run(configuration, stop: stop) { line in standardError("frames: \(line)") }
        } catch {
            throw failure("measurement failed: \(error)", code: CLIExit.failed)
        }
        var run = configuration.runConfiguration(backendNames: backendNames)
        if configuration.syntheticOverheadNanoseconds > 0 {
            // The calibration is per process and already done: this is the work the run applied.
            run.extra?["syntheticOverheadSteps"] = String(SyntheticOverhead(nanoseconds: configuration.syntheticOverheadNanoseconds).steps)
        }
        var document = ResultsDocument(
            createdAt: createdAt, environment: environment, configuration: run, measurements: records)
        document.peakRSSBytes = PeakMemory.residentBytes()
        if stop.skippedWork, let interrupted = stop.signalName {
            document.markIncomplete(interruptedBy: interrupted)
            standardError("INCOMPLETE: stopped by \(interrupted); only the groups finished before are recorded")
        }

        try results.deliver(document, text: FramesReport.table(records), to: destination)
        if let status = stop.exitStatus { throw ExitCode(status) }
    }

    /// The suite configuration from the options; any bad value is a usage error (exit 2).
    private func makeConfiguration() throws -> FramesSuiteConfiguration {
        var configuration = FramesSuiteConfiguration()
        configuration.backends = backends
        configuration.includeReference = !noReference
        if let sizes {
            let parts = sizes.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            var parsed: [Int] = []
            for part in parts {
                guard let size = Int(part), size >= 0 else {
                    throw failure("--sizes: '\(part)' is not a frame size in bytes (expected e.g. 16,64,1200)")
                }
                parsed.append(size)
            }
            configuration.frameSizes = parsed
        }
        if count != nil && seconds != nil { throw failure("--count and --seconds conflict: give one of them") }
        if let count {
            guard let n = Int(count) else { throw failure("--count: '\(count)' is not a whole number") }
            configuration.length = .count(n)
        }
        if let seconds {
            guard let s = Double(seconds) else { throw failure("--seconds: '\(seconds)' is not a number") }
            configuration.length = .seconds(s)
        }
        if let seed {
            guard let value = UInt64(seed) else { throw failure("--seed: '\(seed)' is not a non-negative whole number") }
            configuration.seed = value
        }
        if let operations {
            var parsed: [FrameOperation] = []
            for part in operations.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let operation = FrameOperation(rawValue: part) else {
                    throw failure("--operations: '\(part)' is not seal or open")
                }
                if !parsed.contains(operation) { parsed.append(operation) }
            }
            configuration.operations = parsed
        }
        if let warmup {
            guard let value = Double(warmup) else { throw failure("--warmup: '\(warmup)' is not a number of seconds") }
            configuration.warmupSeconds = value
        }
        if let batchSize {
            guard let value = Int(batchSize) else { throw failure("--batch-size: '\(batchSize)' is not a whole number") }
            configuration.batchSize = value
        }
        if let threads {
            configuration.threadCounts = try Self.threadCounts(threads)
        }
        configuration.syntheticAllocations = syntheticAllocations
        if let syntheticOverheadNs {
            guard let value = Int(syntheticOverheadNs), value >= 0 else {
                throw failure("--synthetic-overhead-ns: '\(syntheticOverheadNs)' is not a whole number of nanoseconds")
            }
            configuration.syntheticOverheadNanoseconds = value
        }
        return configuration
    }
}

extension FramesCommand {
    /// `--threads`: `max` (1 to the CPUs this process may use) or a list such as `1,2,4`.
    static func threadCounts(_ text: String) throws -> [Int] {
        if text.trimmingCharacters(in: .whitespaces) == "max" {
            return Array(1...max(ProcessInfo.processInfo.activeProcessorCount, 1))
        }
        var counts: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let n = Int(part), n >= 1 else {
                throw failure("--threads: '\(part)' is not a thread count (expected e.g. 1,2 or max)")
            }
            counts.append(n)
        }
        return counts
    }
}

/// Writes `line` and a newline to standard error.
private func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
