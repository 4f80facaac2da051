/// Derives each sender's SFrame `base_key` from one epoch's ``MeetingKey``, with
/// HKDF-SHA-512 (RFC 5869), binding the meeting, the epoch, the sender and the stream:
///
/// ```
/// prk      = HKDF-Extract(salt = "FrameBench meeting v1",           // 21 ASCII bytes
///                         ikm  = meeting key)                       // 32 bytes
/// info     = "FrameBench sender "                                   // 18 ASCII bytes, trailing space
///            ‖ meeting id                                           // 16 bytes
///            ‖ epoch                                                // 8 bytes, big-endian
///            ‖ participant index                                    // 4 bytes, big-endian
///            ‖ stream kind                                          // 1 byte: 0 audio, 1 video, 2 screen
/// base_key = HKDF-Expand(prk, info, 32)                             // info is 47 bytes
/// ```
///
/// SFrame then derives its own AES-256-GCM key and salt from `base_key` (RFC 9605 §4.4.2).
/// The extract step runs once per schedule, so deriving every sender's key for an epoch
/// costs one HKDF-Expand (two HMAC-SHA-512 blocks' worth) each.
///
/// `~Copyable`: the pseudorandom key is a ``SecretBytes`` wiped on destruction.
public struct SenderKeySchedule: ~Copyable, Sendable {
    /// The HKDF-Extract salt.
    public static let extractSalt = "FrameBench meeting v1"
    /// The prefix of every HKDF-Expand info string.
    public static let infoLabel = "FrameBench sender "
    /// The size of a base key: AES-256-GCM's key size, as SFrame's
    /// AES_256_GCM_SHA512_128 suite uses.
    public static let baseKeyByteCount = 32

    /// The meeting the schedule's key belongs to.
    public let meetingID: MeetingID
    /// The epoch the schedule derives keys for.
    public let epoch: UInt64
    private let prk: SecretBytes

    /// A schedule for `meetingKey`'s epoch: runs HKDF-Extract once.
    public init(meetingKey: borrowing MeetingKey) {
        meetingID = meetingKey.meetingID
        epoch = meetingKey.epoch
        let salt = Array(Self.extractSalt.utf8)
        prk = meetingKey.secret.withSpan { ikm in HKDF.extract(salt: salt.span, ikm: ikm) }
    }

    /// The 32-byte SFrame `base_key` of `participant`'s `kind` stream in this epoch.
    /// Deterministic: equal inputs give equal keys on every participant.
    public func baseKey(participant: UInt32, kind: StreamKind) -> SecretBytes {
        let info = Self.info(meetingID: meetingID, epoch: epoch, participant: participant, kind: kind)
        return HKDF.expand(prk: prk, info: info.span, length: Self.baseKeyByteCount)
    }

    /// The 32-byte SFrame `base_key` of the stream `keyID` names in this epoch.
    public func baseKey(for keyID: SenderKeyID) -> SecretBytes {
        baseKey(participant: keyID.participant, kind: keyID.kind)
    }

    /// The HKDF-Expand info string for one sender's stream (47 bytes).
    static func info(meetingID: MeetingID, epoch: UInt64, participant: UInt32, kind: StreamKind) -> [UInt8] {
        var info: [UInt8] = []
        info.reserveCapacity(infoLabel.utf8.count + MeetingID.byteCount + 13)
        KeyWire.append(label: infoLabel, to: &info)
        info.append(contentsOf: meetingID.bytes)
        KeyWire.append(epoch, to: &info)
        KeyWire.append(participant, to: &info)
        info.append(kind.rawValue)
        return info
    }
}
