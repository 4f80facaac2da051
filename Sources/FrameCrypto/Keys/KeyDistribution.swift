import CSodium

/// Meeting-key distribution: the leader seals each epoch's key to every participant and
/// signs each share; each participant checks and opens its own.
///
/// Sealing a share (``makeShare(meetingKey:for:)``):
/// 0. check that the recipient's exchange key is signed by its identity key for this
///    meeting and index (``ParticipantPublicKeys/verifyExchangeKey()``; each published
///    value is verified once, the first time this identity sees it, as at a join);
/// 1. `k = crypto_box_beforenm(recipient X25519 pk, leader X25519 sk)`;
/// 2. `binding = BLAKE2b-256("FrameBench key binding v1" ‖ leader Ed25519 pk ‖ leader X25519 pk
///    ‖ recipient Ed25519 pk ‖ recipient X25519 pk)` (``KeyShare/binding(leader:recipient:)``);
/// 3. `ct = crypto_aead_xchacha20poly1305_ietf_encrypt(key: k, nonce: 24 random bytes,
///    ad: version ‖ meeting id ‖ epoch BE64 ‖ leader BE32 ‖ recipient BE32 ‖ binding,
///    plaintext: meeting key ‖ epoch BE64)`;
/// 4. `sig = crypto_sign_detached("FrameBench key share v2" ‖ ad ‖ nonce ‖ ct, leader Ed25519 sk)`.
///
/// See ``KeyShare`` for the wire layout. The two sides are separate calls so a harness can
/// time a rekey's leader work (``distribute(meetingKey:to:)``: N−1 key agreements, seals
/// and signatures, plus an exchange-key verification per recipient not seen before)
/// apart from one participant's (``accept(share:from:meetingID:currentEpoch:)``: one
/// verification, a key agreement and an open, plus one verification of a leader not seen
/// before).
extension ParticipantIdentity {
    /// Leader: seals and signs `meetingKey` for every recipient except the leader itself
    /// (a recipient with the leader's index is skipped), in the order given.
    ///
    /// - Throws: as ``makeShare(meetingKey:for:)``, for the first recipient that fails.
    public func distribute(
        meetingKey: borrowing MeetingKey, to recipients: [ParticipantPublicKeys]
    ) throws(FrameCryptoError) -> [KeyShare] {
        var shares: [KeyShare] = []
        shares.reserveCapacity(recipients.count)
        for recipient in recipients where recipient.index != index {
            shares.append(try makeShare(meetingKey: meetingKey, for: recipient))
        }
        return shares
    }

    /// Leader: seals and signs `meetingKey` for one recipient, after checking the
    /// recipient's published keys.
    ///
    /// - Throws: ``FrameCryptoError/wrongMeeting`` when the recipient's or the leader's
    ///   keys were made for another meeting than `meetingKey`'s;
    ///   ``FrameCryptoError/exchangeKeyUnverified(index:)`` when the recipient's exchange
    ///   key is not signed by its identity key for this meeting and index;
    ///   ``FrameCryptoError/libraryCallFailed(_:)`` when the recipient's X25519 public key
    ///   is unusable (a low-order point) or sealing fails.
    public func makeShare(
        meetingKey: borrowing MeetingKey, for recipient: ParticipantPublicKeys
    ) throws(FrameCryptoError) -> KeyShare {
        guard recipient.meetingID == meetingKey.meetingID, publicKeys.meetingID == meetingKey.meetingID else {
            throw .wrongMeeting
        }
        try verified.check(recipient)
        let binding = KeyShare.binding(leader: publicKeys, recipient: recipient)
        let pairwise = try pairwiseKey(with: recipient, failure: .libraryCallFailed("crypto_box_beforenm"))
        var plaintext = SecretBytes(zeroed: Self.sealedPlaintextByteCount)
        plaintext.withUnsafeMutableBytes { out in
            meetingKey.secret.withUnsafeBytes { key in out.copyMemory(from: key) }
            var epochBytes: [UInt8] = []
            KeyWire.append(meetingKey.epoch, to: &epochBytes)
            for (i, byte) in epochBytes.enumerated() { out[MeetingKey.byteCount + i] = byte }
        }
        var nonce = [UInt8](repeating: 0, count: KeyShare.nonceByteCount)
        nonce.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
        let ad = KeyShare.associatedData(
            meetingID: meetingKey.meetingID, epoch: meetingKey.epoch, leader: index, recipient: recipient.index,
            binding: binding)
        var ciphertext = [UInt8](repeating: 0, count: KeyShare.ciphertextByteCount)
        var written: UInt64 = 0
        let status = ciphertext.withUnsafeMutableBytes { c in
            plaintext.withUnsafeBytes { m in
                ad.withUnsafeBytes { a in
                    nonce.withUnsafeBytes { n in
                        pairwise.withUnsafeBytes { k in
                            crypto_aead_xchacha20poly1305_ietf_encrypt(
                                c.bytes!, &written, m.bytes, UInt64(m.count), a.bytes, UInt64(a.count), nil, n.bytes!, k.bytes!)
                        }
                    }
                }
            }
        }
        guard status == 0, written == UInt64(KeyShare.ciphertextByteCount) else {
            throw .libraryCallFailed("crypto_aead_xchacha20poly1305_ietf_encrypt")
        }
        let unsigned = KeyShare(
            meetingID: meetingKey.meetingID, epoch: meetingKey.epoch, leaderIndex: index,
            recipientIndex: recipient.index, binding: binding, nonce: nonce, ciphertext: ciphertext, signature: [])
        return KeyShare(
            meetingID: unsigned.meetingID, epoch: unsigned.epoch, leaderIndex: index, recipientIndex: recipient.index,
            binding: binding, nonce: nonce, ciphertext: ciphertext, signature: sign(unsigned.signedMessage))
    }

    /// Participant: checks `share` and opens the meeting key in it. The checks run in this
    /// order, each with its own error:
    ///
    /// 1. the share names `leader` as its signer and the signature verifies under
    ///    `leader`'s Ed25519 key, else ``FrameCryptoError/signatureInvalid``;
    /// 2. the share, this participant's keys and `leader`'s keys are all for `meetingID`,
    ///    else ``FrameCryptoError/wrongMeeting``;
    /// 3. the share is addressed to this participant, else
    ///    ``FrameCryptoError/wrongRecipient(expected:actual:)``;
    /// 4. `leader`'s exchange key is signed by its identity key for this meeting and
    ///    index, else ``FrameCryptoError/exchangeKeyUnverified(index:)``; so even a
    ///    joiner's first share, with nothing earlier to compare against, is checked;
    /// 5. the share's key binding is that of `leader`'s keys and this participant's own
    ///    signed keys, else ``FrameCryptoError/keyBindingMismatch``: the leader sealed it
    ///    to this participant's exchange key, not to one the roster substituted;
    /// 6. its epoch is newer than `currentEpoch` (0 when the participant has no key yet),
    ///    else ``FrameCryptoError/staleEpoch(received:current:)``, which also rejects a
    ///    replayed share;
    /// 7. it opens under `crypto_box_beforenm(leader X25519 pk, own X25519 sk)` and carries
    ///    the same epoch inside, else ``FrameCryptoError/malformedKeyShare(_:)``.
    public func accept(
        share: KeyShare, from leader: ParticipantPublicKeys, meetingID: MeetingID, currentEpoch: UInt64
    ) throws(FrameCryptoError) -> MeetingKey {
        guard share.isWellFormed else { throw .malformedKeyShare("a field has the wrong size") }
        guard share.leaderIndex == leader.index,
            Self.verify(signature: share.signature, of: share.signedMessage, by: leader)
        else { throw .signatureInvalid }
        guard share.meetingID == meetingID, leader.meetingID == meetingID, publicKeys.meetingID == meetingID else {
            throw .wrongMeeting
        }
        guard share.recipientIndex == index else {
            throw .wrongRecipient(expected: index, actual: share.recipientIndex)
        }
        try verified.check(leader)
        guard share.binding == KeyShare.binding(leader: leader, recipient: publicKeys) else { throw .keyBindingMismatch }
        guard share.epoch > currentEpoch else { throw .staleEpoch(received: share.epoch, current: currentEpoch) }
        let pairwise = try pairwiseKey(with: leader, failure: .malformedKeyShare("the leader's X25519 key is unusable"))
        var plaintext = SecretBytes(zeroed: Self.sealedPlaintextByteCount)
        let ad = share.associatedData
        let status = plaintext.withUnsafeMutableBytes { m in
            share.ciphertext.withUnsafeBytes { c in
                ad.withUnsafeBytes { a in
                    share.nonce.withUnsafeBytes { n in
                        pairwise.withUnsafeBytes { k in
                            crypto_aead_xchacha20poly1305_ietf_decrypt(
                                m.bytes, nil, nil, c.bytes!, UInt64(c.count), a.bytes, UInt64(a.count), n.bytes!, k.bytes!)
                        }
                    }
                }
            }
        }
        guard status == 0 else { throw .malformedKeyShare("the sealed key does not open") }
        var secret = SecretBytes(zeroed: MeetingKey.byteCount)
        let innerEpoch = plaintext.withUnsafeBytes { m in
            secret.withUnsafeMutableBytes { out in out.copyMemory(from: UnsafeRawBufferPointer(rebasing: m[..<MeetingKey.byteCount])) }
            return m[MeetingKey.byteCount...].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
        guard innerEpoch == share.epoch else { throw .malformedKeyShare("the epoch inside the share does not match") }
        return try MeetingKey(meetingID: share.meetingID, epoch: share.epoch, secret: secret)
    }

    /// The sealed plaintext: the 32-byte meeting key, then the epoch as 8 big-endian bytes.
    static let sealedPlaintextByteCount = MeetingKey.byteCount + 8
}
