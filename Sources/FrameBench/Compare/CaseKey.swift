/// One measured case as `framebench compare` matches it between two sets of runs: the
/// same suite, implementation, backend, operation, frame size or participants, and mode.
public struct CaseKey: Sendable, Hashable, Codable, Comparable {
    /// `frames` or `meeting`.
    public var suite: String
    /// `swift` or `c`.
    public var implementation: String
    /// The backend's name.
    public var backend: String
    /// `seal` or `open` (frames suite).
    public var operation: String?
    /// Frame size in bytes (frames suite).
    public var frameSize: Int?
    /// Participants (meeting suite).
    public var participants: Int?
    /// The meeting's mode (meeting suite).
    public var mode: String?

    /// The key of `record`.
    public init(_ record: MeasurementRecord) {
        suite = record.suite
        implementation = record.implementation
        backend = record.backend
        operation = record.operation
        frameSize = record.frameSize
        participants = record.participants
        mode = record.mode
    }

    /// A short human label, such as `frames swift openssl seal 1200 B`.
    public var label: String {
        var parts = [suite, implementation, backend]
        if let operation { parts.append(operation) }
        if let frameSize { parts.append("\(frameSize) B") }
        if let participants { parts.append("\(participants) participants") }
        if let mode { parts.append(mode) }
        return parts.joined(separator: " ")
    }

    public static func < (a: CaseKey, b: CaseKey) -> Bool {
        func tuple(_ k: CaseKey) -> (String, Int, String, String, String, String) {
            (k.suite, k.frameSize ?? k.participants ?? -1, k.operation ?? "", k.backend,
             k.implementation == "swift" ? "" : k.implementation, k.mode ?? "")
        }
        return tuple(a) < tuple(b)
    }
}
