/// Sizes fixed by AES-256-GCM as FrameBench uses it: a 256-bit key, a 96-bit nonce
/// and a 128-bit tag.
///
/// Computed and `@inlinable`, so code inlined into another module (a backend's `seal` and
/// `open`) folds them to constants rather than calling a global's accessor.
public enum AESGCM {
    /// Key size in bytes (AES-256).
    @inlinable public static var keyByteCount: Int { 32 }
    /// Nonce size in bytes (96 bits, GCM's fast path: no GHASH over the IV).
    @inlinable public static var nonceByteCount: Int { 12 }
    /// Authentication tag size in bytes (128 bits, never truncated).
    @inlinable public static var tagByteCount: Int { 16 }
    /// The largest plaintext or AAD one call accepts. OpenSSL's EVP interface takes an
    /// `int` length; frames are far smaller.
    @inlinable public static var maxMessageByteCount: Int { Int(Int32.max) }
}
