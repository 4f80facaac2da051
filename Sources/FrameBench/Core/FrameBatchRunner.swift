/// Runs timed batches of one case. Called once per batch (never per frame) through this
/// protocol; the per-frame loop inside is plain code over preallocated memory.
protocol FrameBatchRunner: AnyObject {
    /// Swift over a backend, or the C reference.
    var implementation: Implementation { get }
    /// The backend's name.
    var backend: String { get }
    /// Runs `frames` frames back to back and returns the nanoseconds they took, read on
    /// the monotonic clock just before the first and just after the last.
    func runBatch(frames: Int) throws(SuiteError) -> UInt64
}
