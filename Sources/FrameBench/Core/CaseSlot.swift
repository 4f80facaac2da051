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
