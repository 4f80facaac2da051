/// The SFrame key id (KID) of one sender's stream in one epoch, packed into a `UInt64`
/// the way SFrame's MLS mode (RFC 9605 §5.2) packs epoch and sender index, with the stream
/// kind in between:
///
/// ```
/// bit  63 ........ 38 37 ............. 6  5   4  3   2   1   0
///      0 (reserved)   participant index   kind    epoch mod 16
///                     (32 bits)           (2)     (4 bits)
/// KID = UInt64(index) << 6 | UInt64(kind.rawValue) << 4 | (epoch & 0xF)
/// ```
///
/// Only the epoch's low 4 bits are carried: a receiver holds the keys of at most the
/// current and the previous epoch (see ``ParticipantKeyring``), which always differ in
/// those bits when epochs advance by fewer than 16 at a time.
///
/// The layout keeps typical KIDs short in the SFrame header (RFC 9605 §4.3), which
/// carries a KID below 8 inside its config byte and any other in the fewest big-endian
/// bytes: participant 0's audio in epochs 0–7 costs no extra byte, participants 0–3 one
/// byte, and participants 0–1023 at most two bytes (see ``sframeKIDByteCount``).
public struct SenderKeyID: Hashable, Sendable, CustomStringConvertible {
    /// How many low bits of the epoch the KID carries.
    public static let epochBitCount = 4
    /// How many bits the stream kind takes, above the epoch bits.
    public static let kindBitCount = 2
    /// Where the participant index starts: bit 6.
    public static let indexShift = epochBitCount + kindBitCount

    /// The sending participant's index in the meeting.
    public let participant: UInt32
    /// Which of the participant's streams.
    public let kind: StreamKind
    /// The epoch modulo 16 (`epoch & 0xF`).
    public let epochLowBits: UInt8

    /// The key id of `participant`'s `kind` stream in `epoch`.
    public init(participant: UInt32, kind: StreamKind, epoch: UInt64) {
        self.participant = participant
        self.kind = kind
        self.epochLowBits = UInt8(truncatingIfNeeded: epoch & Self.epochMask)
    }

    /// Unpacks a KID, or `nil` when it is not one this layout produces: a reserved stream
    /// kind (3) or any of bits 38–63 set.
    public init?(rawValue: UInt64) {
        guard rawValue >> (Self.indexShift + 32) == 0,
            let kind = StreamKind(rawValue: UInt8(truncatingIfNeeded: (rawValue >> Self.epochBitCount) & Self.kindMask))
        else { return nil }
        self.participant = UInt32(truncatingIfNeeded: rawValue >> Self.indexShift)
        self.kind = kind
        self.epochLowBits = UInt8(truncatingIfNeeded: rawValue & Self.epochMask)
    }

    /// The packed KID: `index << 6 | kind << 4 | epoch & 0xF`.
    public var rawValue: UInt64 {
        UInt64(participant) << Self.indexShift | UInt64(kind.rawValue) << Self.epochBitCount | UInt64(epochLowBits)
    }

    /// The most recent epoch no later than `current` whose low bits are ``epochLowBits``,
    /// or `nil` when there is none: how a receiver that knows the current epoch resolves
    /// the KID's truncated epoch.
    public func latestEpoch(notAfter current: UInt64) -> UInt64? {
        let back = (current &- UInt64(epochLowBits)) & Self.epochMask
        return back <= current ? current - back : nil
    }

    /// How many bytes the SFrame header spends on this KID besides its config byte:
    /// 0 when the KID is below 8, else the KID's length in minimal big-endian bytes.
    public var sframeKIDByteCount: Int {
        let kid = rawValue
        return kid < 8 ? 0 : (UInt64.bitWidth - kid.leadingZeroBitCount + 7) / 8
    }

    /// The KID and its fields, for messages and logs.
    public var description: String {
        "KID \(rawValue) (participant \(participant), \(kind), epoch ≡ \(epochLowBits) mod 16)"
    }

    private static let epochMask: UInt64 = (1 << epochBitCount) - 1
    private static let kindMask: UInt64 = (1 << kindBitCount) - 1
}
