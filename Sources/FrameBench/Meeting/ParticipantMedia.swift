import FrameCrypto
import FrameVectors

/// One participant's media as the schedule builder draws it, tick by tick: an audio stream
/// (unmuted participants only), a simulcast camera stream and, for a sharer, a screen
/// share, each shifted by its own phase offset so that a meeting's frames spread over
/// the ticks instead of all landing on the same one.
///
/// Frames are emitted in their tick (media time + offset, rounded down to the tick); a
/// stream emits at most one frame (one capture, for video: every layer) per tick, a later
/// one waiting for the next tick. Video and screen frames are only drawn from their
/// sources when their tick comes, so a keyframe request made at tick `t` shapes the first
/// frame after `t`.
struct ParticipantMedia {
    /// The first tick this participant sends and receives in.
    let startTick: Int
    private let tick: Int64
    private var audio: Stream?
    private var video: Stream
    private var screen: Stream?

    /// One stream: generated from a source or replayed from a trace.
    private enum Stream {
        case audio(AudioSource, offset: Int64, pending: MediaFrame?)
        case video(VideoSource, offset: Int64, capture: Int64)
        case screen(ScreenSource, offset: Int64, capture: Int64)
        case trace([TraceLane])
        case none
    }

    /// Generated media for the participant with `index`, fixed by `seed`.
    init(generated model: MeetingModel, index: Int, unmuted: Bool, sharer: Bool, startTick: Int, tick: Int64, seed: UInt64) {
        var phases = SeededRandom(seed: seed ^ 0x5048_4153_4553 &+ UInt64(index) &* 0x9E37_79B9)
        func offset(period: Double) -> Int64 { Int64(phases.uniform(0...1) * period * 0.999) }
        let base = seed &+ UInt64(index) &* 0x1_0000_0001
        self.startTick = startTick
        self.tick = tick
        let audioOffset = offset(period: Double(model.audio.frameDuration))
        let videoOffset = offset(period: 1e9 / model.video.frameRate)
        let screenOffset = offset(period: 1e9 / model.screen.frameRate)
        audio = unmuted ? .audio(AudioSource(parameters: model.audio, seed: base), offset: audioOffset, pending: nil) : nil
        video =
            model.video.layers.isEmpty
            ? .none : .video(VideoSource(parameters: model.video, seed: base &+ 1), offset: videoOffset, capture: 0)
        screen = sharer ? .screen(ScreenSource(parameters: model.screen, seed: base &+ 2), offset: screenOffset, capture: 0) : nil
    }

    /// The trace's streams replayed (looped) for the participant with `index`, with one
    /// phase offset for all its streams so their relative timing stays as recorded.
    init(trace: TraceLanes, index: Int, unmuted: Bool, sharer: Bool, startTick: Int, tick: Int64, seed: UInt64) {
        var phases = SeededRandom(seed: seed ^ 0x5452_4143_45 &+ UInt64(index) &* 0x9E37_79B9)
        let offset = Int64(phases.uniform(0...1) * 33_000_000)
        self.startTick = startTick
        self.tick = tick
        func lanes(_ source: [TraceLane]) -> Stream {
            source.isEmpty
                ? .none
                : .trace(
                    source.map {
                        var lane = $0; lane.offset = offset; return lane
                    })
        }
        audio = unmuted ? lanes(trace.audio) : nil
        video = lanes(trace.video)
        screen = sharer ? lanes(trace.screen) : nil
    }

    /// Writes the sizes of this participant's frames at tick `t` into `row` (index 0
    /// audio, 1…layers video, last screen; rows start at -1, "no frame") and returns how
    /// many of them are keyframes.
    mutating func emit(at t: Int, into row: UnsafeMutableBufferPointer<Int32>) -> Int {
        guard t >= startTick else { return 0 }
        let local = Int64(t - startTick)
        var keyframes = 0
        if audio != nil { keyframes += Self.emit(&audio!, local: local, tick: tick, into: row, first: 0) }
        keyframes += Self.emit(&video, local: local, tick: tick, into: row, first: 1)
        if screen != nil { keyframes += Self.emit(&screen!, local: local, tick: tick, into: row, first: row.count - 1) }
        return keyframes
    }

    /// Asks every video layer and the screen share for a keyframe next (after a rekey).
    mutating func requestKeyframes() {
        Self.requestKeyframe(&video)
        if screen != nil { Self.requestKeyframe(&screen!) }
    }

    private static func requestKeyframe(_ stream: inout Stream) {
        switch stream {
        case .video(var source, let offset, let capture):
            source.requestKeyframe()
            stream = .video(source, offset: offset, capture: capture)
        case .screen(var source, let offset, let capture):
            source.requestKeyframe()
            stream = .screen(source, offset: offset, capture: capture)
        case .trace(var lanes):
            for i in lanes.indices { lanes[i].keyframePending = true }
            stream = .trace(lanes)
        case .audio, .none: break
        }
    }

    /// Whether a frame at media time `time` (+ `offset`) is due by local tick `local`.
    private static func due(_ time: Int64, _ offset: Int64, _ local: Int64, _ tick: Int64) -> Bool {
        (time + offset) / tick <= local
    }

    private static func emit(
        _ stream: inout Stream, local: Int64, tick: Int64, into row: UnsafeMutableBufferPointer<Int32>, first: Int
    ) -> Int {
        switch stream {
        case .audio(var source, let offset, let pending):
            let frame = pending ?? source.next()
            guard due(frame.time, offset, local, tick) else {
                stream = .audio(source, offset: offset, pending: frame)
                return 0
            }
            row[first] = Int32(frame.size)
            stream = .audio(source, offset: offset, pending: nil)
            return 0
        case .video(var source, let offset, let capture):
            let time = Int64((Double(capture) * 1e9 / source.parameters.frameRate).rounded())
            guard due(time, offset, local, tick) else { return 0 }
            var keyframes = 0
            for layer in 0..<source.parameters.layers.count {
                let frame = source.next()
                row[first + layer] = Int32(frame.size)
                if frame.isKeyframe { keyframes += 1 }
            }
            stream = .video(source, offset: offset, capture: capture + 1)
            return keyframes
        case .screen(var source, let offset, let capture):
            let time = Int64((Double(capture) * 1e9 / source.parameters.frameRate).rounded())
            guard due(time, offset, local, tick) else { return 0 }
            let frame = source.next()
            row[first] = Int32(frame.size)
            stream = .screen(source, offset: offset, capture: capture + 1)
            return frame.isKeyframe ? 1 : 0
        case .trace(var lanes):
            var keyframes = 0
            for i in lanes.indices {
                if let (size, isKeyframe) = lanes[i].emit(local: local, tick: tick) {
                    row[first + i] = Int32(size)
                    if isKeyframe { keyframes += 1 }
                }
            }
            stream = .trace(lanes)
            return keyframes
        case .none:
            return 0
        }
    }
}

/// A trace split into its streams: audio, each video layer (lowest first, as the trace
/// names them in order of appearance) and screen.
struct TraceLanes: Sendable {
    var audio: [TraceLane] = []
    var video: [TraceLane] = []
    var screen: [TraceLane] = []

    /// The lanes of `workload`, each looping with the trace's period: the last frame's
    /// time plus the tick, so the replay never stacks two loops' frames on one tick.
    init(_ workload: Workload, tick: Int64) {
        let last = workload.frames.last?.time ?? 0
        let period = (last / tick + 1) * tick
        func lanes(_ kind: StreamKind) -> [TraceLane] {
            let count = workload.layerNames[kind]?.count ?? 0
            return (0..<count).compactMap { layer in
                let frames = workload.frames.filter { $0.kind == kind && Int($0.layer) == layer }
                return frames.isEmpty ? nil : TraceLane(frames: frames, period: period)
            }
        }
        audio = lanes(.audio)
        video = lanes(.video)
        screen = lanes(.screen)
    }
}

/// One stream-layer of a trace, replayed in a loop by one participant.
struct TraceLane: Sendable {
    let times: [Int64]
    let sizes: [Int]
    let keyframes: [Bool]
    let period: Int64
    /// The size a requested keyframe gets: the mean keyframe of this lane in the trace,
    /// or `nil` when it has none (the request then changes nothing).
    let keyframeSize: Int?
    var offset: Int64 = 0
    var keyframePending = false
    private var next = 0
    private var loop: Int64 = 0

    init(frames: [MediaFrame], period: Int64) {
        times = frames.map(\.time)
        sizes = frames.map(\.size)
        keyframes = frames.map(\.isKeyframe)
        self.period = period
        let keys = frames.filter(\.isKeyframe).map(\.size)
        keyframeSize = keys.isEmpty ? nil : keys.reduce(0, +) / keys.count
    }

    /// The next frame's size and keyframe flag when it is due by local tick `local`.
    mutating func emit(local: Int64, tick: Int64) -> (Int, Bool)? {
        let time = loop * period + times[next]
        guard (time + offset) / tick <= local else { return nil }
        var size = sizes[next]
        var isKeyframe = keyframes[next]
        if keyframePending, let keyframeSize {
            size = isKeyframe ? size : keyframeSize
            isKeyframe = true
        }
        keyframePending = false
        next += 1
        if next == times.count {
            next = 0
            loop += 1
        }
        return (size, isKeyframe)
    }
}
