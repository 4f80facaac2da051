// One enum, not one per domain (AEAD, SFrame, key distribution), on purpose: the domains
// nest. An SFrame open throws the AEAD's `authenticationFailed` and `bufferSizeMismatch`
// as well as its own `replayedCounter`; a key share opens with the AEAD and parses SFrame
// key ids. Split enums would make every SFrame and key-layer call either wrap the AEAD's
// errors (an extra case to match, and a payload to unwrap on the per-frame error path) or
// throw `any Error`, losing typed throws. One flat enum keeps `throws(FrameCryptoError)`
// precise everywhere and a `catch .authenticationFailed` the same at every layer.

/// Everything that can go wrong in FrameCrypto, each case saying what and, where it
/// helps, with which values. Per-frame failures carry no heap-allocated payload, so
/// throwing one on the hot path costs no allocation either.
public enum FrameCryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The authentication tag did not verify: the frame, its AAD, nonce or key is wrong.
    case authenticationFailed
    /// A key of the wrong size.
    case invalidKeyLength(expected: Int, actual: Int)
    /// A nonce that is not 96 bits.
    case invalidNonceLength(Int)
    /// A tag that is not the algorithm's size (a tag truncated further is rejected, never
    /// checked short).
    case invalidTagLength(Int)
    /// Output and input buffers of different sizes.
    case bufferSizeMismatch(expected: Int, actual: Int)
    /// A plaintext or AAD longer than one call accepts.
    case messageTooLong(Int)
    /// A C library call reported failure; the payload names the call.
    case libraryCallFailed(StaticString)
    /// The backend cannot run on this machine, and why.
    case backendUnavailable(backend: String, reason: String)
    /// No backend has this name; `known` lists the names that exist.
    case unknownBackend(String, known: [String])
    /// The backend does not implement this algorithm (see ``AEADContext/algorithms``).
    case unsupportedAlgorithm(AEADAlgorithm, backend: String)

    // SFrame framing and receiving.

    /// An SFrame header that is truncated or otherwise not well formed; the text says how.
    case malformedHeader(StaticString)
    /// A protected frame whose key id no installed key has.
    case unknownKeyID(UInt64)
    /// A counter already seen, or older than the replay window, for this key id.
    case replayedCounter(keyID: UInt64, counter: UInt64)
    /// The sender's counter reached its limit: sealing again would reuse a nonce.
    case counterExhausted(keyID: UInt64)
    /// An output buffer too small for the result.
    case bufferTooSmall(needed: Int, available: Int)
    /// A key store that is full.
    case keyStoreFull(capacity: Int)
    /// A counter more than `limit` past the highest one accepted for this key id (or, for
    /// the key's first frame, more than `limit` past 0): refused so that one forged frame
    /// cannot push the replay window beyond every genuine counter.
    case counterJumpTooLarge(keyID: UInt64, counter: UInt64, limit: UInt64)
    /// A key id that is already installed: re-adding it would reset its replay window.
    case duplicateKeyID(UInt64)
    /// A second sender for the same key id from the same meeting key: its counter would
    /// restart at 0 and reuse nonces. A new epoch (rekey) is needed.
    case senderKeyReused(keyID: UInt64)

    // Meeting-key distribution.

    /// A signature that does not verify under the claimed signer's key.
    case signatureInvalid
    /// A key share addressed to a different participant.
    case wrongRecipient(expected: UInt32, actual: UInt32)
    /// A key share or announcement for an epoch older than (or equal to) the current one.
    case staleEpoch(received: UInt64, current: UInt64)
    /// A key-distribution message that cannot be parsed, or whose share does not open.
    case malformedKeyShare(StaticString)
    /// A key share or key for a meeting other than the expected one.
    case wrongMeeting
    /// A participant's per-meeting exchange key whose signature does not verify under its
    /// long-term signing key for this meeting and index.
    case exchangeKeyUnverified(index: UInt32)
    /// A key share bound to other public keys than the recipient's own and its leader's:
    /// sealed to a substituted exchange key, or relayed under another roster.
    case keyBindingMismatch

    public var description: String {
        switch self {
        case .authenticationFailed:
            "authentication failed: the tag does not match (wrong key, nonce, AAD, or altered bytes)"
        case let .invalidKeyLength(expected, actual):
            "invalid key length: \(actual) bytes, expected \(expected)"
        case let .invalidNonceLength(n):
            "invalid nonce length: \(n) bytes, expected \(AESGCM.nonceByteCount)"
        case let .invalidTagLength(n):
            "invalid tag length: \(n) bytes, not the algorithm's tag size"
        case let .bufferSizeMismatch(expected, actual):
            "buffer size mismatch: \(actual) bytes, expected \(expected)"
        case let .messageTooLong(n):
            "message too long: \(n) bytes, at most \(AESGCM.maxMessageByteCount)"
        case let .libraryCallFailed(call):
            "library call failed: \(call)"
        case let .backendUnavailable(backend, reason):
            "backend '\(backend)' is unavailable: \(reason)"
        case let .unknownBackend(name, known):
            "unknown backend '\(name)'; known backends: \(known.joined(separator: ", "))"
        case let .unsupportedAlgorithm(algorithm, backend):
            "backend '\(backend)' does not implement \(algorithm)"
        case let .malformedHeader(reason):
            "malformed SFrame header: \(reason)"
        case let .unknownKeyID(kid):
            "unknown key id \(kid)"
        case let .replayedCounter(kid, counter):
            "replayed counter \(counter) for key id \(kid) (already seen or older than the replay window)"
        case let .counterExhausted(kid):
            "counter exhausted for key id \(kid): sealing again would reuse a nonce; rekey"
        case let .bufferTooSmall(needed, available):
            "buffer too small: \(available) bytes, \(needed) needed"
        case let .keyStoreFull(capacity):
            "key store full: \(capacity) keys"
        case let .counterJumpTooLarge(kid, counter, limit):
            "counter \(counter) for key id \(kid) jumps more than \(limit) past the highest accepted (forged or far too late)"
        case let .duplicateKeyID(kid):
            "key id \(kid) is already installed; remove it first (re-adding would reset its replay window)"
        case let .senderKeyReused(kid):
            "a sender for key id \(kid) was already made from this meeting key: its counter would restart and reuse nonces; rekey to a new epoch"
        case .signatureInvalid:
            "signature does not verify"
        case let .wrongRecipient(expected, actual):
            "key share addressed to participant \(actual), not \(expected)"
        case let .staleEpoch(received, current):
            "stale epoch \(received): current epoch is \(current)"
        case let .malformedKeyShare(reason):
            "malformed key share: \(reason)"
        case .wrongMeeting:
            "key share or key for another meeting"
        case let .exchangeKeyUnverified(index):
            "participant \(index)'s exchange key is not signed by its identity key for this meeting and index"
        case .keyBindingMismatch:
            "key share made for other public keys than the recipient's signed exchange key and the leader's"
        }
    }

    public static func == (lhs: FrameCryptoError, rhs: FrameCryptoError) -> Bool {
        switch (lhs, rhs) {
        case (.authenticationFailed, .authenticationFailed): true
        case let (.invalidKeyLength(a, b), .invalidKeyLength(c, d)): a == c && b == d
        case let (.invalidNonceLength(a), .invalidNonceLength(b)): a == b
        case let (.invalidTagLength(a), .invalidTagLength(b)): a == b
        case let (.bufferSizeMismatch(a, b), .bufferSizeMismatch(c, d)): a == c && b == d
        case let (.messageTooLong(a), .messageTooLong(b)): a == b
        case let (.libraryCallFailed(a), .libraryCallFailed(b)): a.description == b.description
        case let (.backendUnavailable(a, b), .backendUnavailable(c, d)): a == c && b == d
        case let (.unknownBackend(a, b), .unknownBackend(c, d)): a == c && b == d
        case let (.unsupportedAlgorithm(a, b), .unsupportedAlgorithm(c, d)): a == c && b == d
        case let (.malformedHeader(a), .malformedHeader(b)): a.description == b.description
        case let (.unknownKeyID(a), .unknownKeyID(b)): a == b
        case let (.replayedCounter(a, b), .replayedCounter(c, d)): a == c && b == d
        case let (.counterExhausted(a), .counterExhausted(b)): a == b
        case let (.bufferTooSmall(a, b), .bufferTooSmall(c, d)): a == c && b == d
        case let (.keyStoreFull(a), .keyStoreFull(b)): a == b
        case (.signatureInvalid, .signatureInvalid): true
        case let (.wrongRecipient(a, b), .wrongRecipient(c, d)): a == c && b == d
        case let (.staleEpoch(a, b), .staleEpoch(c, d)): a == c && b == d
        case let (.malformedKeyShare(a), .malformedKeyShare(b)): a.description == b.description
        case let (.counterJumpTooLarge(a, b, c), .counterJumpTooLarge(d, e, f)): a == d && b == e && c == f
        case let (.duplicateKeyID(a), .duplicateKeyID(b)): a == b
        case let (.senderKeyReused(a), .senderKeyReused(b)): a == b
        case (.wrongMeeting, .wrongMeeting): true
        case let (.exchangeKeyUnverified(a), .exchangeKeyUnverified(b)): a == b
        case (.keyBindingMismatch, .keyBindingMismatch): true
        default: false
        }
    }
}
