import ArgumentParser
import Foundation
import FrameBench

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

    @Option(help: "Comma-separated participant counts (default: 2,5,10,25,50,100,150,200).")
    var participants: CommaSeparated<Int>?

    @Option(help: "client, meeting, or both comma-separated (default: meeting).")
    var mode: CommaSeparated<MeetingMode>?

    @Option(
        help: """
            frame (one seal per media frame, RFC 9605), packet (one seal per packet, as Zoom \
            does), or both comma-separated, interleaved in each case (default: frame).
            """)
    var granularity: CommaSeparated<Granularity>?

    @Option(help: "Packet granularity: bytes per protected packet, SFrame header and tag included (default: 1200).")
    var mtu: Int?

    @Option(
        help: """
            The SFrame cipher suite of every participant's keys: 1-8 or its IANA name (default: 5, \
            AES_256_GCM_SHA512_128). Backends that lack it are named and left out.
            """)
    var suite: SuiteSelection?

    @Flag(help: "Release frames on their media schedule; report latency and missed deadlines.")
    var paced = false

    @Option(help: "Seconds of media measured per case (default: 3).")
    var seconds: Double?

    @Option(help: "Worker threads for meeting mode; a list (1,2) runs each, interleaved (default: 1).")
    var threads: ThreadCounts?

    @Option(
        name: .customLong("block-ticks"),
        help: "Unpaced meeting mode: ticks processed per block, receiver by receiver (default: 10; 1 = tick by tick).")
    var blockTicks: Int?

    @Option(help: "Seed of the workloads, speakers and phases (default: 1).")
    var seed: UInt64?

    @Option(help: "A CSV trace (docs/trace-format.md) every participant replays instead of the generated media.")
    var trace: String?

    @Flag(name: .customLong("beyond-e2ee-cap"), help: "Allow more than 200 participants, Zoom's cap for E2EE meetings.")
    var beyondCap = false

    @Option(help: "Unmuted participants (default: 5).")
    var unmuted: Int?

    @Option(help: "Forward only the K loudest unmuted senders' audio (default: all).")
    var loudest: Int?

    @Option(help: "Gallery tiles per receiver on the lowest layer (default: 25).")
    var gallery: Int?

    @Option(help: "Participants sharing a screen (default: 1).")
    var sharers: Int?

    @Option(help: "Joins and leaves during the measured span (default: 2).")
    var churn: Int?

    @Option(name: .customLong("deadline-ms"), help: "Paced: the per-frame deadline in ms (default: 20).")
    var deadline: Double?

    @Option(name: .customLong("grace-ms"), help: "Previous-epoch key grace period in ms of media (default: 10000).")
    var grace: Int?

    @Option(help: "Seconds of media run before measuring (default: 0.5).")
    var warmup: Double?

    @Option(help: "Slices per case, the samples (default: 10).")
    var repetitions: Int?

    @Option(
        name: .customLong("synthetic-overhead-ns"),
        help: "Add about N ns of busy work to every sealed and opened frame (gate tests only).")
    var syntheticOverhead = 0

    @Option(
        name: .customLong("synthetic-allocations"),
        help: ArgumentHelp(
            "Allocate and free N heap blocks in every sealed and opened frame (allocation-gate self-test only).", visibility: .hidden))
    var syntheticAllocations = 0

    @Flag(name: .customLong("no-harness"), help: "Skip the no-crypto run that measures the harness share.")
    var noHarness = false

    @Option(
        name: .customLong("key-counts"),
        help: "Also run the key-count study: SFrame open with this many live receive keys, comma-separated (e.g. 1,2,10,50,100,200,400).")
    var keyCounts: CommaSeparated<Int>?

    @Option(name: .customLong("key-sizes"), help: "Frame sizes of the key-count study (default: 100,1200).")
    var keySizes: CommaSeparated<Int>?

    @OptionGroup var results: ResultsOutputOptions

    func validate() throws {
        try OptionRules.requires(keySizes, "--key-sizes", keyCounts != nil, "the key-count study; add --key-counts")
        try OptionRules.requires(deadline, "--deadline-ms", paced, "paced runs; add --paced")
        try OptionRules.requires(
            mtu, "--mtu", granularity?.values.contains(.packet) == true, "packet granularity; add --granularity packet")
        if let suite, suite.suites.count != 1 {
            throw ValidationError("--suite takes one suite for a meeting (every participant uses the same), not \(suite)")
        }
        let configuration = try makeConfiguration()
        try OptionRules.checking {
            _ = try configuration.resolvedBackends()
            _ = try makeKeyCountConfiguration(configuration)?.resolvedBackends()
        }
    }

    func run() throws {
        let configuration = try makeConfiguration()
        let study = makeKeyCountConfiguration(configuration)
        let backendNames = try OptionRules.checking { try configuration.resolvedBackends().map { $0.info.name } }
        let lacking = try OptionRules.checking { try configuration.backendsLackingSuite() }
        let measured = try MeasuredRun.begin(suite: "meeting", results: results)
        for name in lacking {
            standardError(
                "meeting: \(name): n/a, does not implement SFrame suite \(configuration.cipherSuite.rawValue) "
                    + "(\(configuration.cipherSuite.ianaName))")
        }
        let bar = ProgressBar()
        defer { bar.finish() }
        var records = try measured.measure {
            try MeetingSuite.run(configuration, stop: measured.stop) { step in
                if let line = step.finished { bar.log("meeting: \(line)") }
                bar.update(step.fraction, step.status)
            }
        }
        if let study, !measured.stop.isRequested {
            records += try measured.measure {
                try KeyCountStudy.run(study) { line in
                    if line.hasSuffix(" ns") { bar.log("meeting: \(line)") }
                    bar.update(1, line)
                }
            }
        }
        bar.finish()
        var document = measured.document(
            configuration: configuration.runConfiguration(backendNames: backendNames), records: records)
        if let study { document.configuration.extra?.merge(study.extraDescription) { current, _ in current } }
        let text = MeetingReport.table(records) + (study == nil ? "" : "\n" + KeyCountStudy.table(records))
        try measured.deliver(document, summary: text)
        try measured.exitIfStopped()
    }

    /// The key-count study's configuration when `--key-counts` was given.
    private func makeKeyCountConfiguration(_ meeting: MeetingSuiteConfiguration) -> KeyCountConfiguration? {
        guard let keyCounts else { return nil }
        var c = KeyCountConfiguration()
        c.backends = meeting.backends
        c.seed = meeting.seed
        c.keyCounts = keyCounts.values
        if let keySizes { c.frameSizes = keySizes.values }
        return c
    }

    /// The suite configuration the options describe; a trace that cannot be read is a usage
    /// error (exit 2).
    private func makeConfiguration() throws -> MeetingSuiteConfiguration {
        var c = MeetingSuiteConfiguration()
        c.backends = backends
        c.paced = paced
        c.beyondE2EECap = beyondCap
        c.measureHarness = !noHarness
        if let participants { c.participants = participants.values }
        if let mode { c.modes = mode.values }
        if let granularity { c.granularities = granularity.values }
        if let mtu { c.packetBudget = PacketBudget(mtu: mtu) }
        if let suite, let only = suite.suites.first { c.cipherSuite = only }
        if let seconds { c.seconds = seconds }
        if let warmup { c.warmupSeconds = warmup }
        if let threads {
            c.threads = threads.counts[0]
            c.alsoThreads = Array(threads.counts.dropFirst())
        }
        if let repetitions { c.repetitions = repetitions }
        if let blockTicks { c.blockTicks = blockTicks }
        c.syntheticAllocations = syntheticAllocations
        c.syntheticOverheadNanoseconds = syntheticOverhead
        if let seed { c.seed = seed }
        if let unmuted { c.model.unmuted = unmuted }
        if let loudest { c.model.loudest = loudest }
        if let gallery { c.model.galleryTiles = gallery }
        if let sharers { c.model.sharers = sharers }
        if let churn { c.model.churnEvents = churn }
        if let grace { c.model.gracePeriodMilliseconds = grace }
        if let deadline { c.model.deadlineMilliseconds = deadline }
        if let trace {
            c.trace = try OptionRules.checking { () throws -> Workload in
                do {
                    return try TraceReader.read(path: trace)
                } catch {
                    throw ValidationError("--trace: \(error)")
                }
            }
            c.tracePath = trace
        }
        return c
    }
}
