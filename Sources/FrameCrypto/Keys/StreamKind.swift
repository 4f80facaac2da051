/// The kind of media stream a sender's key protects. Each participant sends at most one
/// stream of each kind, and each has its own SFrame key, so counters never collide
/// between a participant's streams.
///
/// The raw value is the 2-bit field in a ``SenderKeyID`` and the last byte of the
/// HKDF info in ``SenderKeySchedule``; 3 is reserved.
public enum StreamKind: UInt8, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    /// Microphone audio.
    case audio = 0
    /// Camera video.
    case video = 1
    /// Screen sharing.
    case screen = 2

    /// The kind's name: `audio`, `video` or `screen`.
    public var description: String {
        switch self {
        case .audio: "audio"
        case .video: "video"
        case .screen: "screen"
        }
    }
}
