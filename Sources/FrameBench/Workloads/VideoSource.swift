import FrameVectors

/// One simulcast layer: a resolution and the bitrate its encoder targets.
package struct SimulcastLayer: Sendable, Equatable {
    /// A short name, such as `720p`.
    package var name: String
    /// Target bitrate in bits per second, keyframes aside.
    package var bitrate: Double

    /// A layer called `name` encoding at `bitrate` bits per second.
    package init(name: String, bitrate: Double) {
        self.name = name
        self.bitrate = bitrate
    }
}

/// The defaults of a simulcast camera stream, each with where its number comes from.
package struct VideoParameters: Sendable, Equatable {
    /// Capture rate: 30 fps, the usual camera rate in conferencing.
    package var frameRate: Double = 30
    /// The layers, lowest first. 180p at 150 kbit/s and 360p at 500 kbit/s are the target
    /// bitrates in WebRTC's simulcast table (`media/engine/simulcast.cc`, 320×180 and
    /// 640×360); 720p at 1.5 Mbit/s is Zoom's published bandwidth for 720p group video
    /// (WebRTC's own 720p target is higher, 2.5 Mbit/s).
    package var layers: [SimulcastLayer] = [
        SimulcastLayer(name: "180p", bitrate: 150_000),
        SimulcastLayer(name: "360p", bitrate: 500_000),
        SimulcastLayer(name: "720p", bitrate: 1_500_000),
    ]
    /// Spread of delta-frame sizes: the standard deviation of their logarithm (log-normal
    /// around the layer's mean frame size, bitrate / 8 / frameRate). 0.25 gives most
    /// frames within ±50 % of the mean, as rate-controlled real-time encoders produce.
    package var deltaSizeSigma: Double = 0.25
    /// How much larger a keyframe is than the layer's mean delta frame, drawn uniformly
    /// per keyframe: intra frames of talking-head video are commonly 8–15× a delta frame.
    package var keyframeSizeRatio: ClosedRange<Double> = 8...15
    /// Frames between periodic keyframes, or `nil` for none: WebRTC sends keyframes only
    /// at the start and when a receiver asks (PLI/FIR), which is the default here.
    package var keyframeInterval: Int? = nil
    /// The smallest frame, in bytes.
    package var minimumSize: Int = 1

    /// The defaults.
    package init() {}
}

/// A simulcast camera stream: on every capture tick, one frame per layer, lowest layer
/// first. Delta frames scatter around the layer's mean size; keyframes come at the start,
/// every ``VideoParameters/keyframeInterval`` frames if set, and after
/// ``requestKeyframe(layer:)`` — which a receiver's request or a rekey triggers (a new
/// key means receivers need a fresh decodable frame). Deterministic for a seed and the
/// same sequence of requests.
///
/// Keyframes come on top of the layer's bitrate (one per 10 s adds about 3 %): this
/// source does not model a rate controller paying for them afterwards.
package struct VideoSource: FrameSource, Sendable {
    /// The parameters in use.
    package let parameters: VideoParameters
    private var random: SeededRandom
    private var tick: Int64 = 0
    private var layer = 0
    private var pendingKeyframes: UInt64

    /// A stream shaped by `parameters` (1 to 64 layers), fixed by `seed`.
    package init(parameters: VideoParameters = VideoParameters(), seed: UInt64) {
        precondition((1...64).contains(parameters.layers.count), "a video stream has 1 to 64 layers")
        self.parameters = parameters
        self.random = SeededRandom(seed: seed)
        self.pendingKeyframes = parameters.layers.count == 64 ? .max : (1 << UInt64(parameters.layers.count)) - 1
    }

    /// Makes the next frame of `layer` (or of every layer, when `nil`) a keyframe.
    package mutating func requestKeyframe(layer: Int? = nil) {
        if let layer {
            precondition(parameters.layers.indices.contains(layer), "no layer \(layer)")
            pendingKeyframes |= 1 << UInt64(layer)
        } else {
            pendingKeyframes = parameters.layers.count == 64 ? .max : (1 << UInt64(parameters.layers.count)) - 1
        }
    }

    /// The mean delta-frame size of `layer`, in bytes.
    package func meanDeltaSize(layer: Int) -> Double {
        parameters.layers[layer].bitrate / 8 / parameters.frameRate
    }

    /// The next frame.
    package mutating func next() -> MediaFrame {
        let time = Int64((Double(tick) * 1e9 / parameters.frameRate).rounded())
        let bit: UInt64 = 1 << UInt64(layer)
        let periodic = parameters.keyframeInterval.map { $0 > 0 && tick > 0 && tick % Int64($0) == 0 } ?? false
        let isKeyframe = periodic || pendingKeyframes & bit != 0
        pendingKeyframes &= ~bit
        let mean = meanDeltaSize(layer: layer)
        let size =
            isKeyframe
            ? mean * random.uniform(parameters.keyframeSizeRatio)
            : random.logNormal(mean: mean, sigma: parameters.deltaSizeSigma)
        let frame = MediaFrame(
            time: time, kind: .video, layer: UInt8(layer), size: max(parameters.minimumSize, Int(size.rounded())),
            isKeyframe: isKeyframe)
        layer += 1
        if layer == parameters.layers.count {
            layer = 0
            tick += 1
        }
        return frame
    }
}
