package import FrameCrypto

/// What the meeting suite measures: every backend × participant count × mode, each case
/// a simulated meeting of ``seconds`` of media.
package struct MeetingSuiteConfiguration: Sendable, Equatable {
    /// Backends by name; empty means every backend available here.
    package var backends: [String] = []
    /// Participant counts, one case each: 2 to Zoom's E2EE cap of 200.
    package var participants: [Int] = [2, 5, 10, 25, 50, 100, 150, 200]
    /// Modes, one case each per participant count.
    package var modes: [MeetingMode] = [.meeting]
    /// Release frames on their media schedule and report latency, instead of running as
    /// fast as possible.
    package var paced = false
    /// Seconds of media measured per case (warm-up excluded): 3 keeps a 200-participant
    /// case to a few seconds.
    package var seconds: Double = 3
    /// Seconds of media run before measuring (the first ticks of the schedule): 0.5.
    package var warmupSeconds: Double = 0.5
    /// Worker threads in `meeting` mode (participants are partitioned over them).
    package var threads = 1
    /// Further thread counts for `meeting` mode, run in the same cases, interleaved slice by
    /// slice with the others (so a speed-up compares slices run side by side); each gives
    /// its own records. Client mode ignores them.
    package var alsoThreads: [Int] = []
    /// Unpaced meeting mode: ticks processed together, each phase seat by seat: 10
    /// (100 ms of media). One process simulating N clients would otherwise touch every
    /// receiver's keys once per tick, each time from a cold cache, which no real client
    /// (with its own device) pays; in a block a receiver opens ~100 ms of its frames in a
    /// row, keys in cache. 1 gives the strict tick-by-tick order (always used paced).
    package var blockTicks = 10
    /// What one seal covers, one case each per granularity: whole frames (RFC 9605), or
    /// packets of at most ``packetBudget`` bytes each sealed on its own (Zoom's per-packet
    /// E2EE). Several run in the same case, interleaved slice by slice like the backends.
    package var granularities: [Granularity] = [.frame]
    /// The protected packet size in packet granularity (SFrame header and tag included).
    package var packetBudget = PacketBudget()
    /// The bytes a case's keyed state may fill (``MeetingMemoryPlan``): 70 % of the memory
    /// available when the configuration is made; `nil` for no limit.
    package var memoryBudget: Int? = MeetingMemoryPlan.budget()
    /// The SFrame cipher suite of every participant's keys: 5, `AES_256_GCM_SHA512_128`, by
    /// default. Backends that do not implement it are left out (``backendsLackingSuite()``
    /// names them, and the CLI says so).
    package var cipherSuite: SFrameCipherSuite = .default
    /// Seed of the workloads, the speaker sequence and the stream phases.
    package var seed: UInt64 = 1
    /// A trace every participant replays instead of the generated workloads.
    package var trace: Workload? = nil
    /// Where ``trace`` came from, for the results document.
    package var tracePath: String? = nil
    /// Allow more than ``MeetingLimits/e2eeCap`` participants.
    package var beyondE2EECap = false
    /// The meeting's behaviour.
    package var model = MeetingModel()
    /// Slices each case's measured ticks are cut into; backends take turns slice by slice,
    /// and each slice gives one sample: 10.
    package var repetitions = 10
    /// Busy work added to every sealed and opened frame (``SyntheticOverhead``), for
    /// testing a regression gate; 0 adds nothing.
    package var syntheticOverheadNanoseconds = 0
    /// Heap allocations added to every sealed and opened frame (``SyntheticOverhead``): the
    /// known allocation that proves the allocation gate can see one; 0 adds none.
    package var syntheticAllocations = 0
    /// Also run the schedule with the crypto calls replaced by no-ops, to measure what the
    /// harness itself costs (``MeasurementRecord`` `extra.harnessShare`).
    package var measureHarness = true

    /// The defaults.
    package init() {}

    /// Checks every value and resolves the backends.
    ///
    /// - Throws: ``SuiteError/invalidConfiguration(_:)`` with the reason, or
    ///   ``SuiteError/crypto(_:)`` for an unknown or unavailable backend.
    package func resolvedBackends() throws(SuiteError) -> [AEADBackend] {
        func invalid(_ reason: String) -> SuiteError { .invalidConfiguration(reason) }
        guard !participants.isEmpty else { throw invalid("no participant counts given") }
        for n in participants where n < 1 {
            throw invalid("a meeting needs at least 1 participant, not \(n)")
        }
        guard Set(participants).count == participants.count else { throw invalid("a participant count is listed twice") }
        if let n = participants.first(where: { $0 > MeetingLimits.e2eeCap }), !beyondE2EECap {
            throw invalid(
                "\(n) participants is beyond Zoom's cap of \(MeetingLimits.e2eeCap) for end-to-end encrypted meetings; "
                    + "pass --beyond-e2ee-cap to measure it anyway")
        }
        if let n = participants.first(where: { $0 > MeetingLimits.maxParticipants }) {
            throw invalid("\(n) participants is more than this harness supports (\(MeetingLimits.maxParticipants))")
        }
        guard !modes.isEmpty else { throw invalid("no modes given") }
        guard Set(modes).count == modes.count else { throw invalid("a mode is listed twice") }
        guard seconds > 0, seconds <= 3600 else {
            throw invalid("seconds of media per case must be more than 0 and at most 3600, not \(seconds)")
        }
        guard warmupSeconds >= 0, warmupSeconds <= 60 else { throw invalid("warm-up must be 0–60 s of media") }
        for t in threadCounts where !(1...64).contains(t) { throw invalid("threads must be 1 to 64, not \(t)") }
        guard Set(threadCounts).count == threadCounts.count else { throw invalid("a thread count is listed twice") }
        if threads > 1, modes.contains(.client) {
            throw invalid("--threads spreads the whole meeting's work; client mode is one participant's work on one thread")
        }
        guard !granularities.isEmpty else { throw invalid("no granularity given") }
        guard Set(granularities).count == granularities.count else { throw invalid("a granularity is listed twice") }
        guard (PacketBudget.minimumMTU...PacketBudget.maximumMTU).contains(packetBudget.mtu) else {
            throw invalid(
                "the MTU must be \(PacketBudget.minimumMTU) to \(PacketBudget.maximumMTU) bytes (SFrame header and tag "
                    + "included), not \(packetBudget.mtu)")
        }
        guard (1...1000).contains(repetitions) else { throw invalid("repetitions must be 1 to 1000") }
        guard (1...100).contains(blockTicks) else { throw invalid("block ticks must be 1 to 100, not \(blockTicks)") }
        guard (0...1_000_000).contains(syntheticOverheadNanoseconds) else {
            throw invalid("synthetic overhead must be 0 to 1000000 ns")
        }
        guard (0...1000).contains(syntheticAllocations) else { throw invalid("synthetic allocations must be 0 to 1000 per frame") }
        try validateModel()
        let all = try ConfigurationChecks.backends(backends, crypto: { .crypto($0) }, invalid: invalid)
        let implementing = all.filter { $0.algorithms.contains(cipherSuite.aead) }
        guard !implementing.isEmpty else {
            throw invalid(
                "no selected backend implements SFrame suite \(cipherSuite.rawValue) (\(cipherSuite.ianaName)); "
                    + "`framebench backends` lists which do")
        }
        return implementing
    }

    /// The selected backends that do not implement ``cipherSuite`` and so are not measured.
    package func backendsLackingSuite() throws(SuiteError) -> [String] {
        let all = try ConfigurationChecks.backends(
            backends, crypto: { SuiteError.crypto($0) }, invalid: { SuiteError.invalidConfiguration($0) })
        return all.filter { !$0.algorithms.contains(cipherSuite.aead) }.map { $0.info.name }
    }

    /// Every thread count of a meeting-mode case: ``threads``, then ``alsoThreads``.
    var threadCounts: [Int] { [threads] + alsoThreads }

    /// Measured ticks per case.
    var measuredTicks: Int { max(1, Int((seconds * 1000 / Double(model.tickMilliseconds)).rounded())) }
    /// Warm-up ticks per case.
    var warmupTicks: Int { Int((warmupSeconds * 1000 / Double(model.tickMilliseconds)).rounded()) }

    private func validateModel() throws(SuiteError) {
        func invalid(_ reason: String) -> SuiteError { .invalidConfiguration(reason) }
        let m = model
        guard m.unmuted >= 0 else { throw invalid("unmuted participants must not be negative") }
        if let k = m.loudest, k < 1 { throw invalid("--loudest must be at least 1") }
        guard m.galleryTiles >= 0 else { throw invalid("gallery tiles must not be negative") }
        guard m.sharers >= 0 else { throw invalid("sharers must not be negative") }
        guard (0...100).contains(m.churnEvents) else { throw invalid("churn events must be 0 to 100") }
        guard m.gracePeriodMilliseconds >= 0 else { throw invalid("the grace period must not be negative") }
        guard (1...20).contains(m.tickMilliseconds) else { throw invalid("the tick must be 1 to 20 ms") }
        guard m.deadlineMilliseconds > 0 else { throw invalid("the deadline must be more than 0 ms") }
        guard m.meanSpeakerTurnSeconds > 0, m.minimumSpeakerTurnSeconds >= 0 else {
            throw invalid("speaker turns must be positive")
        }
        let layers = trace.map { $0.layerNames[.video]?.count ?? 0 } ?? m.video.layers.count
        if layers > 0 {
            guard (0..<layers).contains(m.galleryLayer) else {
                throw invalid("gallery layer \(m.galleryLayer) does not exist (\(layers) layers)")
            }
            if let s = m.speakerLayer, !(0..<layers).contains(s) {
                throw invalid("speaker layer \(s) does not exist (\(layers) layers)")
            }
        }
        guard layers <= 12 else { throw invalid("at most 12 video layers are supported, not \(layers)") }
        if let trace, trace.frames.isEmpty { throw invalid("the trace holds no frames") }
    }

    /// This configuration as recorded in a results document.
    package func runConfiguration(backendNames: [String]) -> RunConfiguration {
        var run = RunConfiguration(suite: SuiteName.meeting.rawValue, seed: seed, backends: backendNames, runMode: "time", warmupSeconds: 0)
        run.secondsPerCase = seconds
        run.repetitions = repetitions
        run.extra = extraDescription
        return run
    }

    /// The meeting options as text, for ``RunConfiguration/extra``.
    package var extraDescription: [String: String] {
        let m = model
        var extra: [String: String] = [
            "participants": participants.map(String.init).joined(separator: ","),
            "modes": modes.map(\.rawValue).joined(separator: ","),
            "paced": String(paced), "threads": threadCounts.map(String.init).joined(separator: ","),
            "blockTicks": String(paced ? 1 : blockTicks),
            "warmupMediaSeconds": String(warmupSeconds),
            "unmuted": String(m.unmuted), "loudest": m.loudest.map(String.init) ?? "all",
            "galleryTiles": String(m.galleryTiles), "galleryLayer": String(m.galleryLayer),
            "speakerLayer": m.speakerLayer.map(String.init) ?? "highest", "sharers": String(m.sharers),
            "meanSpeakerTurnSeconds": String(m.meanSpeakerTurnSeconds),
            "churnEvents": String(m.churnEvents), "gracePeriodMilliseconds": String(m.gracePeriodMilliseconds),
            "tickMilliseconds": String(m.tickMilliseconds), "deadlineMilliseconds": String(m.deadlineMilliseconds),
            "beyondE2EECap": String(beyondE2EECap),
            "granularities": granularities.map(\.rawValue).joined(separator: ","),
        ]
        if granularities.contains(.packet) { extra["mtu"] = String(packetBudget.mtu) }
        if cipherSuite != .default { extra["cipherSuite"] = String(cipherSuite.rawValue) }
        if let tracePath { extra["trace"] = tracePath }
        if syntheticOverheadNanoseconds > 0 { extra["syntheticOverheadNanoseconds"] = String(syntheticOverheadNanoseconds) }
        if syntheticAllocations > 0 { extra["syntheticAllocations"] = String(syntheticAllocations) }
        return extra
    }
}
