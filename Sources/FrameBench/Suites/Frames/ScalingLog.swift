/// One thread's record of one scaling cell (a backend at a thread count): its batches, and
/// when each slice started and ended, in memory allocated before measuring. Written only
/// by its thread; read after the threads are joined.
final class ScalingLog: @unchecked Sendable {
    /// Each batch's nanoseconds and frames, in order.
    let batchNanoseconds: UnsafeMutableBufferPointer<UInt64>
    let batchFrames: UnsafeMutableBufferPointer<UInt32>
    /// Per slice: the monotonic clock just before its first batch and just after its last,
    /// and the index of its first batch (one extra entry: the end).
    let sliceStart: UnsafeMutableBufferPointer<UInt64>
    let sliceEnd: UnsafeMutableBufferPointer<UInt64>
    let sliceFirstBatch: UnsafeMutableBufferPointer<Int>
    /// Batches recorded so far.
    private(set) var batches = 0
    /// This thread's CPU time over its slices of this cell.
    var cpuNanoseconds: UInt64 = 0

    init(batches capacity: Int, slices: Int) {
        batchNanoseconds = .allocate(capacity: max(capacity, 1))
        batchFrames = .allocate(capacity: max(capacity, 1))
        sliceStart = .allocate(capacity: max(slices, 1))
        sliceEnd = .allocate(capacity: max(slices, 1))
        sliceFirstBatch = .allocate(capacity: slices + 1)
        sliceStart.initialize(repeating: 0)
        sliceEnd.initialize(repeating: 0)
        sliceFirstBatch.initialize(repeating: 0)
    }

    deinit {
        batchNanoseconds.deallocate()
        batchFrames.deallocate()
        sliceStart.deallocate()
        sliceEnd.deallocate()
        sliceFirstBatch.deallocate()
    }

    /// Records one batch.
    @inline(__always)
    func record(nanoseconds: UInt64, frames: Int) {
        batchNanoseconds[batches] = nanoseconds
        batchFrames[batches] = UInt32(truncatingIfNeeded: frames)
        batches += 1
    }

    /// Frames in all recorded batches.
    var frames: Int { (0..<batches).reduce(0) { $0 + Int(batchFrames[$1]) } }

    /// Each recorded batch's nanoseconds per frame, of `slice` or of all slices.
    func nanosecondsPerFrame(slice: Int? = nil) -> [Double] {
        let range = slice.map { sliceFirstBatch[$0]..<sliceFirstBatch[$0 + 1] } ?? 0..<batches
        return range.map { Double(batchNanoseconds[$0]) / Double(batchFrames[$0]) }
    }
}
