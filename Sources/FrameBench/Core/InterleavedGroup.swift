/// Warm-up and the interleaved measurement of a group of cases (one frame size and
/// operation, every backend and its C reference). Cases take turns batch by batch, the
/// starting case rotating every round, so drift on a shared machine (another process,
/// frequency changes) falls on every case alike. Batch sizes: ``BatchCalibration``.
enum InterleavedGroup {
    /// What measuring a group cost: the measuring thread's share of the CPU over the measured
    /// span, and the process's involuntary context switches during it.
    struct Cost {
        /// Thread CPU time over wall time, at most 1 (`nil` when no time passed).
        var onCPUFraction: Double?
        var involuntaryContextSwitches: Int
    }

    /// Warms `slots` up, sizes their logs for `length`, and measures them: every
    /// suite's common sequence for one interleaved group.
    static func warmUpAndMeasure(_ slots: [CaseSlot], warmupSeconds: Double, length: RunLength) throws(SuiteError) -> Cost {
        try warmUp(slots, seconds: warmupSeconds)
        for slot in slots { slot.allocateLog(capacity: logCapacity(for: slot, length: length)) }
        let wallStart = Clocks.monotonicNanoseconds()
        let cpuStart = Clocks.threadCPUNanoseconds()
        let usageStart = Clocks.processUsage()
        try measure(slots, length: length)
        let cpu = Double(Clocks.threadCPUNanoseconds() &- cpuStart)
        let wall = Double(Clocks.monotonicNanoseconds() &- wallStart)
        return Cost(
            onCPUFraction: wall > 0 ? min(cpu / wall, 1) : nil,
            involuntaryContextSwitches: Clocks.processUsage().since(usageStart).involuntaryContextSwitches)
    }

    /// Runs interleaved batches for `seconds` of wall time without recording them.
    static func warmUp(_ slots: [CaseSlot], seconds: Double) throws(SuiteError) {
        guard seconds > 0 else { return }
        let end = Clocks.monotonicNanoseconds() &+ UInt64(seconds * 1e9)
        while Clocks.monotonicNanoseconds() < end {
            for slot in slots {
                _ = try slot.runner.runBatch(frames: slot.batchSize)
                slot.warmupFrames += slot.batchSize
            }
        }
    }

    /// Records interleaved batches until every case has `length`: in time mode until its
    /// measured nanoseconds reach the target (or its log is full), in count mode exactly
    /// the frame count (the last batch short if need be). Logs must be allocated.
    /// Never inlined, so allocation profilers can attribute to it (there should be none:
    /// `scripts/check-allocations.sh`).
    @inline(never)
    static func measure(_ slots: [CaseSlot], length: RunLength) throws(SuiteError) {
        let count = slots.count
        var remaining = count
        var round = 0
        let targetNanoseconds: UInt64
        let targetFrames: Int
        switch length {
        case let .seconds(s): (targetNanoseconds, targetFrames) = (UInt64(s * 1e9), .max)
        case let .count(n): (targetNanoseconds, targetFrames) = (.max, n)
        }
        while remaining > 0 {
            for k in 0..<count {
                let slot = slots[(k &+ round) % count]
                if slot.finished { continue }
                let frames = min(slot.batchSize, targetFrames - slot.frames)
                let nanoseconds = try slot.runner.runBatch(frames: frames)
                slot.record(nanoseconds: nanoseconds, frames: frames)
                if slot.measuredNanoseconds >= targetNanoseconds || slot.frames >= targetFrames || slot.isLogFull {
                    slot.finished = true
                    remaining -= 1
                }
            }
            round &+= 1
        }
    }

    /// Batches to allocate for a case: exact in count mode; in time mode four times the
    /// expected number (batches may run faster than calibrated), at most 2^23.
    static func logCapacity(for slot: CaseSlot, length: RunLength) -> Int {
        switch length {
        case let .count(n):
            return (n + slot.batchSize - 1) / slot.batchSize
        case let .seconds(s):
            let batchNanoseconds = max(1, Double(slot.batchSize) * slot.calibratedNanosecondsPerFrame)
            return min(Int(s * 1e9 / batchNanoseconds * 4) + 64, 1 << 23)
        }
    }
}
