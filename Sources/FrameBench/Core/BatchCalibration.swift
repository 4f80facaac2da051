/// Batch sizing: how many frames a case runs per timed batch, so a batch takes about the
/// configured time (long enough for the clock, short enough to interleave finely).
enum BatchCalibration {
    /// Finds the batch size at which `runner` takes about `target` nanoseconds per batch:
    /// doubles from 1 frame until a batch takes at least half the target, then divides
    /// the target by the median per-frame time of three batches of that size.
    /// Returns the batch size, the per-frame estimate and the frames run.
    static func calibrate(
        _ runner: any FrameBatchRunner, target: UInt64
    ) throws(SuiteError) -> (batch: Int, nanosecondsPerFrame: Double, framesRun: Int) {
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

    /// Sizes the batches of cases that share one batch size (a backend's cases of a group):
    /// calibrates `calibrating` to about `target` nanoseconds per batch (its calibration
    /// frames count as its warm-up) or, with `fixed`, takes `fixed` and keeps only the
    /// per-frame estimate; then gives every slot of `sharing` that batch size and estimate,
    /// raised in count mode so that no case's log needs more than 2^24 batches.
    static func calibrate(
        _ sharing: [CaseSlot], on calibrating: CaseSlot, target: UInt64, length: RunLength, fixed: Int? = nil
    ) throws(SuiteError) {
        let (batch, perFrame, run) = try calibrate(calibrating.runner, target: target)
        calibrating.warmupFrames += run
        var size = fixed ?? batch
        if case let .count(n) = length { size = max(size, (n + (1 << 24) - 1) >> 24) }
        for slot in sharing { (slot.batchSize, slot.calibratedNanosecondsPerFrame) = (size, perFrame) }
    }
}
