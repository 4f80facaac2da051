import FrameVectors

/// The defaults of an Opus-like speech stream, each with where its number comes from.
package struct AudioParameters: Sendable, Equatable {
    /// Time per frame. RFC 6716 §2.1.4 allows 2.5, 5, 10, 20, 40 and 60 ms; 20 ms is the
    /// usual VoIP packetisation (WebRTC's default `ptime`), giving 50 frames/s.
    package var frameDuration: Int64 = 20 * MediaTime.millisecond
    /// Mean size of a speech frame: 90 B at 20 ms is 36 kbit/s, within RFC 7587 §3.1.1's
    /// 28–40 kbit/s for fullband speech.
    package var speechMeanSize: Double = 90
    /// Standard deviation of speech frame sizes (Opus VBR varies frame to frame).
    package var speechSizeDeviation: Double = 20
    /// Speech frames are clamped to this range (about 24–64 kbit/s at 20 ms).
    package var speechSizeRange: ClosedRange<Int> = 60...160
    /// Sizes of silence frames: a DTX or comfort-noise frame is a TOC byte and little else
    /// (libopus's DTX emits 1–2 byte packets; coded silence is a few bytes).
    package var silenceSizeRange: ClosedRange<Int> = 2...8
    /// Mean talk-spurt length in seconds, exponentially distributed: ITU-T P.59's
    /// artificial conversational speech (1.004 s).
    package var meanTalkSpurt: Double = 1.004
    /// Mean pause length in seconds, exponentially distributed: ITU-T P.59 (1.587 s).
    package var meanPause: Double = 1.587
    /// During a pause, one frame in this many is sent. 1 (the default) sends every frame,
    /// as an encoder without DTX or a client that forwards DTX frames does; WebRTC with
    /// DTX on sends one every 400 ms, i.e. 20.
    package var silenceFrameEvery: Int = 1
    /// Whether the stream starts in a talk spurt.
    package var startsTalking: Bool = true

    /// The defaults.
    package init() {}
}

/// An Opus-like speech stream: fixed-duration frames, talk spurts of speech-sized frames
/// alternating with pauses of tiny silence frames. Deterministic for a seed.
package struct AudioSource: FrameSource, Sendable {
    /// The parameters in use.
    package let parameters: AudioParameters
    private var random: SeededRandom
    private var index: Int64 = 0
    private var talking: Bool
    private var framesLeftInState: Int64 = 0
    private var pauseFrame: Int = 0

    /// A stream shaped by `parameters`, fixed by `seed`.
    package init(parameters: AudioParameters = AudioParameters(), seed: UInt64) {
        self.parameters = parameters
        self.random = SeededRandom(seed: seed)
        self.talking = !parameters.startsTalking
    }

    /// The next frame: time-ordered, 1 / `frameDuration` per second while talking.
    package mutating func next() -> MediaFrame {
        while true {
            if framesLeftInState <= 0 {
                talking.toggle()
                let mean = talking ? parameters.meanTalkSpurt : parameters.meanPause
                let seconds = random.exponential(mean: mean)
                framesLeftInState = max(1, Int64((seconds * 1e9 / Double(parameters.frameDuration)).rounded()))
                pauseFrame = 0
            }
            let time = index * parameters.frameDuration
            index += 1
            framesLeftInState -= 1
            if talking {
                let raw = parameters.speechMeanSize + parameters.speechSizeDeviation * random.nextGaussian()
                let size = min(max(Int(raw.rounded()), parameters.speechSizeRange.lowerBound), parameters.speechSizeRange.upperBound)
                return MediaFrame(time: time, kind: .audio, size: size)
            }
            defer { pauseFrame += 1 }
            if pauseFrame % max(1, parameters.silenceFrameEvery) == 0 {
                let size = Int.random(in: parameters.silenceSizeRange, using: &random)
                return MediaFrame(time: time, kind: .audio, size: size)
            }
        }
    }
}
