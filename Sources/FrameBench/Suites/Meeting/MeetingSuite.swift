import Foundation
import FrameCrypto
import FrameVectors

/// Where the meeting suite is, for a progress display.
package struct MeetingProgress: Sendable {
    /// The share of the suite's work done, 0…1 (cases weighted by their expected cost).
    package var fraction: Double
    /// What is running, such as `N=200 meeting: keying openssl`.
    package var status: String
    /// A finished case's one-line result, when one just finished.
    package var finished: String?
}

/// The meeting suite: a simulated meeting of N participants, per backend and mode, with
/// real keys, real rekeys and real SFrame seals and opens of every forwarded frame.
///
/// Per case (participant count and mode):
/// 1. the schedule is built (``MeetingScheduleBuilder``): every frame, forward and event;
/// 2. the frame slots are allocated and written once (shared by the runners, which take
///    turns); per backend, the meeting is keyed (every participant's keyring) and its logs
///    and buffers are allocated; so is a runner with the crypto calls replaced by no-ops,
///    which measures the harness alone;
/// 3. each runs the warm-up ticks, then the measured ticks in ``MeetingSuiteConfiguration/repetitions``
///    slices, the runners taking turns slice by slice (the first one rotating), so drift
///    falls on all of them alike.
/// Nothing between a slice's first and last tick allocates or locks (`docs/meeting.md`).
package enum MeetingSuite {
    /// Runs every case and returns one record per case and backend. When `stop` is
    /// requested, abandons the unfinished case after its current slice and returns the
    /// records of the cases finished so far.
    package static func run(
        _ configuration: MeetingSuiteConfiguration, stop: StopRequest? = nil,
        progress: (MeetingProgress) -> Void = { _ in }
    ) throws(SuiteError) -> [MeasurementRecord] {
        let backends = try configuration.resolvedBackends()
        let cases = configuration.participants.flatMap { n in configuration.modes.map { (n, $0) } }
        let weights = cases.map { n, mode in Double(mode == .meeting ? n + 5 : 5 + n / 20) }
        let total = weights.reduce(0, +)
        var done = 0.0
        var records: [MeasurementRecord] = []
        for (index, (n, mode)) in cases.enumerated() {
            if let stop, stop.isRequested {
                stop.noteWorkSkipped()
                break
            }
            let label = "N=\(n) \(mode.rawValue)\(configuration.paced ? " paced" : "")"
            // Within this machine's memory: backends in groups, too large ones left out, said so.
            let runnersPerBackend = (mode == .meeting ? configuration.threadCounts.count : 1) * configuration.granularities.count
            let plan = MeetingMemoryPlan.plan(
                backends, participants: n, mode: mode, runners: runnersPerBackend, budget: configuration.memoryBudget)
            for (name, reason) in plan.skipped {
                progress(MeetingProgress(fraction: done / total, status: label, finished: "\(label): \(name): n/a, not run: \(reason)"))
            }
            var caseRecords: [MeasurementRecord] = []
            for (g, group) in plan.groups.enumerated() {
                let groupLabel = plan.groups.count > 1 ? "\(label) (group \(g + 1)/\(plan.groups.count))" : label
                let share = 1 / Double(plan.groups.count)
                let groupRecords = try runCase(participants: n, mode: mode, backends: group, configuration: configuration, stop: stop) {
                    status, part in
                    let fraction = (done + (Double(g) + part) * share * weights[index]) / total
                    progress(MeetingProgress(fraction: fraction, status: "\(groupLabel): \(status)"))
                }
                if groupRecords.isEmpty, stop?.isRequested == true { break }
                caseRecords += groupRecords
            }
            if caseRecords.isEmpty, stop?.isRequested == true { break }
            done += weights[index]
            let line = "\(label): " + caseRecords.map { summary($0) }.joined(separator: "; ")
            progress(MeetingProgress(fraction: done / total, status: label, finished: line))
            records += caseRecords
        }
        return records
    }

    /// One case: every backend (and the harness alone) interleaved by slice.
    static func runCase(
        participants n: Int, mode: MeetingMode, backends: [AEADBackend], configuration: MeetingSuiteConfiguration,
        stop: StopRequest? = nil,
        progress: (String, Double) -> Void = { _, _ in }
    ) throws(SuiteError) -> [MeasurementRecord] {
        progress("building the schedule", 0)
        let schedule = MeetingScheduleBuilder.build(participants: n, configuration: configuration)
        let plaintext = AlignedBuffer.zeroed(max(schedule.largestFrameOverall, 1))
        defer { plaintext.deallocate() }
        var random = SeededRandom(seed: configuration.seed ^ 0x504C_4149_4E)
        for i in 0..<plaintext.count { plaintext[i] = UInt8(truncatingIfNeeded: random.next()) }
        let overhead = SyntheticOverhead(nanoseconds: configuration.syntheticOverheadNanoseconds)
            .allocating(configuration.syntheticAllocations)
        let grace = Duration.milliseconds(configuration.model.gracePeriodMilliseconds)

        progress("allocating slots", 0.02)
        let packets = configuration.granularities.contains(.packet) ? configuration.packetBudget : nil
        let slots = SlotArena(
            schedule: schedule, ticksInFlight: mode == .client ? 2 : 2 * configuration.blockTicks, packets: packets)
        // Meeting mode may run at several thread counts, interleaved like the backends, so a
        // speed-up compares slices run side by side rather than runs minutes apart.
        let threadCounts = mode == .meeting ? configuration.threadCounts : [1]
        var runners: [any MeetingSliceRunner] = []
        var harnesses: [HarnessKey: any MeetingSliceRunner] = [:]
        for threads in threadCounts {
            for granularity in configuration.granularities {
                let budget = granularity == .packet ? configuration.packetBudget : nil
                for backend in backends {
                    let what = [
                        threads > 1 ? "for \(threads) threads" : nil, granularity == .packet ? "per packet" : nil,
                    ].compactMap { $0 }
                    progress((["keying \(backend.info.name)"] + what).joined(separator: " "), 0.05)
                    runners.append(
                        try makeRunner(
                            backend, schedule: schedule, mode: mode, threads: threads, packets: budget,
                            configuration: configuration, overhead: overhead, grace: grace, slots: slots,
                            plaintext: UnsafeRawPointer(plaintext.baseAddress!)))
                }
                if configuration.measureHarness {
                    harnesses[HarnessKey(threads: threads, granularity: granularity)] = MeetingCaseRunner(
                        name: "harness", granularity: granularity, schedule: schedule, mode: mode, threads: threads,
                        blockTicks: configuration.blockTicks, work: NullWork(mtu: budget?.mtu ?? 0),
                        serial: nil, slots: slots, plaintext: UnsafeRawPointer(plaintext.baseAddress!))
                }
            }
        }
        let harnessKeys = threadCounts.flatMap { t in configuration.granularities.map { HarnessKey(threads: t, granularity: $0) } }
        let all = runners + harnessKeys.compactMap { harnesses[$0] }

        if schedule.warmupTicks > 0 {
            for runner in all { _ = try runner.runSlice(0..<schedule.warmupTicks, paced: false) }
        }
        let slices = MeetingSlices.ranges(schedule.warmupTicks..<schedule.ticks, parts: configuration.repetitions)
        var results = [[SliceResult]](repeating: [], count: all.count)
        for (i, slice) in slices.enumerated() {
            // Stopped: the case is unfinished, so it has no record.
            if let stop, stop.isRequested {
                stop.noteWorkSkipped()
                return []
            }
            progress("measuring slice \(i + 1)/\(slices.count)", 0.1 + 0.9 * Double(i) / Double(slices.count))
            for k in 0..<all.count {
                let r = (k + i) % all.count
                // The harness runs unpaced: it measures cost, not latency.
                results[r].append(try all[r].runSlice(slice, paced: configuration.paced && r < runners.count))
            }
        }
        let builder = MeetingRecordBuilder(schedule: schedule, configuration: configuration, participants: n, mode: mode)
        let harnessTotals = harnesses.mapValues { builder.totals($0.logs) }
        return runners.indices.map {
            let key = HarnessKey(threads: runners[$0].logs.count, granularity: runners[$0].granularity)
            return builder.record(runners[$0], slices: results[$0], harness: harnessTotals[key])
        }
    }

    /// Opens `backend` into a generic function, so the loops run specialised for it.
    private static func makeRunner(
        _ backend: AEADBackend, schedule: MeetingSchedule, mode: MeetingMode, threads: Int, packets: PacketBudget?,
        configuration: MeetingSuiteConfiguration, overhead: SyntheticOverhead, grace: Duration, slots: SlotArena,
        plaintext: UnsafeRawPointer
    ) throws(SuiteError) -> any MeetingSliceRunner {
        func make<Context: AEADContext & ~Copyable>(_: Context.Type) throws(SuiteError) -> any MeetingSliceRunner {
            let keys = try MeetingKeyState<Context>(
                schedule: schedule, mode: mode, gracePeriod: grace, rekeyThreads: threads,
                setupThreads: ProcessInfo.processInfo.activeProcessorCount, suite: configuration.cipherSuite)
            return MeetingCaseRunner(
                name: Context.info.name, granularity: packets == nil ? .frame : .packet, schedule: schedule, mode: mode,
                threads: threads, blockTicks: configuration.blockTicks, work: keys.work(overhead: overhead, packets: packets),
                serial: keys, slots: slots, plaintext: plaintext)
        }
        return try make(backend)
    }

    /// The harness runner that goes with a thread count and granularity.
    private struct HarnessKey: Hashable {
        var threads: Int
        var granularity: Granularity
    }

    /// `openssl 4.1×` (and the harness share), for progress lines.
    static func summary(_ record: MeasurementRecord) -> String {
        let packets = record.granularity == Granularity.packet.rawValue ? " per packet" : ""
        var text = "\(record.backend)\(packets) \(NumberFormat.factor(record.realtimeFactor ?? 0))"
        if let share = record.extra?[.harnessShare] { text += " (harness \(NumberFormat.percent(share)))" }
        if record.paced == true, let p99 = record.extra?[.latencyP99Ms] { text += " p99 \(NumberFormat.fixed(p99, 2)) ms" }
        return text
    }
}
