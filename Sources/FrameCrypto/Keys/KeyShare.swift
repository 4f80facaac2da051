/// One epoch's meeting key sealed by the leader to one recipient, and signed: what the
/// leader publishes for each participant on every rekey. Not secret; not on the per-frame
/// path, so it is plain arrays.
///
/// The wire form, ``serialized``, is 209 bytes, integers big-endian:
///
/// ```
/// offset size  field
///    0     1   version (2)
///    1    16   meeting id
///   17     8   epoch
///   25     4   leader index
///   29     4   recipient index
///   33    32   key binding: BLAKE2b-256 of both parties' public keys (see below)
///   65    24   XChaCha20-Poly1305 nonce (random)
///   89    56   ciphertext of (meeting key (32) ‖ epoch (8, big-endian)), then the 16-byte tag
///  145    64   Ed25519 signature
/// ```
///
/// The AEAD's associated data is bytes 0..<65 (version through key binding). The
/// signature is over ``signatureLabel`` ‖ bytes 0..<145: everything but the signature.
///
/// The key binding (``binding(leader:recipient:)``) is
/// `crypto_generichash(32, "FrameBench key binding v1" ‖ leader Ed25519 pk ‖ leader X25519 pk
/// ‖ recipient Ed25519 pk ‖ recipient X25519 pk)`: the share is valid only between exactly
/// those keys, so a share sealed to a substituted exchange key, or checked against a
/// substituted leader, is refused with ``FrameCryptoError/keyBindingMismatch``.
public struct KeyShare: Hashable, Sendable {
    /// The format version this code writes and accepts.
    public static let version: UInt8 = 2
    /// The size of a serialised share.
    public static let byteCount = 209
    /// The size of the XChaCha20-Poly1305 nonce.
    public static let nonceByteCount = 24
    /// The size of the sealed payload: 32-byte key, 8-byte epoch and 16-byte tag.
    public static let ciphertextByteCount = MeetingKey.byteCount + 8 + 16
    /// The size of the key binding.
    public static let bindingByteCount = 32
    /// The domain-separation prefix of the signed message (23 ASCII bytes).
    public static let signatureLabel = "FrameBench key share v2"
    /// The domain-separation prefix of the key binding's hash input (25 ASCII bytes).
    public static let bindingLabel = "FrameBench key binding v1"

    static let associatedDataByteCount = 33 + bindingByteCount
    static let signedByteCount = associatedDataByteCount + nonceByteCount + ciphertextByteCount

    /// The meeting the key belongs to.
    public let meetingID: MeetingID
    /// The epoch of the sealed key.
    public let epoch: UInt64
    /// The index of the leader that made and signed the share.
    public let leaderIndex: UInt32
    /// The index of the participant the share is sealed to.
    public let recipientIndex: UInt32
    /// BLAKE2b-256 of the leader's and the recipient's public keys; see
    /// ``binding(leader:recipient:)``.
    public let binding: [UInt8]
    /// The 24-byte XChaCha20-Poly1305 nonce.
    public let nonce: [UInt8]
    /// The sealed key and epoch with the Poly1305 tag (56 bytes).
    public let ciphertext: [UInt8]
    /// The leader's Ed25519 signature over everything else (64 bytes).
    public let signature: [UInt8]

    /// A share from its parts; the leader's ``ParticipantIdentity/makeShare(meetingKey:for:)``
    /// is the usual way to make one. Sizes are checked when the share is accepted.
    public init(
        meetingID: MeetingID, epoch: UInt64, leaderIndex: UInt32, recipientIndex: UInt32,
        binding: [UInt8], nonce: [UInt8], ciphertext: [UInt8], signature: [UInt8]
    ) {
        self.meetingID = meetingID
        self.epoch = epoch
        self.leaderIndex = leaderIndex
        self.recipientIndex = recipientIndex
        self.binding = binding
        self.nonce = nonce
        self.ciphertext = ciphertext
        self.signature = signature
    }

    /// Parses a serialised share. Only the layout is checked here; the signature and the
    /// sealed key are checked by ``ParticipantIdentity/accept(share:from:meetingID:currentEpoch:)``.
    ///
    /// - Throws: ``FrameCryptoError/malformedKeyShare(_:)`` when `bytes` is truncated, has
    ///   trailing bytes, or has an unknown version.
    public init(serialized bytes: [UInt8]) throws(FrameCryptoError) {
        guard bytes.count >= Self.byteCount else { throw .malformedKeyShare("truncated") }
        guard bytes.count == Self.byteCount else { throw .malformedKeyShare("trailing bytes after the signature") }
        guard bytes[0] == Self.version else { throw .malformedKeyShare("unsupported version") }
        let bindingStart = 33
        let nonceStart = Self.associatedDataByteCount
        let ciphertextStart = nonceStart + Self.nonceByteCount
        let signatureStart = ciphertextStart + Self.ciphertextByteCount
        self.init(
            meetingID: MeetingID(bytes: Array(bytes[1..<17]))!,
            epoch: KeyWire.read(UInt64.self, from: bytes, at: 17),
            leaderIndex: KeyWire.read(UInt32.self, from: bytes, at: 25),
            recipientIndex: KeyWire.read(UInt32.self, from: bytes, at: 29),
            binding: Array(bytes[bindingStart..<nonceStart]),
            nonce: Array(bytes[nonceStart..<ciphertextStart]),
            ciphertext: Array(bytes[ciphertextStart..<signatureStart]),
            signature: Array(bytes[signatureStart...]))
    }

    /// The 209-byte wire form.
    public var serialized: [UInt8] {
        var bytes = unsignedBytes
        bytes.append(contentsOf: signature)
        return bytes
    }

    /// Whether every field has its fixed size.
    var isWellFormed: Bool {
        binding.count == Self.bindingByteCount && nonce.count == Self.nonceByteCount
            && ciphertext.count == Self.ciphertextByteCount
            && signature.count == ParticipantIdentity.signatureByteCount
    }

    /// Version, meeting id, epoch, leader, recipient and key binding: the AEAD's
    /// associated data.
    var associatedData: [UInt8] {
        Self.associatedData(
            meetingID: meetingID, epoch: epoch, leader: leaderIndex, recipient: recipientIndex, binding: binding)
    }

    /// What the leader signs: the label, then every field but the signature.
    var signedMessage: [UInt8] {
        Array(Self.signatureLabel.utf8) + unsignedBytes
    }

    /// The serialised share without its signature.
    private var unsignedBytes: [UInt8] {
        var bytes = associatedData
        bytes.reserveCapacity(Self.byteCount)
        bytes.append(contentsOf: nonce)
        bytes.append(contentsOf: ciphertext)
        return bytes
    }

    static func associatedData(
        meetingID: MeetingID, epoch: UInt64, leader: UInt32, recipient: UInt32, binding: [UInt8]
    ) -> [UInt8] {
        var bytes: [UInt8] = [version]
        bytes.reserveCapacity(associatedDataByteCount)
        bytes.append(contentsOf: meetingID.bytes)
        KeyWire.append(epoch, to: &bytes)
        KeyWire.append(leader, to: &bytes)
        KeyWire.append(recipient, to: &bytes)
        bytes.append(contentsOf: binding)
        return bytes
    }

    /// The key binding of a share from `leader` to `recipient`: BLAKE2b-256
    /// (`crypto_generichash`) of ``bindingLabel`` ‖ leader Ed25519 pk ‖ leader X25519 pk ‖
    /// recipient Ed25519 pk ‖ recipient X25519 pk.
    public static func binding(leader: ParticipantPublicKeys, recipient: ParticipantPublicKeys) -> [UInt8] {
        var input = Array(bindingLabel.utf8)
        input.reserveCapacity(input.count + 4 * 32)
        input += leader.signingKey + leader.exchangeKey + recipient.signingKey + recipient.exchangeKey
        return Hash.blake2b256(input)
    }
}
