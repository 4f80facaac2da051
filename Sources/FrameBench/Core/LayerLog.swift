/// A layer's timed batches in one group: each batch's ns per frame, in the order run.
public struct LayerLog: Sendable, Equatable {
    /// Each batch's nanoseconds over its frames.
    public var perFrame: [Double]
    /// Frames measured.
    public var frames: Int
    /// Nanoseconds measured (the sum of the batches).
    public var nanoseconds: UInt64
    /// Frames per batch.
    public var batchSize: Int
    /// Frames run before recording.
    public var warmupFrames: Int

    public init(perFrame: [Double], frames: Int, nanoseconds: UInt64, batchSize: Int, warmupFrames: Int = 0) {
        self.perFrame = perFrame
        self.frames = frames
        self.nanoseconds = nanoseconds
        self.batchSize = batchSize
        self.warmupFrames = warmupFrames
    }
}
