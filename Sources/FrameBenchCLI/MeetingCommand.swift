import ArgumentParser
import FrameBench
import Foundation

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Measure a whole meeting's (or one client's) SFrame work for N participants, with real rekeys.",
        discussion: """
            Each case simulates a meeting of N participants for --seconds of media: every \
            participant sends audio (if unmuted), three simulcast video layers and, for the \
            sharer, a screen share; an SFU forwards each receiver the unmuted senders' audio, 25 \
            gallery tiles on the lowest layer and the active speaker on the highest; a participant \
            leaves and one joins, each time with a real rekey. --mode meeting measures every \
            participant's seals and opens, --mode client one participant's. Unpaced cases run as \
            fast as possible and report the real-time factor (seconds of media per wall second); \
            --paced releases frames on their schedule and reports latency and missed deadlines. \
            Backends take turns slice by slice. See docs/meeting.md. Results go to \
            results/meeting-<UTC time>.json and .csv (or --output); exits 2 on bad input, before measuring.
            """)

    @Option(name: .customLong("backend"), help: "A backend to measure (repeatable; default: all available).")
    var backends: [String] = []

    @Option(parsing: .unconditional, help: "Comma-separated participant counts (default: 2,5,10,25,50,100,150,200).")
    var participants: String?

    @Option(parsing: .unconditional, help: "client, meeting, or both comma-separated (default: meeting).")
    var mode: String?

    @Flag(help: "Release frames on their media schedule; report latency and missed deadlines.")
    var paced = false

    @Option(parsing: .unconditional, help: "Seconds of media measured per case (default: 3).")
    var seconds: String?

    @Option(parsing: .unconditional, help: "Worker threads for meeting mode; a list (1,2) runs each, interleaved (default: 1).")
    var threads: String?

    @Option(name: .customLong("block-ticks"), parsing: .unconditional,
            help: "Unpaced meeting mode: ticks processed per block, receiver by receiver (default: 10; 1 = tick by tick).")
    var blockTicks: String?

    @Option(parsing: .unconditional, help: "Seed of the workloads, speakers and phases (default: 1).")
    var seed: String?

    @Option(help: "A CSV trace (docs/trace-format.md) every participant replays instead of the generated media.")
    var trace: String?

    @Flag(name: .customLong("beyond-e2ee-cap"), help: "Allow more than 200 participants, Zoom's cap for E2EE meetings.")
    var beyondCap = false

    @Option(parsing: .unconditional, help: "Unmuted participants (default: 5).")
    var unmuted: String?

    @Option(parsing: .unconditional, help: "Forward only the K loudest unmuted senders' audio (default: all).")
    var loudest: String?

    @Option(parsing: .unconditional, help: "Gallery tiles per receiver on the lowest layer (default: 25).")
    var gallery: String?

    @Option(parsing: .unconditional, help: "Participants sharing a screen (default: 1).")
    var sharers: String?

    @Option(parsing: .unconditional, help: "Joins and leaves during the measured span (default: 2).")
    var churn: String?

    @Option(name: .customLong("deadline-ms"), parsing: .unconditional, help: "Paced: the per-frame deadline in ms (default: 20).")
    var deadline: String?

    @Option(name: .customLong("grace-ms"), parsing: .unconditional, help: "Previous-epoch key grace period in ms of media (default: 10000).")
    var grace: String?

    @Option(parsing: .unconditional, help: "Seconds of media run before measuring (default: 0.5).")
    var warmup: String?

    @Option(parsing: .unconditional, help: "Slices per case, the samples (default: 10).")
    var repetitions: String?

    @Option(name: .customLong("synthetic-overhead-ns"), parsing: .unconditional,
            help: "Add about N ns of busy work to every sealed and opened frame (gate tests only).")
    var syntheticOverhead: String?

    @Option(
        name: .customLong("synthetic-allocations"),
        help: ArgumentHelp("Allocate and free N heap blocks in every sealed and opened frame (allocation-gate self-test only).", visibility: .hidden))
    var syntheticAllocations = 0

    @Flag(name: .customLong("no-harness"), help: "Skip the no-crypto run that measures the harness share.")
    var noHarness = false

    @Option(name: .customLong("key-counts"), parsing: .unconditional,
            help: "Also run the key-count study: SFrame open with this many live receive keys, comma-separated (e.g. 1,2,10,50,100,200,400).")
    var keyCounts: String?

    @Option(name: .customLong("key-sizes"), parsing: .unconditional, help: "Frame sizes of the key-count study (default: 100,1200).")
    var keySizes: String?

    @OptionGroup var results: ResultsOutputOptions

    func run() throws {
        let configuration = try makeConfiguration()
        let study = try makeKeyCountConfiguration(configuration)
        let backendNames: [String]
        do {
            backendNames = try configuration.resolvedBackends().map { $0.info.name }
            _ = try study?.resolvedBackends()
        } catch {
            throw failure("\(error)")
        }
        let destination = try results.prepare(suite: "meeting")
        let stop = SignalStop.install()
        let environment = RunEnvironment.current()
        let createdAt = ISO8601DateFormatter().string(from: Date())
        let bar = ProgressBar()
        var records: [MeasurementRecord]
        do {
            records = try MeetingSuite.run(configuration, stop: stop) { step in
                if let line = step.finished { bar.log("meeting: \(line)") }
                bar.update(step.fraction, step.status)
            }
            if let study, !stop.isRequested {
                records += try KeyCountStudy.run(study) { line in
                    if line.hasSuffix(" ns") { bar.log("meeting: \(line)") }
                    bar.update(1, line)
                }
            }
        } catch {
            bar.finish()
            throw failure("measurement failed: \(error)", code: CLIExit.failed)
        }
        bar.finish()
        var document = ResultsDocument(
            createdAt: createdAt, environment: environment,
            configuration: configuration.runConfiguration(backendNames: backendNames), measurements: records)
        if let study { document.configuration.extra?.merge(study.extraDescription) { current, _ in current } }
        document.peakRSSBytes = PeakMemory.residentBytes()
        if stop.skippedWork, let interrupted = stop.signalName {
            document.markIncomplete(interruptedBy: interrupted)
            FileHandle.standardError.write(Data("INCOMPLETE: stopped by \(interrupted); only the cases finished before are recorded\n".utf8))
        }
        let text = MeetingReport.table(records) + (study == nil ? "" : "\n" + KeyCountStudy.table(records))
        try results.deliver(document, text: text, to: destination)
        if let status = stop.exitStatus { throw ExitCode(status) }
    }

    /// The key-count study's configuration when `--key-counts` was given; bad values are
    /// usage errors (exit 2).
    private func makeKeyCountConfiguration(_ meeting: MeetingSuiteConfiguration) throws -> KeyCountConfiguration? {
        guard let keyCounts else {
            if keySizes != nil { throw failure("--key-sizes applies to the key-count study; add --key-counts") }
            return nil
        }
        var c = KeyCountConfiguration()
        c.backends = meeting.backends
        c.seed = meeting.seed
        c.keyCounts = try integers(keyCounts, "--key-counts", "key count")
        if let keySizes { c.frameSizes = try integers(keySizes, "--key-sizes", "frame size") }
        return c
    }

    /// The suite configuration from the options; any bad value is a usage error (exit 2).
    private func makeConfiguration() throws -> MeetingSuiteConfiguration {
        var c = MeetingSuiteConfiguration()
        c.backends = backends
        c.paced = paced
        c.beyondE2EECap = beyondCap
        c.measureHarness = !noHarness
        if let participants { c.participants = try integers(participants, "--participants", "participant count") }
        if let mode {
            c.modes = []
            for part in mode.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let parsed = MeetingMode(rawValue: part) else { throw failure("--mode: '\(part)' is not client or meeting") }
                c.modes.append(parsed)
            }
        }
        if let seconds { c.seconds = try number(seconds, "--seconds") }
        if let warmup { c.warmupSeconds = try number(warmup, "--warmup") }
        if let threads {
            let counts = try integers(threads, "--threads", "thread count")
            c.threads = counts[0]
            c.alsoThreads = Array(counts.dropFirst())
        }
        if let repetitions { c.repetitions = try integer(repetitions, "--repetitions") }
        if let blockTicks { c.blockTicks = try integer(blockTicks, "--block-ticks") }
        c.syntheticAllocations = syntheticAllocations
        if let syntheticOverhead { c.syntheticOverheadNanoseconds = try integer(syntheticOverhead, "--synthetic-overhead-ns") }
        if let seed {
            guard let value = UInt64(seed) else { throw failure("--seed: '\(seed)' is not a non-negative whole number") }
            c.seed = value
        }
        if let unmuted { c.model.unmuted = try integer(unmuted, "--unmuted") }
        if let loudest { c.model.loudest = try integer(loudest, "--loudest") }
        if let gallery { c.model.galleryTiles = try integer(gallery, "--gallery") }
        if let sharers { c.model.sharers = try integer(sharers, "--sharers") }
        if let churn { c.model.churnEvents = try integer(churn, "--churn") }
        if let grace { c.model.gracePeriodMilliseconds = try integer(grace, "--grace-ms") }
        if let deadline {
            guard paced else { throw failure("--deadline-ms applies to paced runs; add --paced") }
            c.model.deadlineMilliseconds = try number(deadline, "--deadline-ms")
        }
        if let trace {
            do {
                c.trace = try TraceReader.read(path: trace)
            } catch {
                throw failure("--trace: \(error)")
            }
            c.tracePath = trace
        }
        return c
    }
}

/// `text` as a whole number, or a usage error naming `option`.
func integer(_ text: String, _ option: String) throws -> Int {
    guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
        throw failure("\(option): '\(text)' is not a whole number")
    }
    return value
}

/// `text` as a number, or a usage error naming `option`.
func number(_ text: String, _ option: String) throws -> Double {
    guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
        throw failure("\(option): '\(text)' is not a number")
    }
    return value
}

/// Comma-separated whole numbers, or a usage error naming `option` and what one is.
func integers(_ text: String, _ option: String, _ what: String) throws -> [Int] {
    try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
        guard let value = Int(part.trimmingCharacters(in: .whitespaces)) else {
            throw failure("\(option): '\(part)' is not a \(what) (expected e.g. 2,10,200)")
        }
        return value
    }
}
