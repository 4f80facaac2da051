import ArgumentParser
import Foundation
import FrameBench

struct OverheadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overhead",
        abstract: "Take a frame's cost apart: C library call, Swift backend, SFrame, harness, per backend and size.",
        discussion: """
            For each frame size and operation, every selected backend's layers run interleaved, \
            batch by batch: the C reference (the library call with no Swift in the loop, when the \
            backend has one), the Swift backend call, and a whole SFrame seal or open (the \
            receiver holding 1200 keys), every layer on rings of the same geometry for the \
            working set (--working-set); the harness layer comes from a short meeting run with the \
            crypto made no-ops. Prints each layer's ns/frame (p50, p99, a frame through it and \
            everything below), what it adds over the layer below (median of paired batch \
            differences, 95% interval) and, for a variant such as openssl-cold, its cost as a \
            multiple of its default backend's. See docs/overhead.md. Results go to \
            results/overhead-<UTC time>.json and .csv (or --output); exits 2 on bad input, before measuring.
            """)

    @Option(
        name: .customLong("backend"),
        help: "A backend or variant to measure (repeatable; default: all available; a variant brings its default backend).")
    var backends: [String] = []

    @Flag(help: "Add the variants openssl-cold, openssl-placeholder and sodium-nobeforenm, each beside its default backend.")
    var variants = false

    @Option(help: "Comma-separated frame sizes in bytes (default: 100,1200,65536).")
    var sizes: CommaSeparated<Int>?

    @Option(help: "Operations, comma-separated: seal, open (default: both).")
    var operations: CommaSeparated<FrameOperation>?

    @Option(
        name: .customLong("working-set"),
        help: ArgumentHelp(
            "Working sets, comma-separated: hot, l2, llc, dram (default: llc, what a meeting receiver sees).",
            discussion: "Every layer processes frames from rings of one geometry, sized from this CPU's caches (sysfs): hot = "
                + "each ring at most half the L1d, written just before it is read; l2, llc = all rings together half the L2, "
                + "half the LLC; dram = four times the LLC. See docs/overhead.md, \"Working sets\"."))
    var workingSets: CommaSeparated<WorkingSet>?

    @Option(help: "Seconds measured per backend and layer (default: 0.5; excludes --count).")
    var seconds: Double?

    @Option(help: "Exactly N frames per backend and layer (excludes --seconds).")
    var count: Int?

    @Option(help: "Warm-up seconds per group, 0 for none (default: 0.1).")
    var warmup: Double?

    @Option(name: .customLong("receiver-keys"), help: "Keys the SFrame receiver holds (default: 1200).")
    var receiverKeys: Int?

    @Flag(name: .customLong("no-harness"), help: "Skip the meeting run that measures the harness layer.")
    var noHarness = false

    @Option(help: "Seed for keys and payload (default: 1).")
    var seed: UInt64?

    @OptionGroup var results: ResultsOutputOptions

    func validate() throws {
        try OptionRules.exclusive(count, "--count", seconds, "--seconds")
        try OptionRules.checking { _ = try makeConfiguration().resolvedBackends() }
    }

    func run() throws {
        let configuration = makeConfiguration()
        let backendNames = try OptionRules.checking { try configuration.resolvedBackends().map(\.name) }
        let measured = try MeasuredRun.begin(suite: "overhead", results: results)
        let records = try measured.measure {
            try OverheadSuite.run(configuration, stop: measured.stop) { line in standardError("overhead: \(line)") }
        }
        let document = measured.document(
            configuration: configuration.runConfiguration(backendNames: backendNames), records: records)
        let text = ([OverheadReport.table(records)] + OverheadReport.notes(records)).joined(separator: "\n")
        try measured.deliver(document, summary: text, unfinished: "groups")
        try measured.exitIfStopped()
    }

    /// The suite configuration the options describe; `validate()` has checked it.
    private func makeConfiguration() -> OverheadSuiteConfiguration {
        var c = OverheadSuiteConfiguration()
        c.backends = backends
        c.includeVariants = variants
        c.measureHarness = !noHarness
        if let sizes { c.frameSizes = sizes.values }
        if let operations { c.operations = operations.distinctValues }
        if let workingSets { c.workingSets = workingSets.distinctValues }
        if let seconds { c.length = .seconds(seconds) }
        if let count { c.length = .count(count) }
        if let warmup { c.warmupSeconds = warmup }
        if let receiverKeys { c.receiverKeys = receiverKeys }
        if let seed { c.seed = seed }
        return c
    }
}
