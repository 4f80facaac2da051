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
    /// A tag that is not 128 bits (a truncated tag is rejected, never checked short).
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

    public var description: String {
        switch self {
        case .authenticationFailed:
            "authentication failed: the tag does not match (wrong key, nonce, AAD, or altered bytes)"
        case let .invalidKeyLength(expected, actual):
            "invalid key length: \(actual) bytes, expected \(expected)"
        case let .invalidNonceLength(n):
            "invalid nonce length: \(n) bytes, expected \(AESGCM.nonceByteCount)"
        case let .invalidTagLength(n):
            "invalid tag length: \(n) bytes, expected \(AESGCM.tagByteCount)"
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
        default: false
        }
    }
}
