public import FrameCrypto

/// A finite, time-ordered list of frames from one or more streams: generated from the
/// sources, or read from a trace.
public struct Workload: Sendable, Equatable {
    /// Every frame, in non-decreasing media time.
    public var frames: [MediaFrame]
    /// The name of each layer index, per stream kind (`["180p", "360p", "720p"]`).
    public var layerNames: [StreamKind: [String]]

    /// A workload of `frames` (sorted by time here, stably) with `layerNames`.
    public init(frames: [MediaFrame], layerNames: [StreamKind: [String]] = [:]) {
        self.frames = frames.enumerated().sorted { a, b in
            a.element.time != b.element.time ? a.element.time < b.element.time : a.offset < b.offset
        }.map(\.element)
        self.layerNames = layerNames
    }

    /// `duration` nanoseconds of the given streams (a `nil` parameter leaves that stream
    /// out), each seeded from `seed` so the whole workload is fixed by it.
    package static func generated(
        duration: Int64, seed: UInt64,
        audio: AudioParameters? = AudioParameters(),
        video: VideoParameters? = VideoParameters(),
        screen: ScreenParameters? = nil
    ) -> Workload {
        var frames: [MediaFrame] = []
        var names: [StreamKind: [String]] = [:]
        if let audio {
            var source = AudioSource(parameters: audio, seed: seed)
            frames += source.frames(before: duration)
            names[.audio] = [""]
        }
        if let video {
            var source = VideoSource(parameters: video, seed: seed &+ 1)
            frames += source.frames(before: duration)
            names[.video] = video.layers.map(\.name)
        }
        if let screen {
            var source = ScreenSource(parameters: screen, seed: seed &+ 2)
            frames += source.frames(before: duration)
            names[.screen] = [""]
        }
        return Workload(frames: frames, layerNames: names)
    }

    /// Per stream and layer: frame count, bytes, keyframes, and rates over `duration`
    /// nanoseconds (default: from 0 to just past the last frame's time; pass the real
    /// duration for exact rates).
    package func statistics(over duration: Int64? = nil) -> [StreamStatistics] {
        var byStream: [StreamKey: StreamStatistics] = [:]
        for frame in frames {
            let key = StreamKey(kind: frame.kind, layer: frame.layer)
            byStream[key, default: StreamStatistics(key: key)].add(frame)
        }
        let span = duration ?? ((frames.last?.time ?? 0) + 1)
        return byStream.values.map { $0.over(span) }.sorted { $0.key < $1.key }
    }
}

/// A stream and layer.
package struct StreamKey: Sendable, Hashable, Comparable {
    /// Audio, video or screen.
    package var kind: StreamKind
    /// The layer index.
    package var layer: UInt8

    package static func < (a: StreamKey, b: StreamKey) -> Bool {
        a.kind != b.kind ? a.kind.rawValue < b.kind.rawValue : a.layer < b.layer
    }
}

/// What one stream-layer of a workload adds up to.
package struct StreamStatistics: Sendable, Equatable {
    /// The stream and layer.
    package var key: StreamKey
    /// Number of frames.
    package var frames = 0
    /// Sum of frame sizes in bytes.
    package var bytes = 0
    /// Number of keyframes.
    package var keyframes = 0
    /// Sum of keyframe sizes in bytes.
    package var keyframeBytes = 0
    /// Smallest and largest frame, in bytes.
    package var minSize = Int.max, maxSize = 0
    /// Frames per second over the span given to ``Workload/statistics(over:)``.
    package var framesPerSecond = 0.0
    /// Bits per second over that span.
    package var bitsPerSecond = 0.0

    init(key: StreamKey) { self.key = key }

    /// Mean size of a non-keyframe in bytes.
    package var meanDeltaSize: Double {
        frames > keyframes ? Double(bytes - keyframeBytes) / Double(frames - keyframes) : 0
    }

    mutating func add(_ frame: MediaFrame) {
        frames += 1
        bytes += frame.size
        minSize = min(minSize, frame.size)
        maxSize = max(maxSize, frame.size)
        if frame.isKeyframe {
            keyframes += 1
            keyframeBytes += frame.size
        }
    }

    func over(_ span: Int64) -> StreamStatistics {
        var copy = self
        let seconds = Double(max(span, 1)) / 1e9
        copy.framesPerSecond = Double(frames) / seconds
        copy.bitsPerSecond = Double(bytes) * 8 / seconds
        return copy
    }
}
