import FrameVectors

/// The defaults of a screen-share stream. Screen content is bursty: while nothing moves
/// the encoder emits near-empty frames, and a slide change or scroll costs a frame
/// nearly as large as a keyframe. These numbers are estimates for 1080p slides coded
/// with VP8/VP9 in screen-content mode; `scripts/make-trace.sh` can measure a real
/// encoder instead.
package struct ScreenParameters: Sendable, Equatable {
    /// Capture rate: 5 fps, a common rate for text and slide sharing in conferencing
    /// clients (motion-optimised sharing uses 15–30).
    package var frameRate: Double = 5
    /// Sizes of frames when nothing changed: skip frames of tens to a couple of hundred
    /// bytes, drawn uniformly.
    package var idleSizeRange: ClosedRange<Int> = 20...200
    /// Chance that a frame shows a change (slide flip, scroll, typing burst): 0.04 at
    /// 5 fps is one change every 5 s on average.
    package var changeProbability: Double = 0.04
    /// Mean size of a change frame in bytes (log-normal): tens of kilobytes.
    package var changeMeanSize: Double = 40_000
    /// Spread of change-frame sizes (standard deviation of the logarithm).
    package var changeSizeSigma: Double = 0.5
    /// Mean keyframe size in bytes (log-normal, sigma 0.2): a full 1080p screen of text.
    package var keyframeMeanSize: Double = 150_000

    /// The defaults.
    package init() {}
}

/// A screen-share stream: one frame per tick, a keyframe at the start and after
/// ``requestKeyframe()``, otherwise mostly tiny idle frames and occasional large change
/// frames. Deterministic for a seed and the same sequence of requests.
package struct ScreenSource: FrameSource, Sendable {
    /// The parameters in use.
    package let parameters: ScreenParameters
    private var random: SeededRandom
    private var tick: Int64 = 0
    private var keyframePending = true

    /// A stream shaped by `parameters`, fixed by `seed`.
    package init(parameters: ScreenParameters = ScreenParameters(), seed: UInt64) {
        self.parameters = parameters
        self.random = SeededRandom(seed: seed)
    }

    /// Makes the next frame a keyframe.
    package mutating func requestKeyframe() {
        keyframePending = true
    }

    /// The next frame.
    package mutating func next() -> MediaFrame {
        let time = Int64((Double(tick) * 1e9 / parameters.frameRate).rounded())
        tick += 1
        // Draw the change decision every tick so a keyframe request does not shift the
        // rest of the sequence.
        let changed = random.uniform(0...1) < parameters.changeProbability
        let size: Double
        if keyframePending {
            keyframePending = false
            size = random.logNormal(mean: parameters.keyframeMeanSize, sigma: 0.2)
            return MediaFrame(time: time, kind: .screen, size: Int(size.rounded()), isKeyframe: true)
        } else if changed {
            size = random.logNormal(mean: parameters.changeMeanSize, sigma: parameters.changeSizeSigma)
        } else {
            size = Double(Int.random(in: parameters.idleSizeRange, using: &random))
        }
        return MediaFrame(time: time, kind: .screen, size: max(1, Int(size.rounded())))
    }
}
