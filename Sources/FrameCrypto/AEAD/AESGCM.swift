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

/// A 96-bit AES-GCM nonce, held inline: making, copying and passing one never allocates.
public struct Nonce: Sendable, BitwiseCopyable, Equatable, CustomStringConvertible {
    /// The 12 nonce bytes, in the order they are fed to the cipher.
    public var bytes: InlineArray<12, UInt8>

    /// The all-zero nonce.
    @inlinable
    public init() {
        bytes = InlineArray(repeating: 0)
    }

    /// A nonce whose last eight bytes hold `counter` in big-endian order and whose first
    /// four are zero: the usual counter nonce, and what SFrame XORs with its salt.
    @inlinable
    public init(counter: UInt64) {
        self.init()
        for i in 0..<8 {
            bytes[4 + i] = UInt8(truncatingIfNeeded: counter >> (56 - 8 * UInt64(i)))
        }
    }

    /// A nonce copied from exactly 12 bytes.
    ///
    /// - Throws: ``FrameCryptoError/invalidNonceLength(_:)`` for any other length.
    public init(_ span: Span<UInt8>) throws(FrameCryptoError) {
        guard span.count == AESGCM.nonceByteCount else { throw .invalidNonceLength(span.count) }
        self.init()
        for i in 0..<12 { bytes[i] = span[i] }
    }

    /// This nonce XOR `counter` in big-endian order over the last eight bytes
    /// (RFC 9605 §4.4.3: nonce = salt XOR counter).
    @inlinable
    public func xor(counter: UInt64) -> Nonce {
        var result = self
        for i in 0..<8 {
            result.bytes[4 + i] ^= UInt8(truncatingIfNeeded: counter >> (56 - 8 * UInt64(i)))
        }
        return result
    }

    public static func == (lhs: Nonce, rhs: Nonce) -> Bool {
        for i in 0..<12 where lhs.bytes[i] != rhs.bytes[i] { return false }
        return true
    }

    public var description: String {
        var text = ""
        for i in 0..<12 { text += Hex.byte(bytes[i]) }
        return text
    }

    /// Calls `body` with the nonce's 12 bytes as a C pointer, without copying to the heap.
    @inlinable @inline(__always)
    public func withUnsafeBytePointer<R, E: Error>(
        _ body: (UnsafePointer<UInt8>) throws(E) -> R
    ) throws(E) -> R {
        var copy = bytes
        return try withUnsafeBytes(of: &copy) { (raw) throws(E) -> R in
            try body(raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
    }
}
