/// Turns a case's logs into a ``MeasurementRecord``: totals, percentiles over phase
/// batches, per-slice samples, the harness share, the rekey costs and, paced, latency.
struct MeetingRecordBuilder {
    let schedule: MeetingSchedule
    let configuration: MeetingSuiteConfiguration
    let participants: Int
    let mode: MeetingMode

    /// What a runner's logs add up to over the measured ticks.
    struct Totals {
        var seals = 0, opens = 0
        /// Plaintext bytes sealed and opened.
        var bytes = 0
        var busy: [UInt64] = []
        var batchMeans: [Double] = []
        var sealMeans: [Double] = []
        var openMeans: [Double] = []
        var warmupFrames = 0
        var oldEpochOpens = 0
        /// SFrame seals and opens (packets in packet granularity).
        var packetsSealed = 0, packetsOpened = 0
        /// Bytes SFrame added to sealed frames, by ``StreamKind`` raw value.
        var overheadBytes = [0, 0, 0]
        var keyframes = 0
        var frames: Int { seals + opens }
        var busyTotal: UInt64 { busy.reduce(0, &+) }
    }

    /// Sums `logs` over the measured ticks. A *batch* is one thread's seal phase or open
    /// phase of one tick; its mean is the phase's nanoseconds over its frames.
    func totals(_ logs: [ThreadLog]) -> Totals {
        var totals = Totals()
        let measured = schedule.warmupTicks..<schedule.ticks
        for log in logs {
            var busy: UInt64 = 0
            for t in 0..<schedule.ticks {
                let sealFrames = Int(log.sealFrames[t]), openFrames = Int(log.openFrames[t])
                guard measured.contains(t) else {
                    totals.warmupFrames += sealFrames + openFrames
                    continue
                }
                busy &+= log.sealNanoseconds[t] &+ log.openNanoseconds[t]
                totals.seals += sealFrames
                totals.opens += openFrames
                if sealFrames > 0 {
                    let mean = Double(log.sealNanoseconds[t]) / Double(sealFrames)
                    totals.batchMeans.append(mean)
                    totals.sealMeans.append(mean)
                }
                if openFrames > 0 {
                    let mean = Double(log.openNanoseconds[t]) / Double(openFrames)
                    totals.batchMeans.append(mean)
                    totals.openMeans.append(mean)
                }
                totals.packetsSealed += Int(log.sealPackets[t])
                totals.packetsOpened += Int(log.openPackets[t])
                for kind in 0..<3 { totals.overheadBytes[kind] += Int(log.overheadBytes[3 * t + kind]) }
                if schedule.view.serial[t] & ScheduleView.rekeyFlag != 0 { totals.oldEpochOpens += openFrames }
                totals.bytes += Int(log.bytes[t])
            }
            totals.busy.append(busy)
        }
        for t in measured { totals.keyframes += schedule.keyframes[t] }
        return totals
    }

    /// The record of `runner` after `slices`; `harness` is the null-work runner's totals.
    func record(_ runner: any MeetingSliceRunner, slices: [SliceResult], harness: Totals?) -> MeasurementRecord {
        let totals = totals(runner.logs)
        let wall = slices.reduce(UInt64(0)) { $0 &+ $1.wallNanoseconds }
        let mediaNanoseconds = Double(schedule.ticks - schedule.warmupTicks) * Double(schedule.tickNanoseconds)
        let busy = Double(totals.busyTotal)
        var record = MeasurementRecord(
            suite: .meeting, implementation: .swift, backend: runner.name, frames: totals.frames,
            bytes: totals.bytes, seconds: Double(wall) / 1e9,
            nsPerFrame: PercentileSummary(values: totals.batchMeans, mean: totals.frames > 0 ? busy / Double(totals.frames) : 0),
            samples: slices.map { sliceNanosecondsPerFrame(runner.logs, $0) }, samplesKind: "sliceNsPerFrame")
        record.participants = participants
        record.mode = mode.rawValue
        record.threads = runner.logs.count
        record.paced = configuration.paced
        record.granularity = runner.granularity.rawValue
        if runner.granularity == .packet { record.mtu = configuration.packetBudget.mtu }
        record.cipherSuite = Int(configuration.cipherSuite.rawValue)
        if totals.seals > 0 { record.overheadBytesPerFrame = Double(totals.overheadBytes.reduce(0, +)) / Double(totals.seals) }
        // Paced, the work cannot finish before its media is released: the factor is media over
        // max(wall, media), 1 when the machine keeps up and below 1 when it falls behind.
        func factor(media: Double, wall: UInt64) -> Double {
            let time = configuration.paced ? max(Double(wall), media) : Double(wall)
            return time > 0 ? media / time : 0
        }
        record.realtimeFactor = factor(media: mediaNanoseconds, wall: wall)
        record.realtimeFactorSamples = slices.map {
            factor(media: Double($0.ticks.count) * Double(schedule.tickNanoseconds), wall: $0.wallNanoseconds)
        }
        record.batches = totals.batchMeans.count
        record.warmupFrames = totals.warmupFrames
        // CPU time of the measured work over its busy (wall) time: below 1 when a thread was
        // descheduled mid-phase. Rekeys and client mode's untimed seals are taken out.
        let cpu = runner.logs.reduce(UInt64(0)) { $0 &+ ($1.cpuNanoseconds &- min($1.excludedCPUNanoseconds, $1.cpuNanoseconds)) }
        if busy > 0 { record.onCPUFraction = min(Double(cpu) / busy, 1) }
        var extra: [String: Double] = .init(extra: [
            .mediaSeconds: mediaNanoseconds / 1e9, .busySeconds: busy / 1e9, .cpuSeconds: Double(cpu) / 1e9,
            .realtimeFactorPerCPUSecond: busy > 0 ? mediaNanoseconds / busy : 0,
            .utilization: busy / (mediaNanoseconds * Double(runner.logs.count)),
            .seals: Double(totals.seals), .opens: Double(totals.opens), .sealedBytes: Double(sealedBytes()),
            .sealNsPerFrameP50: PercentileSummary(values: totals.sealMeans).p50,
            .openNsPerFrameP50: PercentileSummary(values: totals.openMeans).p50,
            .keyframes: Double(totals.keyframes), .oldEpochOpens: Double(totals.oldEpochOpens),
            .involuntaryContextSwitches: Double(slices.reduce(0) { $0 + $1.involuntaryContextSwitches }),
            .stealSeconds: Double(slices.reduce(UInt64(0)) { $0 &+ $1.stealNanoseconds }) / 1e9,
        ])
        if mode == .meeting, wall > 0 {
            let threads = Double(runner.logs.count)
            let mean = busy / threads
            extra[.effectiveParallelism] = busy / Double(wall)
            extra[.threadEfficiency] = busy / (threads * Double(wall))
            extra[.loadImbalance] = mean > 0 ? Double(totals.busy.max() ?? 0) / mean : 0
        }
        if mode == .client { extra[.untimedSeals] = Double(runner.logs.reduce(0) { $0 + $1.untimedSeals }) }
        if let harness, busy > 0 {
            extra[.harnessShare] = Double(harness.busyTotal) / busy
            extra[.harnessNsPerFrame] = harness.frames > 0 ? Double(harness.busyTotal) / Double(harness.frames) : 0
        }
        if configuration.syntheticOverheadNanoseconds > 0 {
            extra[.syntheticOverheadNanoseconds] = Double(configuration.syntheticOverheadNanoseconds)
        }
        extra[.packetsSealed] = Double(totals.packetsSealed)
        extra[.packetsOpened] = Double(totals.packetsOpened)
        addBitrates(overheadBytes: totals.overheadBytes, mediaSeconds: mediaNanoseconds / 1e9, to: &extra)
        if let stats = runner.rekeyStats { addRekey(stats, to: &extra) }
        if configuration.paced { addPaced(runner.logs, to: &extra) }
        record.extra = extra
        return record
    }

    /// Plaintext bytes of every frame sealed in the measured ticks by the measured party.
    private func sealedBytes() -> Int {
        let view = schedule.view
        var bytes = 0
        for t in schedule.warmupTicks..<schedule.ticks {
            let seats = mode == .client ? schedule.clientSeat..<(schedule.clientSeat + 1) : 0..<schedule.seats
            for seat in seats {
                for stream in 0..<view.streams where view.size(t, seat, stream) > 0 { bytes += view.size(t, seat, stream) }
            }
        }
        return bytes
    }

    /// Per sending participant and stream kind: the media's bitrate, what SFrame adds to
    /// it, and that as a share of the media. A kind nobody measured sent is left out.
    private func addBitrates(overheadBytes: [Int], mediaSeconds: Double, to extra: inout [String: Double]) {
        let view = schedule.view
        let seats = mode == .client ? schedule.clientSeat..<(schedule.clientSeat + 1) : 0..<schedule.seats
        var media = [0, 0, 0]
        var senders: [Set<Int>] = [[], [], []]
        for t in schedule.warmupTicks..<schedule.ticks {
            for seat in seats {
                for stream in 0..<view.streams where view.size(t, seat, stream) >= 0 {
                    let kind = stream == 0 ? 0 : (stream == view.screenStream ? 2 : 1)
                    media[kind] += view.size(t, seat, stream)
                    senders[kind].insert(seat)
                }
            }
        }
        let keys: [(media: ExtraKey, overhead: ExtraKey, percent: ExtraKey)] = [
            (.mediaKbpsAudio, .overheadKbpsAudio, .overheadPercentAudio),
            (.mediaKbpsVideo, .overheadKbpsVideo, .overheadPercentVideo),
            (.mediaKbpsScreen, .overheadKbpsScreen, .overheadPercentScreen),
        ]
        for kind in 0..<3 where !senders[kind].isEmpty && mediaSeconds > 0 {
            let perSender = 8 / 1000 / mediaSeconds / Double(senders[kind].count)
            extra[keys[kind].media] = Double(media[kind]) * perSender
            extra[keys[kind].overhead] = Double(overheadBytes[kind]) * perSender
            if media[kind] > 0 { extra[keys[kind].percent] = 100 * Double(overheadBytes[kind]) / Double(media[kind]) }
        }
    }

    private func sliceNanosecondsPerFrame(_ logs: [ThreadLog], _ slice: SliceResult) -> Double {
        var nanoseconds: UInt64 = 0, frames = 0
        for log in logs {
            for t in slice.ticks {
                nanoseconds &+= log.sealNanoseconds[t] &+ log.openNanoseconds[t]
                frames += Int(log.sealFrames[t]) + Int(log.openFrames[t])
            }
        }
        return frames > 0 ? Double(nanoseconds) / Double(frames) : 0
    }

    private func addRekey(_ stats: RekeyStats, to extra: inout [String: Double]) {
        func ms(_ values: [UInt64]) -> Double {
            values.isEmpty ? 0 : Double(values.reduce(0, &+)) / Double(values.count) / 1e6
        }
        extra[.rekeys] = Double(stats.rekeys)
        guard stats.rekeys > 0 else { return }
        extra[.rekeyLeaderMs] = ms(stats.leaderNanoseconds)
        extra[.rekeyParticipantMeanMs] = ms(stats.participantNanoseconds)
        extra[.rekeyParticipantMaxMs] = Double(stats.participantNanoseconds.max() ?? 0) / 1e6
        extra[.rekeyMeetingMs] = ms(stats.meetingNanoseconds)
        extra[.rekeyWallMs] = ms(stats.wallNanoseconds)
        if mode == .client { extra[.rekeyClientMs] = ms(stats.clientNanoseconds) }
        extra[.graceExpiries] = Double(stats.expiryNanoseconds.count)
        if !stats.expiryNanoseconds.isEmpty { extra[.graceExpiryMs] = ms(stats.expiryNanoseconds) }
    }

    private func addPaced(_ logs: [ThreadLog], to extra: inout [String: Double]) {
        let measured = schedule.warmupTicks..<schedule.ticks
        let latencies = logs.map { log in measured.map { log.latency[$0] } }
        let frames = logs.map { log in measured.map { Int(log.sealFrames[$0]) + Int(log.openFrames[$0]) } }
        let deadline = Int64(configuration.model.deadlineMilliseconds * 1e6)
        let summary = PacedAccounting.summarize(latencies: latencies, frames: frames, deadline: deadline)
        extra[.latencyP50Ms] = summary.p50 / 1e6
        extra[.latencyP90Ms] = summary.p90 / 1e6
        extra[.latencyP99Ms] = summary.p99 / 1e6
        extra[.latencyP999Ms] = summary.p999 / 1e6
        extra[.latencyMaxMs] = summary.max / 1e6
        extra[.deadlineMs] = configuration.model.deadlineMilliseconds
        extra[.missedDeadlineFrames] = Double(summary.missedFrames)
        extra[.missedDeadlineFraction] = summary.missedFraction
        extra[.missedDeadlineTicks] = Double(summary.missedTicks)
    }
}
