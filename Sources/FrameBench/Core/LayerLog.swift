/// A layer's timed batches in one group: each batch's ns per frame, in the order run.
package struct LayerLog: Sendable, Equatable {
    /// Each batch's nanoseconds over its frames.
    package var perFrame: [Double]
    /// Frames measured.
    package var frames: Int
    /// Nanoseconds measured (the sum of the batches).
    package var nanoseconds: UInt64
    /// Frames per batch.
    package var batchSize: Int
    /// Frames run before recording.
    package var warmupFrames: Int

    package init(perFrame: [Double], frames: Int, nanoseconds: UInt64, batchSize: Int, warmupFrames: Int = 0) {
        self.perFrame = perFrame
        self.frames = frames
        self.nanoseconds = nanoseconds
        self.batchSize = batchSize
        self.warmupFrames = warmupFrames
    }
}
