/// SFrame's key schedule (RFC 9605 §4.4.2) for a cipher suite (``SFrameCipherSuite``; the
/// default is `AES_256_GCM_SHA512_128`, 0x0005):
///
/// ```text
/// sframe_secret = HKDF-Extract("", base_key)                 // the suite's hash
/// sframe_key    = HKDF-Expand(sframe_secret, key_label, Nk)
/// sframe_salt   = HKDF-Expand(sframe_secret, salt_label, Nn)
/// key_label     = "SFrame 1.0 Secret key "  ‖ KID (8 bytes BE) ‖ cipher suite (2 bytes BE)
/// salt_label    = "SFrame 1.0 Secret salt " ‖ KID (8 bytes BE) ‖ cipher suite (2 bytes BE)
/// ```
///
/// The hash is SHA-256 for suites 1–4 and SHA-512 for 5–8; `Nk` is 16, 32, 48 (AES-128-CTR
/// key ‖ HMAC-SHA-256 key) or 96 (AES-256-CTR key ‖ HMAC-SHA-512 key). Each step is exposed
/// so that tests and the vector generator can show every intermediate value. Key setup
/// only: nothing here runs per frame.
public enum SFrameKeySchedule {
    /// The default cipher suite's number: `AES_256_GCM_SHA512_128`.
    public static let cipherSuite: UInt16 = SFrameCipherSuite.default.rawValue
    /// The default suite's `Nk`: the AEAD key size in bytes.
    public static let keyByteCount = SFrameCipherSuite.default.keyByteCount
    /// `Nn`: the salt (nonce) size in bytes, 12 for every suite.
    public static let saltByteCount = AESGCM.nonceByteCount
    /// The default suite's `Nt`: the tag size in bytes.
    public static let tagByteCount = SFrameCipherSuite.default.tagByteCount

    /// The ASCII prefix of the key label.
    public static let keyLabelPrefix = "SFrame 1.0 Secret key "
    /// The ASCII prefix of the salt label.
    public static let saltLabelPrefix = "SFrame 1.0 Secret salt "

    /// `key_label` for `keyID` and `suite`: 32 bytes.
    public static func keyLabel(keyID: UInt64, suite: SFrameCipherSuite = .default) -> [UInt8] {
        label(prefix: keyLabelPrefix, keyID: keyID, suite: suite)
    }

    /// `salt_label` for `keyID` and `suite`: 33 bytes.
    public static func saltLabel(keyID: UInt64, suite: SFrameCipherSuite = .default) -> [UInt8] {
        label(prefix: saltLabelPrefix, keyID: keyID, suite: suite)
    }

    /// `sframe_secret = HKDF-Extract("", base_key)` with `suite`'s hash: 32 or 64 bytes.
    public static func secret(baseKey: borrowing SecretBytes, suite: SFrameCipherSuite = .default) -> SecretBytes {
        let empty: [UInt8] = []
        return baseKey.withSpan { ikm in HKDF.extract(salt: empty.span, ikm: ikm, hash: suite.kdfHash) }
    }

    /// `sframe_key = HKDF-Expand(sframe_secret, key_label, Nk)`.
    public static func key(secret: borrowing SecretBytes, keyID: UInt64, suite: SFrameCipherSuite = .default) -> SecretBytes {
        let info = keyLabel(keyID: keyID, suite: suite)
        return HKDF.expand(prk: secret, info: info.span, length: suite.keyByteCount, hash: suite.kdfHash)
    }

    /// `sframe_salt = HKDF-Expand(sframe_secret, salt_label, Nn)`, as a nonce to XOR
    /// counters into.
    public static func salt(secret: borrowing SecretBytes, keyID: UInt64, suite: SFrameCipherSuite = .default) -> Nonce {
        let info = saltLabel(keyID: keyID, suite: suite)
        let bytes = HKDF.expand(prk: secret, info: info.span, length: saltByteCount, hash: suite.kdfHash)
        var salt = Nonce()
        bytes.withUnsafeBytes { raw in
            for i in 0..<saltByteCount { salt.bytes[i] = raw[i] }
        }
        return salt
    }

    /// The per-frame nonce: `sframe_salt XOR counter` (RFC 9605 §4.4.3).
    @inlinable
    public static func nonce(salt: Nonce, counter: UInt64) -> Nonce {
        salt.xor(counter: counter)
    }

    /// A context keyed for `suite`'s AEAD and the salt for `keyID`, derived from `baseKey`.
    /// The intermediate secret and key are wiped when this returns.
    ///
    /// - Throws: whatever `Context(algorithm:key:)` throws, such as
    ///   ``FrameCryptoError/unsupportedAlgorithm(_:backend:)`` for a suite the backend lacks.
    public static func derive<Context: AEADContext & ~Copyable>(
        baseKey: borrowing SecretBytes, keyID: UInt64, suite: SFrameCipherSuite = .default,
        as type: Context.Type = Context.self
    ) throws(FrameCryptoError) -> SFrameKeyedContext<Context> {
        guard Context.algorithms.contains(suite.aead) else {
            throw .unsupportedAlgorithm(suite.aead, backend: Context.info.name)
        }
        let secret = Self.secret(baseKey: baseKey, suite: suite)
        let key = Self.key(secret: secret, keyID: keyID, suite: suite)
        let context = try key.withSpan { (span) throws(FrameCryptoError) -> Context in
            try Context(algorithm: suite.aead, key: span)
        }
        return SFrameKeyedContext(context: context, salt: Self.salt(secret: secret, keyID: keyID, suite: suite), suite: suite)
    }

    private static func label(prefix: String, keyID: UInt64, suite: SFrameCipherSuite) -> [UInt8] {
        var label = Array(prefix.utf8)
        for i in 0..<8 { label.append(UInt8(truncatingIfNeeded: keyID >> (56 - 8 * UInt64(i)))) }
        label.append(UInt8(truncatingIfNeeded: suite.rawValue >> 8))
        label.append(UInt8(truncatingIfNeeded: suite.rawValue))
        return label
    }
}

/// A keyed AEAD context with the salt and suite that go with it: what one SFrame KID needs
/// to seal or open frames.
public struct SFrameKeyedContext<Context: AEADContext & ~Copyable>: ~Copyable {
    /// The context keyed with `sframe_key`.
    public var context: Context
    /// `sframe_salt`.
    public let salt: Nonce
    /// The cipher suite the key was derived for.
    public let suite: SFrameCipherSuite

    /// Pairs `context` with `salt`, for `suite` (default `AES_256_GCM_SHA512_128`).
    public init(context: consuming Context, salt: Nonce, suite: SFrameCipherSuite = .default) {
        self.context = context
        self.salt = salt
        self.suite = suite
    }
}
