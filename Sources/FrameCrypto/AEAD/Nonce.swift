/// A 96-bit AES-GCM nonce, held inline: making, copying and passing one never allocates.
///
/// The 12 bytes are stored as one 8-byte and one 4-byte word, in memory order, so a nonce
/// travels in two registers and ``xor(counter:)`` is a handful of word operations (an
/// `InlineArray` of 12 bytes was split into 12 byte values and put back together on every
/// frame).
public struct Nonce: Sendable, BitwiseCopyable, Equatable, CustomStringConvertible {
    /// Bytes 0–7 and 8–11, in memory order.
    @usableFromInline var storage: (UInt64, UInt32)

    /// The 12 nonce bytes, in the order they are fed to the cipher.
    @inlinable
    public var bytes: InlineArray<12, UInt8> {
        get {
            withUnsafeBytes(of: storage) { raw in InlineArray<12, UInt8> { raw[$0] } }
        }
        set {
            storage = withUnsafeBytes(of: newValue) { raw in
                (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
            }
        }
    }

    /// The all-zero nonce.
    @inlinable
    public init() {
        storage = (0, 0)
    }

    /// A nonce whose last eight bytes hold `counter` in big-endian order and whose first
    /// four are zero: the usual counter nonce, and what SFrame XORs with its salt.
    @inlinable
    public init(counter: UInt64) {
        self.init()
        self = xor(counter: counter)
    }

    /// A nonce copied from exactly 12 bytes.
    ///
    /// - Throws: ``FrameCryptoError/invalidNonceLength(_:)`` for any other length.
    public init(_ span: Span<UInt8>) throws(FrameCryptoError) {
        guard span.count == AESGCM.nonceByteCount else { throw .invalidNonceLength(span.count) }
        self.init()
        span.withUnsafeBytes { raw in
            storage = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        }
    }

    /// This nonce XOR `counter` in big-endian order over the last eight bytes
    /// (RFC 9605 §4.4.3: nonce = salt XOR counter).
    @inlinable @inline(__always)
    public func xor(counter: UInt64) -> Nonce {
        // Two word XORs over bytes 4–11 (the counter's big-endian bytes), in registers: no
        // byte operations and no trip through memory.
        var result = self
        let bigEndian = counter.bigEndian
        #if _endian(little)
        // Bytes 4–7 are the high half of word 0; bytes 8–11 are word 1.
        result.storage.0 ^= bigEndian &<< 32
        result.storage.1 ^= UInt32(truncatingIfNeeded: bigEndian &>> 32)
        #else
        // Bytes 4–7 are the low half of word 0; bytes 8–11 are word 1.
        result.storage.0 ^= bigEndian &>> 32
        result.storage.1 ^= UInt32(truncatingIfNeeded: bigEndian)
        #endif
        return result
    }

    public static func == (lhs: Nonce, rhs: Nonce) -> Bool {
        lhs.storage.0 == rhs.storage.0 && lhs.storage.1 == rhs.storage.1
    }

    public var description: String {
        let bytes = self.bytes
        var text = ""
        for i in 0..<12 { text += Hex.byte(bytes[i]) }
        return text
    }

    /// Writes the nonce's 12 bytes and 4 zero bytes at `destination`, which must hold 16
    /// bytes (no alignment needed), in one 16-byte store: for a backend that keeps a nonce
    /// buffer beside its keyed state, so no stack buffer's address escapes into the library
    /// call (which would make the caller set up a stack protector on every frame).
    ///
    /// One store, not an 8-byte and a 4-byte one: a library copies a 12-byte IV with two
    /// overlapping 8-byte loads (glibc's `memcpy`: bytes 0–7 and 4–11), and a load that spans
    /// two earlier stores cannot take its data from them (store-to-load forwarding fails and
    /// the load waits for the stores to reach the cache), while both loads lie inside the one
    /// 16-byte store.
    @inlinable @inline(__always)
    public func store(to destination: UnsafeMutableRawPointer) {
        destination.storeBytes(
            of: SIMD2<UInt64>(storage.0, UInt64(storage.1)), as: SIMD2<UInt64>.self)
    }

    /// Calls `body` with the nonce's 12 bytes as a C pointer, without copying to the heap.
    ///
    /// The bytes are put on the stack in one 16-byte store (the nonce and 4 zero bytes), for
    /// the reason ``store(to:)`` gives: the library's copy of the IV then forwards from that
    /// store rather than waiting for two.
    @inlinable @inline(__always)
    public func withUnsafeBytePointer<R, E: Error>(
        _ body: (UnsafePointer<UInt8>) throws(E) -> R
    ) throws(E) -> R {
        var copy = SIMD2<UInt64>(storage.0, UInt64(storage.1))
        return try withUnsafeBytes(of: &copy) { (raw) throws(E) -> R in
            try body(raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
    }
}
