/// The public half of a ``ParticipantIdentity``: what the roster publishes about a
/// participant so that the leader can seal key shares to it and it can verify the leader.
///
/// As in Zoom's design, the per-meeting X25519 exchange key is bound to the participant's
/// long-term Ed25519 identity key: ``exchangeKeySignature`` is the identity key's
/// signature over ``exchangeKeyLabel`` ‖ meeting id (16) ‖ index (4, big-endian) ‖
/// exchange key (32). The leader checks it (``verifyExchangeKey()``) before sealing a
/// share to the exchange key, and a recipient checks the leader's before accepting a
/// share. A roster that swaps in its own exchange key, or replays one from another
/// meeting or seat, is thus caught; one that swaps the identity key too is a different
/// identity, which only an out-of-band check of identity keys can catch (see
/// `docs/keys.md`, "Threat model").
public struct ParticipantPublicKeys: Hashable, Sendable {
    /// The size of an Ed25519 public key.
    public static let signingKeyByteCount = 32
    /// The size of an X25519 public key.
    public static let exchangeKeyByteCount = 32
    /// The domain-separation prefix of the exchange key's signed message (26 ASCII bytes).
    public static let exchangeKeyLabel = "FrameBench exchange key v1"

    /// The participant's index in the meeting (never reused within a meeting).
    public let index: UInt32
    /// The meeting the exchange key was made for.
    public let meetingID: MeetingID
    /// The long-term Ed25519 public key that verifies the participant's signatures.
    public let signingKey: [UInt8]
    /// The per-meeting X25519 public key that key shares are sealed to.
    public let exchangeKey: [UInt8]
    /// The Ed25519 signature by ``signingKey`` over the exchange key, the meeting id and
    /// the index (see ``exchangeKeyMessage``).
    public let exchangeKeySignature: [UInt8]

    /// Public keys as published. The signature is checked by ``verifyExchangeKey()``, not
    /// here, so that a bad one can be reported by whoever relies on it.
    ///
    /// - Throws: ``FrameCryptoError/invalidKeyLength(expected:actual:)`` unless both keys
    ///   are 32 bytes and the signature 64.
    public init(
        index: UInt32, meetingID: MeetingID, signingKey: [UInt8], exchangeKey: [UInt8], exchangeKeySignature: [UInt8]
    ) throws(FrameCryptoError) {
        guard signingKey.count == Self.signingKeyByteCount else {
            throw .invalidKeyLength(expected: Self.signingKeyByteCount, actual: signingKey.count)
        }
        guard exchangeKey.count == Self.exchangeKeyByteCount else {
            throw .invalidKeyLength(expected: Self.exchangeKeyByteCount, actual: exchangeKey.count)
        }
        guard exchangeKeySignature.count == ParticipantIdentity.signatureByteCount else {
            throw .invalidKeyLength(expected: ParticipantIdentity.signatureByteCount, actual: exchangeKeySignature.count)
        }
        self.index = index
        self.meetingID = meetingID
        self.signingKey = signingKey
        self.exchangeKey = exchangeKey
        self.exchangeKeySignature = exchangeKeySignature
    }

    /// What the identity key signs: ``exchangeKeyLabel`` ‖ meeting id ‖ index BE32 ‖
    /// exchange key (78 bytes).
    public var exchangeKeyMessage: [UInt8] {
        Self.exchangeKeyMessage(meetingID: meetingID, index: index, exchangeKey: exchangeKey)
    }

    /// Checks that ``exchangeKeySignature`` is ``signingKey``'s signature over
    /// ``exchangeKeyMessage``: the exchange key was published by this identity, for this
    /// meeting and this index.
    ///
    /// - Throws: ``FrameCryptoError/exchangeKeyUnverified(index:)`` when it is not.
    public func verifyExchangeKey() throws(FrameCryptoError) {
        guard ParticipantIdentity.verify(signature: exchangeKeySignature, of: exchangeKeyMessage, by: self) else {
            throw .exchangeKeyUnverified(index: index)
        }
    }

    static func exchangeKeyMessage(meetingID: MeetingID, index: UInt32, exchangeKey: [UInt8]) -> [UInt8] {
        var message = Array(exchangeKeyLabel.utf8)
        message.reserveCapacity(message.count + MeetingID.byteCount + 4 + exchangeKeyByteCount)
        message.append(contentsOf: meetingID.bytes)
        KeyWire.append(index, to: &message)
        message.append(contentsOf: exchangeKey)
        return message
    }
}
