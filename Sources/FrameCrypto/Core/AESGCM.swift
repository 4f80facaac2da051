/// Sizes fixed by AES-256-GCM as FrameBench uses it: a 256-bit key, a 96-bit nonce
/// and a 128-bit tag.
public enum AESGCM {
    /// Key size in bytes (AES-256).
    public static let keyByteCount = 32
    /// Nonce size in bytes (96 bits, GCM's fast path: no GHASH over the IV).
    public static let nonceByteCount = 12
    /// Authentication tag size in bytes (128 bits, never truncated).
    public static let tagByteCount = 16
    /// The largest plaintext or AAD one call accepts. OpenSSL's EVP interface takes an
    /// `int` length; frames are far smaller.
    public static let maxMessageByteCount = Int(Int32.max)
}
