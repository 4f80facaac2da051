/// SFrame's key schedule (RFC 9605 §4.4.2) for the cipher suite
/// `AES_256_GCM_SHA512_128` (0x0005):
///
/// ```text
/// sframe_secret = HKDF-Extract("", base_key)                       // SHA-512
/// sframe_key    = HKDF-Expand(sframe_secret, key_label, 32)
/// sframe_salt   = HKDF-Expand(sframe_secret, salt_label, 12)
/// key_label     = "SFrame 1.0 Secret key "  ‖ KID (8 bytes BE) ‖ cipher suite (2 bytes BE)
/// salt_label    = "SFrame 1.0 Secret salt " ‖ KID (8 bytes BE) ‖ cipher suite (2 bytes BE)
/// ```
///
/// Each step is exposed so that tests and the vector generator can show every
/// intermediate value. Key setup only: nothing here runs per frame.
public enum SFrameKeySchedule {
    /// The cipher suite FrameBench implements: `AES_256_GCM_SHA512_128`.
    public static let cipherSuite: UInt16 = 0x0005
    /// `Nk`: the AEAD key size in bytes.
    public static let keyByteCount = AESGCM.keyByteCount
    /// `Nn`: the salt (nonce) size in bytes.
    public static let saltByteCount = AESGCM.nonceByteCount
    /// `Nt`: the tag size in bytes.
    public static let tagByteCount = AESGCM.tagByteCount

    /// The ASCII prefix of the key label.
    public static let keyLabelPrefix = "SFrame 1.0 Secret key "
    /// The ASCII prefix of the salt label.
    public static let saltLabelPrefix = "SFrame 1.0 Secret salt "

    /// `key_label` for `keyID`: 32 bytes.
    public static func keyLabel(keyID: UInt64) -> [UInt8] {
        label(prefix: keyLabelPrefix, keyID: keyID)
    }

    /// `salt_label` for `keyID`: 33 bytes.
    public static func saltLabel(keyID: UInt64) -> [UInt8] {
        label(prefix: saltLabelPrefix, keyID: keyID)
    }

    /// `sframe_secret = HKDF-Extract("", base_key)`: 64 bytes.
    public static func secret(baseKey: borrowing SecretBytes) -> SecretBytes {
        let empty: [UInt8] = []
        return baseKey.withSpan { ikm in HKDF.extract(salt: empty.span, ikm: ikm) }
    }

    /// `sframe_key = HKDF-Expand(sframe_secret, key_label, 32)`.
    public static func key(secret: borrowing SecretBytes, keyID: UInt64) -> SecretBytes {
        let info = keyLabel(keyID: keyID)
        return HKDF.expand(prk: secret, info: info.span, length: keyByteCount)
    }

    /// `sframe_salt = HKDF-Expand(sframe_secret, salt_label, 12)`, as a nonce to XOR
    /// counters into.
    public static func salt(secret: borrowing SecretBytes, keyID: UInt64) -> Nonce {
        let info = saltLabel(keyID: keyID)
        let bytes = HKDF.expand(prk: secret, info: info.span, length: saltByteCount)
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

    /// A keyed AEAD context and the salt for `keyID`, derived from `baseKey`. The
    /// intermediate secret and key are wiped when this returns.
    ///
    /// - Throws: whatever `Context(key:)` throws.
    public static func derive<Context: AEADContext & ~Copyable>(
        baseKey: borrowing SecretBytes, keyID: UInt64, as type: Context.Type = Context.self
    ) throws(FrameCryptoError) -> SFrameKeyedContext<Context> {
        let secret = Self.secret(baseKey: baseKey)
        let key = Self.key(secret: secret, keyID: keyID)
        let context = try key.withSpan { (span) throws(FrameCryptoError) -> Context in try Context(key: span) }
        return SFrameKeyedContext(context: context, salt: Self.salt(secret: secret, keyID: keyID))
    }

    private static func label(prefix: String, keyID: UInt64) -> [UInt8] {
        var label = Array(prefix.utf8)
        for i in 0..<8 { label.append(UInt8(truncatingIfNeeded: keyID >> (56 - 8 * UInt64(i)))) }
        label.append(UInt8(truncatingIfNeeded: cipherSuite >> 8))
        label.append(UInt8(truncatingIfNeeded: cipherSuite))
        return label
    }
}

/// A keyed AEAD context with the salt that goes with it: what one SFrame KID needs to
/// seal or open frames.
public struct SFrameKeyedContext<Context: AEADContext & ~Copyable>: ~Copyable {
    /// The context keyed with `sframe_key`.
    public var context: Context
    /// `sframe_salt`.
    public let salt: Nonce

    /// Pairs `context` with `salt`.
    public init(context: consuming Context, salt: Nonce) {
        self.context = context
        self.salt = salt
    }
}
