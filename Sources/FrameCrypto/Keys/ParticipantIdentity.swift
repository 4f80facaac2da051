import CSodium

/// One participant's key pairs for a meeting, as in Zoom's E2EE design: a long-lived
/// Ed25519 signing key pair (`crypto_sign_keypair`) and an ephemeral, per-meeting X25519
/// key-exchange pair (`crypto_box_keypair`), whose public key the signing key signs for
/// the meeting and index (see ``ParticipantPublicKeys``).
///
/// The same type plays both roles in key distribution: the leader calls
/// ``distribute(meetingKey:to:)``, every other participant calls
/// ``accept(share:from:meetingID:currentEpoch:)``.
///
/// `~Copyable`: both secret keys are ``SecretBytes``, wiped when the identity is destroyed.
public struct ParticipantIdentity: ~Copyable, Sendable {
    /// The size of an Ed25519 secret key in libsodium's encoding (seed ‖ public key).
    public static let signingSecretKeyByteCount = 64
    /// The size of an X25519 secret key.
    public static let exchangeSecretKeyByteCount = 32
    /// The size of an Ed25519 signature.
    public static let signatureByteCount = 64

    /// The public keys, with the index, as the roster publishes them.
    public let publicKeys: ParticipantPublicKeys
    let signingSecretKey: SecretBytes
    let exchangeSecretKey: SecretBytes
    /// Others' published keys this identity has verified (as leader or recipient).
    let verified = VerifiedKeys()

    /// The participant's index in the meeting.
    public var index: UInt32 { publicKeys.index }

    /// Fresh key pairs for the participant at `index` in meeting `meetingID`, with the
    /// exchange key signed by the signing key.
    public init(index: UInt32, meetingID: MeetingID) {
        precondition(Sodium.initialised, "sodium_init() failed")
        var signingPublic = [UInt8](repeating: 0, count: ParticipantPublicKeys.signingKeyByteCount)
        var exchangePublic = [UInt8](repeating: 0, count: ParticipantPublicKeys.exchangeKeyByteCount)
        var signingSecret = SecretBytes(zeroed: Self.signingSecretKeyByteCount)
        var exchangeSecret = SecretBytes(zeroed: Self.exchangeSecretKeyByteCount)
        let signed = signingSecret.withUnsafeMutableBytes { sk in
            signingPublic.withUnsafeMutableBytes { pk in crypto_sign_keypair(pk.bytes!, sk.bytes!) }
        }
        precondition(signed == 0, "crypto_sign_keypair failed")
        let boxed = exchangeSecret.withUnsafeMutableBytes { sk in
            exchangePublic.withUnsafeMutableBytes { pk in crypto_box_keypair(pk.bytes!, sk.bytes!) }
        }
        precondition(boxed == 0, "crypto_box_keypair failed")
        let message = ParticipantPublicKeys.exchangeKeyMessage(meetingID: meetingID, index: index, exchangeKey: exchangePublic)
        let signature = Self.sign(message, with: signingSecret)
        // Every array has the right size by construction.
        publicKeys = try! ParticipantPublicKeys(
            index: index, meetingID: meetingID, signingKey: signingPublic, exchangeKey: exchangePublic,
            exchangeKeySignature: signature)
        signingSecretKey = signingSecret
        exchangeSecretKey = exchangeSecret
    }

    /// This identity's public keys with `exchangeKey` in place of its own, signed by its
    /// identity key for its meeting and index: what a malicious member could publish.
    /// For tests only.
    package func publishingForTesting(exchangeKey: [UInt8]) -> ParticipantPublicKeys {
        let keys = publicKeys
        let message = ParticipantPublicKeys.exchangeKeyMessage(meetingID: keys.meetingID, index: keys.index, exchangeKey: exchangeKey)
        // The sizes are checked by the initialiser; tests pass 32 bytes.
        return try! ParticipantPublicKeys(
            index: keys.index, meetingID: keys.meetingID, signingKey: keys.signingKey, exchangeKey: exchangeKey,
            exchangeKeySignature: sign(message))
    }

    /// The 32-byte key this participant shares with `peer`:
    /// `crypto_box_beforenm(peer's X25519 public key, own X25519 secret key)`, that is
    /// HSalsa20 of the X25519 shared secret. Symmetric: the peer derives the same key.
    ///
    /// - Throws: `failure` when the peer's public key is a low-order point.
    func pairwiseKey(with peer: ParticipantPublicKeys, failure: FrameCryptoError) throws(FrameCryptoError) -> SecretBytes {
        var key = SecretBytes(zeroed: Int(crypto_box_beforenmbytes()))
        let status = key.withUnsafeMutableBytes { k in
            peer.exchangeKey.withUnsafeBytes { pk in
                exchangeSecretKey.withUnsafeBytes { sk in crypto_box_beforenm(k.bytes!, pk.bytes!, sk.bytes!) }
            }
        }
        guard status == 0 else { throw failure }
        return key
    }

    /// An Ed25519 signature (`crypto_sign_detached`) over `message`.
    func sign(_ message: [UInt8]) -> [UInt8] {
        Self.sign(message, with: signingSecretKey)
    }

    /// An Ed25519 signature over `message` by the secret key `signingSecretKey`.
    static func sign(_ message: [UInt8], with signingSecretKey: borrowing SecretBytes) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: Self.signatureByteCount)
        let status = signature.withUnsafeMutableBytes { sig in
            message.withUnsafeBytes { m in
                signingSecretKey.withUnsafeBytes { sk in
                    crypto_sign_detached(sig.bytes!, nil, m.bytes, UInt64(m.count), sk.bytes!)
                }
            }
        }
        precondition(status == 0, "crypto_sign_detached failed")
        return signature
    }

    /// Whether `signature` is `signer`'s Ed25519 signature over `message`
    /// (`crypto_sign_verify_detached`).
    static func verify(signature: [UInt8], of message: [UInt8], by signer: ParticipantPublicKeys) -> Bool {
        guard signature.count == signatureByteCount else { return false }
        return signature.withUnsafeBytes { sig in
            message.withUnsafeBytes { m in
                signer.signingKey.withUnsafeBytes { pk in
                    crypto_sign_verify_detached(sig.bytes!, m.bytes, UInt64(m.count), pk.bytes!) == 0
                }
            }
        }
    }
}
