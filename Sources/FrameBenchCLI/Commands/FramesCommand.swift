import ArgumentParser
import Foundation
import FrameBench

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

    @Option(help: "Comma-separated frame sizes in bytes (default: 16,64,160,1200,4096,16384,65536).")
    var sizes: CommaSeparated<Int>?

    @Option(help: "Measure exactly N frames per case (excludes --seconds).")
    var count: Int?

    @Option(help: "Measure S seconds per case (default: 1; excludes --count).")
    var seconds: Double?

    @Option(help: "Seed for key, payload and AAD bytes (default: 1).")
    var seed: UInt64?

    @Option(
        help: """
            SFrame cipher suites whose AEAD to measure, comma-separated: 1-8, IANA names, or all \
            (default: 5, AES_256_GCM_SHA512_128). A backend is measured under each suite it implements.
            """)
    var suites: CommaSeparated<SuiteSelection>?

    @Option(help: "Operations, comma-separated: seal, open (default: both).")
    var operations: CommaSeparated<FrameOperation>?

    @Option(help: "Warm-up seconds per group, 0 for none (default: 0.2).")
    var warmup: Double?

    @Option(name: .customLong("batch-size"), help: "Fixed frames per timed batch instead of calibrating to ~20 µs.")
    var batchSize: Int?

    @Option(
        help:
            "Thread counts, comma-separated, or 'max' for 1 to the number of CPUs (default: 1). Counts above 1 add a scaling measurement: each Swift case on N threads at once, each with its own contexts, interleaved with 1 thread; records give aggregate throughput, speed-up and efficiency."
    )
    var threads: ThreadCounts?

    @OptionGroup var results: ResultsOutputOptions

    @Flag(name: .customLong("no-reference"), help: "Skip the C reference.")
    var noReference = false

    @Option(
        name: .customLong("synthetic-overhead-ns"),
        help:
            "Add N ns of calibrated busy work to every frame of the Swift cases (the C reference is left alone): a known slowdown for testing a regression gate. Never for reported numbers."
    )
    var syntheticOverheadNs = 0

    @Option(
        name: .customLong("synthetic-allocations"),
        help: ArgumentHelp(
            "Allocate and free N heap blocks in every frame of the Swift cases: the known allocation that proves the allocation gate sees one (scripts/check-allocations.sh). Never for reported numbers.",
            visibility: .hidden))
    var syntheticAllocations = 0

    func validate() throws {
        try OptionRules.exclusive(count, "--count", seconds, "--seconds")
        try OptionRules.checking { _ = try makeConfiguration().resolvedBackends() }
    }

    func run() throws {
        let configuration = makeConfiguration()
        let backendNames = try OptionRules.checking { try configuration.resolvedBackends().map { $0.info.name } }
        let measured = try MeasuredRun.begin(suite: "frames", results: results)
        let records = try measured.measure {
            try FramesSuite.run(configuration, stop: measured.stop) { line in standardError("frames: \(line)") }
        }
        var run = configuration.runConfiguration(backendNames: backendNames)
        if configuration.syntheticOverheadNanoseconds > 0 {
            // The calibration is per process and already done: this is the work the run applied.
            run.extra?["syntheticOverheadSteps"] = String(SyntheticOverhead(nanoseconds: configuration.syntheticOverheadNanoseconds).steps)
        }
        let document = measured.document(configuration: run, records: records)
        try measured.deliver(document, summary: FramesReport.table(records), unfinished: "groups")
        try measured.exitIfStopped()
    }

    /// The suite configuration the options describe; `validate()` has checked it.
    private func makeConfiguration() -> FramesSuiteConfiguration {
        var configuration = FramesSuiteConfiguration()
        configuration.backends = backends
        configuration.includeReference = !noReference
        if let sizes { configuration.frameSizes = sizes.values }
        if let count { configuration.length = .count(count) }
        if let seconds { configuration.length = .seconds(seconds) }
        if let seed { configuration.seed = seed }
        if let operations { configuration.operations = operations.distinctValues }
        if let suites {
            // `all` and single suites, in the order given, each once.
            configuration.cipherSuites = suites.values.flatMap(\.suites).reduce(into: []) { kept, suite in
                if !kept.contains(suite) { kept.append(suite) }
            }
        }
        if let warmup { configuration.warmupSeconds = warmup }
        if let batchSize { configuration.batchSize = batchSize }
        if let threads { configuration.threadCounts = threads.counts }
        configuration.syntheticAllocations = syntheticAllocations
        configuration.syntheticOverheadNanoseconds = syntheticOverheadNs
        return configuration
    }
}

/// Writes `line` and a newline to standard error.
func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
