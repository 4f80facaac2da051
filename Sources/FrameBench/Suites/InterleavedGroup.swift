/// One case of an interleaved group: its runner, its batch size and the log of its timed
/// batches, kept in memory allocated before measuring begins.
final class CaseSlot {
    let runner: any FrameBatchRunner
    /// Frames per timed batch.
    var batchSize = 1
    /// Nanoseconds per frame seen while calibrating.
    var calibratedNanosecondsPerFrame = 0.0
    /// Frames run before recording (calibration and warm-up).
    var warmupFrames = 0
    private(set) var batchNanoseconds = UnsafeMutableBufferPointer<UInt64>(start: nil, count: 0)
    private(set) var batchFrames = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
    /// Timed batches recorded so far.
    private(set) var batches = 0
    /// Sum of the recorded batches' nanoseconds.
    private(set) var measuredNanoseconds: UInt64 = 0
    /// Frames in the recorded batches.
    private(set) var frames = 0
    /// Set when the case has recorded all it should.
    var finished = false

    init(runner: any FrameBatchRunner) { self.runner = runner }

    deinit {
        batchNanoseconds.deallocate()
        batchFrames.deallocate()
    }

    /// Room for `capacity` batches, allocated now, so recording never allocates.
    func allocateLog(capacity: Int) {
        batchNanoseconds.deallocate()
        batchFrames.deallocate()
        batchNanoseconds = .allocate(capacity: capacity)
        batchFrames = .allocate(capacity: capacity)
        batches = 0
        measuredNanoseconds = 0
        frames = 0
        finished = false
    }

    /// Whether the log is full.
    var isLogFull: Bool { batches == batchNanoseconds.count }

    @inline(__always)
    func record(nanoseconds: UInt64, frames count: Int) {
        batchNanoseconds[batches] = nanoseconds
        batchFrames[batches] = UInt32(truncatingIfNeeded: count)
        batches += 1
        measuredNanoseconds &+= nanoseconds
        frames += count
    }

    /// Each recorded batch's nanoseconds per frame.
    var nanosecondsPerFrame: [Double] {
        (0..<batches).map { Double(batchNanoseconds[$0]) / Double(batchFrames[$0]) }
    }
}

/// Calibration, warm-up and the interleaved measurement of a group of cases (one frame
/// size and operation, every backend and its C reference). Cases take turns batch by
/// batch, the starting case rotating every round, so drift on a shared machine (another
/// process, frequency changes) falls on every case alike.
enum InterleavedGroup {
    /// Finds the batch size at which `runner` takes about `target` nanoseconds per batch:
    /// doubles from 1 frame until a batch takes at least half the target, then divides
    /// the target by the median per-frame time of three batches of that size.
    /// Returns the batch size, the per-frame estimate and the frames run.
    static func calibrate(_ runner: any FrameBatchRunner, target: UInt64) throws(FramesSuiteError) -> (batch: Int, nanosecondsPerFrame: Double, framesRun: Int) {
        var framesRun = 16
        _ = try runner.runBatch(frames: 16)
        var n = 1
        var time: UInt64
        while true {
            time = try runner.runBatch(frames: n)
            framesRun += n
            if time >= target / 2 || n >= 1 << 20 { break }
            n *= 2
        }
        let times = [time, try runner.runBatch(frames: n), try runner.runBatch(frames: n)].sorted()
        framesRun += 2 * n
        let perFrame = max(Double(times[1]) / Double(n), 0.01)
        let batch = min(max(Int((Double(target) / perFrame).rounded()), 1), 1 << 24)
        return (batch, perFrame, framesRun)
    }

    /// What measuring a group cost: the measuring thread's share of the CPU over the measured
    /// span, and the process's involuntary context switches during it.
    struct Cost {
        /// Thread CPU time over wall time, at most 1 (`nil` when no time passed).
        var onCPUFraction: Double?
        var involuntaryContextSwitches: Int
    }

    /// Warms `slots` up, sizes their logs for `length`, and measures them: the frames and
    /// suites' common sequence for one interleaved group.
    static func warmUpAndMeasure(_ slots: [CaseSlot], warmupSeconds: Double, length: RunLength) throws(FramesSuiteError) -> Cost {
        try warmUp(slots, seconds: warmupSeconds)
        for slot in slots { slot.allocateLog(capacity: logCapacity(for: slot, length: length)) }
        let wallStart = Clocks.monotonicNanoseconds()
        let cpuStart = Clocks.threadCPUNanoseconds()
        let usageStart = Clocks.processUsage()
        try measure(slots, length: length)
        let cpu = Double(Clocks.threadCPUNanoseconds() &- cpuStart)
        let wall = Double(Clocks.monotonicNanoseconds() &- wallStart)
        return Cost(onCPUFraction: wall > 0 ? min(cpu / wall, 1) : nil,
                    involuntaryContextSwitches: Clocks.processUsage().since(usageStart).involuntaryContextSwitches)
    }

    /// Runs interleaved batches for `seconds` of wall time without recording them.
    static func warmUp(_ slots: [CaseSlot], seconds: Double) throws(FramesSuiteError) {
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
    static func measure(_ slots: [CaseSlot], length: RunLength) throws(FramesSuiteError) {
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
