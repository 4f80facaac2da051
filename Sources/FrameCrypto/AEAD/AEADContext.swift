/// A keyed AEAD context from one crypto library: made once from a key for one
/// ``AEADAlgorithm``, then used for every frame under that key.
///
/// A conforming type is one *backend*. It is `~Copyable` because it owns C resources
/// (an OpenSSL `EVP_CIPHER_CTX`, a libsodium key schedule) that its `deinit` wipes and
/// frees; ownership is unique, so a context is never shared between threads and needs no
/// lock. Each thread makes its own.
///
/// The per-frame calls, ``seal(nonce:aad:plaintext:ciphertext:tag:)`` and
/// ``open(nonce:aad:ciphertext:tag:plaintext:)``, make no heap allocation and take no lock —
/// with one documented exception, ``SwiftCryptoContext``, which calls swift-crypto's
/// public API as Swift developers do, and that API returns new `Data` on every call.
/// They work on caller-owned memory; the `Span`-based overloads in the extension below are
/// the safe front door for callers that do not manage raw buffers themselves.
///
/// Adding a backend means adding one type that conforms to this protocol, in one file,
/// and listing it in ``BackendRegistry``; no caller changes.
public protocol AEADContext: ~Copyable, SendableMetatype {
    /// What this backend is: its name, library and version, and whether it runs here.
    static var info: BackendInfo { get }

    /// The algorithms this backend implements; ``init(algorithm:key:)`` refuses any other.
    static var algorithms: [AEADAlgorithm] { get }

    /// Expands `key` (exactly `algorithm.keyByteCount` bytes) into a context keyed for
    /// `algorithm`.
    ///
    /// - Throws: ``FrameCryptoError/unsupportedAlgorithm(_:backend:)`` for an algorithm not in
    ///   ``algorithms``, ``FrameCryptoError/invalidKeyLength(expected:actual:)`` for a key of
    ///   the wrong size, ``FrameCryptoError/backendUnavailable(backend:reason:)`` when the
    ///   backend cannot run on this machine, or ``FrameCryptoError/libraryCallFailed(_:)``.
    init(algorithm: AEADAlgorithm, key: Span<UInt8>) throws(FrameCryptoError)

    /// The algorithm this context was keyed for.
    var algorithm: AEADAlgorithm { get }

    /// Encrypts `plaintext` into `ciphertext` and writes the tag (``algorithm``'s
    /// ``AEADAlgorithm/tagByteCount`` bytes) to `tag`.
    ///
    /// `ciphertext` must be as long as `plaintext` and either exactly `plaintext`'s memory
    /// (in place) or memory that does not overlap it; `tag` must have room for the tag.
    ///
    /// - Throws: ``FrameCryptoError/bufferSizeMismatch(expected:actual:)``,
    ///   ``FrameCryptoError/messageTooLong(_:)`` or ``FrameCryptoError/libraryCallFailed(_:)``.
    mutating func seal(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer,
        tag: UnsafeMutableRawPointer
    ) throws(FrameCryptoError)

    /// Checks `tag` (``algorithm``'s ``AEADAlgorithm/tagByteCount`` bytes) and decrypts `ciphertext` into `plaintext`.
    ///
    /// `plaintext` must be as long as `ciphertext` and either exactly `ciphertext`'s memory
    /// (in place) or memory that does not overlap it.
    ///
    /// Size checks come first: a `plaintext` of the wrong length, or an input longer than
    /// one call takes, is refused with ``FrameCryptoError/bufferSizeMismatch(expected:actual:)``
    /// or ``FrameCryptoError/messageTooLong(_:)`` before anything is decrypted or written,
    /// so `plaintext` keeps whatever it held (never plaintext of this call). Once
    /// decryption has started, a tag that does not verify or a library failure zeroes
    /// `plaintext` before the error is thrown, so no unauthenticated plaintext is ever left.
    ///
    /// - Throws: ``FrameCryptoError/authenticationFailed`` when the tag does not match;
    ///   ``FrameCryptoError/bufferSizeMismatch(expected:actual:)``,
    ///   ``FrameCryptoError/messageTooLong(_:)`` or ``FrameCryptoError/libraryCallFailed(_:)``.
    mutating func open(
        nonce: Nonce,
        aad: UnsafeRawBufferPointer,
        ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawPointer,
        plaintext: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError)
}

extension AEADContext where Self: ~Copyable {
    /// A context keyed for AES-256-GCM (``AEADAlgorithm/aes256GCM``), for callers that do
    /// not choose an algorithm: `init(algorithm: .aes256GCM, key: key)`.
    ///
    /// - Throws: as ``init(algorithm:key:)``.
    @inlinable
    public init(key: Span<UInt8>) throws(FrameCryptoError) {
        try self.init(algorithm: .aes256GCM, key: key)
    }

    /// Whether this backend implements `algorithm`.
    @inlinable
    public static func implements(_ algorithm: AEADAlgorithm) -> Bool {
        algorithms.contains(algorithm)
    }
}

/// A backend, named by its context type: `OpenSSLContext.self`, `SodiumContext.self`, ….
///
/// Generic code takes `some AEADContext & ~Copyable` type parameters so the per-frame calls
/// are specialised, not dispatched; an `AEADBackend` value opens into such a function with
/// Swift's implicit existential opening.
public typealias AEADBackend = any (AEADContext & ~Copyable).Type
