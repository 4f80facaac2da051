public import FrameCrypto
import FrameVectors

/// One encoded media frame as the encryption layer sees it: when, on which stream, how
/// many bytes, and whether it is a keyframe. The payload itself does not matter to the
/// cost of AES-GCM, only its size.
///
/// A plain value of fixed size: workloads are arrays of these, made before measuring.
public struct MediaFrame: Sendable, Hashable {
    /// Media (capture) time from the start of the workload, in nanoseconds.
    public var time: Int64
    /// Audio, video or screen (FrameCrypto's ``StreamKind``, the same kinds SFrame keys are per).
    public var kind: StreamKind
    /// Simulcast or SVC layer index within the stream, 0 for the lowest or only layer.
    public var layer: UInt8
    /// Encoded size in bytes, the plaintext an E2EE layer seals.
    public var size: Int
    /// `true` for a keyframe (an intra frame that decodes on its own).
    public var isKeyframe: Bool

    /// A frame with every field given.
    public init(time: Int64, kind: StreamKind, layer: UInt8 = 0, size: Int, isKeyframe: Bool = false) {
        self.time = time
        self.kind = kind
        self.layer = layer
        self.size = size
        self.isKeyframe = isKeyframe
    }

    /// Media time in milliseconds.
    public var milliseconds: Double { Double(time) / 1e6 }
}

/// An endless, deterministic sequence of frames in non-decreasing media time.
public protocol FrameSource {
    /// The next frame.
    mutating func next() -> MediaFrame
}

extension FrameSource {
    /// Every frame whose media time is before `duration` nanoseconds, in order.
    public mutating func frames(before duration: Int64) -> [MediaFrame] {
        var result: [MediaFrame] = []
        while true {
            let frame = next()
            if frame.time >= duration { return result }
            result.append(frame)
        }
    }
}

/// Time constants, in nanoseconds.
public enum MediaTime {
    /// One millisecond.
    public static let millisecond: Int64 = 1_000_000
    /// One second.
    public static let second: Int64 = 1_000_000_000
}

extension SeededRandom {
    /// A uniform value in `range`.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        Double.random(in: range, using: &self)
    }

    /// An exponentially distributed value with mean `mean`.
    mutating func exponential(mean: Double) -> Double {
        let u = Swift.max(Double.random(in: 0..<1, using: &self), .leastNonzeroMagnitude)
        return -mean * _logarithm(u)
    }

    /// A log-normal value whose mean is `mean` and whose logarithm has standard deviation
    /// `sigma`: positive, right-skewed, like encoded frame sizes.
    mutating func logNormal(mean: Double, sigma: Double) -> Double {
        mean * _exponential(sigma * nextGaussian() - sigma * sigma / 2)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always) private func _logarithm(_ x: Double) -> Double { log(x) }
@inline(__always) private func _exponential(_ x: Double) -> Double { exp(x) }
