import ArgumentParser
import FrameBench
import Foundation

struct OverheadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overhead",
        abstract: "Take a frame's cost apart: C library call, Swift backend, SFrame, harness, per backend and size.",
        discussion: """
            For each frame size and operation, every selected backend's layers run interleaved, \
            batch by batch: the C reference (the library call with no Swift in the loop, when the \
            backend has one), the Swift backend call, and a whole SFrame seal or open (the \
            receiver holding 1200 keys); the harness layer comes from a short meeting run with the \
            crypto made no-ops. Prints each layer's ns/frame (p50, p99, a frame through it and \
            everything below), what it adds over the layer below (median of paired batch \
            differences, 95% interval) and, for a variant such as openssl-cold, its cost as a \
            multiple of its default backend's. See docs/overhead.md. Results go to \
            results/overhead-<UTC time>.json and .csv (or --output); exits 2 on bad input, before measuring.
            """)

    @Option(name: .customLong("backend"), help: "A backend or variant to measure (repeatable; default: all available; a variant brings its default backend).")
    var backends: [String] = []

    @Flag(help: "Add the variants openssl-cold, openssl-placeholder and sodium-nobeforenm, each beside its default backend.")
    var variants = false

    @Option(parsing: .unconditional, help: "Comma-separated frame sizes in bytes (default: 100,1200,65536).")
    var sizes: String?

    @Option(help: "Operations, comma-separated: seal, open (default: both).")
    var operations: String?

    @Option(parsing: .unconditional, help: "Seconds measured per backend and layer (default: 0.5; excludes --count).")
    var seconds: String?

    @Option(parsing: .unconditional, help: "Exactly N frames per backend and layer (excludes --seconds).")
    var count: String?

    @Option(parsing: .unconditional, help: "Warm-up seconds per group, 0 for none (default: 0.1).")
    var warmup: String?

    @Option(name: .customLong("receiver-keys"), parsing: .unconditional, help: "Keys the SFrame receiver holds (default: 1200).")
    var receiverKeys: String?

    @Flag(name: .customLong("no-harness"), help: "Skip the meeting run that measures the harness layer.")
    var noHarness = false

    @Option(parsing: .unconditional, help: "Seed for keys and payload (default: 1).")
    var seed: String?

    @OptionGroup var results: ResultsOutputOptions

    func run() throws {
        let configuration = try makeConfiguration()
        let backendNames: [String]
        do {
            backendNames = try configuration.resolvedBackends().map(\.name)
        } catch {
            throw failure("\(error)")
        }
        let destination = try results.prepare(suite: "overhead")
        let environment = RunEnvironment.current()
        let createdAt = ISO8601DateFormatter().string(from: Date())
        let records: [MeasurementRecord]
        do {
            records = try OverheadSuite.run(configuration) { line in
                FileHandle.standardError.write(Data("overhead: \(line)\n".utf8))
            }
        } catch {
            throw failure("measurement failed: \(error)", code: CLIExit.failed)
        }
        let document = ResultsDocument(
            createdAt: createdAt, environment: environment,
            configuration: configuration.runConfiguration(backendNames: backendNames), measurements: records)
        let text = ([OverheadReport.table(records)] + OverheadReport.notes(records)).joined(separator: "\n")
        try results.deliver(document, text: text, to: destination)
    }

    /// The suite configuration from the options; any bad value is a usage error (exit 2).
    private func makeConfiguration() throws -> OverheadSuiteConfiguration {
        var c = OverheadSuiteConfiguration()
        c.backends = backends
        c.includeVariants = variants
        c.measureHarness = !noHarness
        if let sizes {
            c.frameSizes = try sizes.split(separator: ",", omittingEmptySubsequences: false).map { part in
                guard let size = Int(part.trimmingCharacters(in: .whitespaces)), size >= 0 else {
                    throw failure("--sizes: '\(part)' is not a frame size in bytes (expected e.g. 100,1200,65536)")
                }
                return size
            }
        }
        if let operations {
            c.operations = []
            for part in operations.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let operation = FrameOperation(rawValue: part) else { throw failure("--operations: '\(part)' is not seal or open") }
                if !c.operations.contains(operation) { c.operations.append(operation) }
            }
        }
        if count != nil && seconds != nil { throw failure("--count and --seconds conflict: give one of them") }
        if let seconds { c.length = .seconds(try number(seconds, "--seconds")) }
        if let count { c.length = .count(try integer(count, "--count")) }
        if let warmup { c.warmupSeconds = try number(warmup, "--warmup") }
        if let receiverKeys { c.receiverKeys = try integer(receiverKeys, "--receiver-keys") }
        if let seed {
            guard let value = UInt64(seed) else { throw failure("--seed: '\(seed)' is not a non-negative whole number") }
            c.seed = value
        }
        return c
    }
}
