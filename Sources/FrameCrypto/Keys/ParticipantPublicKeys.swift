/// The public half of a ``ParticipantIdentity``: what the roster publishes about a
/// participant so that the leader can seal key shares to it and it can verify the leader.
public struct ParticipantPublicKeys: Hashable, Sendable {
    /// The size of an Ed25519 public key.
    public static let signingKeyByteCount = 32
    /// The size of an X25519 public key.
    public static let exchangeKeyByteCount = 32

    /// The participant's index in the meeting (never reused within a meeting).
    public let index: UInt32
    /// The Ed25519 public key that verifies the participant's signatures.
    public let signingKey: [UInt8]
    /// The X25519 public key that key shares are sealed to.
    public let exchangeKey: [UInt8]

    /// Public keys as published.
    ///
    /// - Throws: ``FrameCryptoError/invalidKeyLength(expected:actual:)`` unless both keys
    ///   are 32 bytes.
    public init(index: UInt32, signingKey: [UInt8], exchangeKey: [UInt8]) throws(FrameCryptoError) {
        guard signingKey.count == Self.signingKeyByteCount else {
            throw .invalidKeyLength(expected: Self.signingKeyByteCount, actual: signingKey.count)
        }
        guard exchangeKey.count == Self.exchangeKeyByteCount else {
            throw .invalidKeyLength(expected: Self.exchangeKeyByteCount, actual: exchangeKey.count)
        }
        self.index = index
        self.signingKey = signingKey
        self.exchangeKey = exchangeKey
    }
}
