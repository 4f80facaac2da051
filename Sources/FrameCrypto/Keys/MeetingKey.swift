/// The meeting key of one epoch: 32 secret bytes shared by every participant present in
/// that epoch, from which each sender's SFrame `base_key` is derived
/// (see ``SenderKeySchedule``).
///
/// The leader makes a fresh one with ``generate(meetingID:epoch:)`` on every join and leave
/// and hands it to each participant in a ``KeyShare``. Epochs are strictly increasing
/// within a meeting; the first key of a meeting has epoch 1, and 0 means "no key yet".
///
/// `~Copyable`: the secret lives in a ``SecretBytes`` that is wiped when the key is
/// destroyed, and the key itself is never silently duplicated.
///
/// **One sender per stream per key.** A sender's SFrame key and salt are fully
/// determined by the meeting key, meeting id, epoch, participant and stream kind, and
/// every sender starts at counter 0. So the key records which senders were made from it
/// (``claimSender(participant:kind:)``, which ``ParticipantKeyring`` calls): a second
/// sender for the same stream in the same epoch is refused with
/// ``FrameCryptoError/senderKeyReused(keyID:)``, and the owner must move to a new epoch
/// instead (see `docs/keys.md`, "Rebuilding within an epoch"). The record travels with
/// this value: a key rebuilt from its secret bytes, or a share accepted again, starts a
/// fresh record, which is why ``ParticipantIdentity/accept(share:from:meetingID:currentEpoch:)``
/// refuses any epoch not newer than the caller's.
public struct MeetingKey: ~Copyable, Sendable {
    /// The size of the secret in bytes.
    public static let byteCount = 32

    /// The meeting this key belongs to.
    public let meetingID: MeetingID
    /// The epoch this key is for.
    public let epoch: UInt64
    /// The 32 secret bytes.
    let secret: SecretBytes
    /// The senders made from this key so far.
    let senders = SenderClaims()

    /// A meeting key made from existing secret bytes, such as those opened from a share.
    ///
    /// - Throws: ``FrameCryptoError/invalidKeyLength(expected:actual:)`` unless `secret`
    ///   is exactly 32 bytes.
    public init(meetingID: MeetingID, epoch: UInt64, secret: consuming SecretBytes) throws(FrameCryptoError) {
        guard secret.count == Self.byteCount else {
            throw .invalidKeyLength(expected: Self.byteCount, actual: secret.count)
        }
        self.meetingID = meetingID
        self.epoch = epoch
        self.secret = secret
    }

    /// A fresh meeting key: 32 bytes from libsodium's CSPRNG (`randombytes_buf`).
    public static func generate(meetingID: MeetingID, epoch: UInt64) -> MeetingKey {
        // 32 random bytes always have the right length.
        try! MeetingKey(meetingID: meetingID, epoch: epoch, secret: .random(count: byteCount))
    }

    /// Lends the 32 secret bytes for the duration of `body`.
    public func withSecretBytes<R: ~Copyable, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try secret.withUnsafeBytes(body)
    }

    /// Whether `other` is the same key: same meeting, same epoch and, compared in constant
    /// time, the same secret.
    public func matches(_ other: borrowing MeetingKey) -> Bool {
        meetingID == other.meetingID && epoch == other.epoch && secret.constantTimeEquals(other.secret)
    }

    /// The SFrame `base_key` of one sender's stream in this epoch; see
    /// ``SenderKeySchedule/baseKey(participant:kind:)`` for the construction. To derive
    /// many, make one ``SenderKeySchedule`` and reuse it.
    public func baseKey(participant: UInt32, kind: StreamKind) -> SecretBytes {
        SenderKeySchedule(meetingKey: self).baseKey(participant: participant, kind: kind)
    }

    /// Records that the sender of `participant`'s `kind` stream is being made from this
    /// key. Each stream can be claimed once: its counter starts at 0, so a second sender
    /// would reuse every nonce of the first.
    ///
    /// - Throws: ``FrameCryptoError/senderKeyReused(keyID:)`` when the stream was claimed
    ///   before; the caller needs a new epoch's key.
    public func claimSender(participant: UInt32, kind: StreamKind) throws(FrameCryptoError) {
        let keyID = SenderKeyID(participant: participant, kind: kind, epoch: epoch)
        guard senders.claim(keyID) else { throw .senderKeyReused(keyID: keyID.rawValue) }
    }

    /// Returns a claim whose sender was destroyed without sealing anything, so that a
    /// failed rekey can be retried with the same key.
    func releaseSender(participant: UInt32, kind: StreamKind) {
        senders.release(SenderKeyID(participant: participant, kind: kind, epoch: epoch))
    }

    /// A copy of the secret as an array, for tests only: the array is not wiped.
    /// `package`, like ``SecretBytes``'s: not part of the library's public API.
    package func exposedForTesting() -> [UInt8] {
        secret.exposedForTesting()
    }
}
