/// An SFrame header (RFC 9605 §4.3): the key id (KID) and counter (CTR) that pick a
/// frame's key and nonce, in front of its ciphertext.
///
/// ```text
///  0 1 2 3 4 5 6 7
/// +-+-+-+-+-+-+-+-+------------+------------+
/// |X|  K  |Y|  C  |   KID...   |   CTR...   |
/// +-+-+-+-+-+-+-+-+------------+------------+
/// ```
///
/// A value below 8 sits in its three config bits (K or C) with its flag (X or Y) clear;
/// a larger one sets the flag, stores its byte length minus one in the three bits, and
/// follows the config byte in the fewest big-endian bytes that hold it. A header is
/// therefore 1 to ``maxByteCount`` bytes.
///
/// Encoding and decoding work on caller memory and allocate nothing.
public struct SFrameHeader: Sendable, BitwiseCopyable, Equatable, CustomStringConvertible {
    /// The longest header: the config byte, an 8-byte KID and an 8-byte counter.
    public static let maxByteCount = 17

    /// The key id.
    public var keyID: UInt64
    /// The frame counter.
    public var counter: UInt64

    /// A header for `keyID` and `counter`.
    @inlinable
    public init(keyID: UInt64, counter: UInt64) {
        self.keyID = keyID
        self.counter = counter
    }

    /// The length of this header's (minimal) encoding, 1 to ``maxByteCount``.
    @inlinable @inline(__always)
    public var byteCount: Int { 1 + Self.extendedByteCount(keyID) + Self.extendedByteCount(counter) }

    /// `SFrameHeader(kid: …, ctr: …)`, for messages.
    public var description: String { "SFrameHeader(kid: \(keyID), ctr: \(counter))" }

    /// Writes the encoding to the start of `output` and returns its length.
    ///
    /// - Throws: ``FrameCryptoError/bufferTooSmall(needed:available:)`` when `output` is
    ///   shorter than ``byteCount``; nothing is written then.
    @inlinable
    public func encode(into output: UnsafeMutableRawBufferPointer) throws(FrameCryptoError) -> Int {
        let needed = byteCount
        guard output.count >= needed, let base = output.baseAddress else {
            throw .bufferTooSmall(needed: needed, available: output.count)
        }
        return unsafeEncode(to: base)
    }

    /// Writes the encoding to the start of `output` and returns its length.
    ///
    /// - Throws: ``FrameCryptoError/bufferTooSmall(needed:available:)`` when `output` is
    ///   shorter than ``byteCount``; nothing is written then.
    @inlinable
    public func encode(into output: inout MutableSpan<UInt8>) throws(FrameCryptoError) -> Int {
        try output.withUnsafeMutableBytes { (bytes) throws(FrameCryptoError) -> Int in try encode(into: bytes) }
    }

    /// Reads a header from the start of `bytes`, which may go on with the ciphertext.
    ///
    /// Returns the header and how many bytes it took. A KID or counter written in more
    /// bytes than it needs is accepted as written: the header bytes are authenticated as
    /// part of the AAD, so no other encoding of the same values can pass for this one.
    ///
    /// - Throws: ``FrameCryptoError/malformedHeader(_:)`` when `bytes` is empty or ends
    ///   before the KID or counter bytes that the config byte announces.
    @inlinable @inline(__always)
    public static func decode(
        _ bytes: UnsafeRawBufferPointer
    ) throws(FrameCryptoError) -> (header: SFrameHeader, byteCount: Int) {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw .malformedHeader("empty: no config byte")
        }
        let config = base.load(as: UInt8.self)
        var offset = 1
        let keyID: UInt64
        if config & 0x80 == 0 {
            keyID = UInt64((config >> 4) & 0x07)
        } else {
            let length = Int((config >> 4) & 0x07) + 1
            guard bytes.count >= offset + length else { throw .malformedHeader("truncated: the KID runs past the end") }
            keyID = readBigEndian(base + offset, count: length)
            offset += length
        }
        let counter: UInt64
        if config & 0x08 == 0 {
            counter = UInt64(config & 0x07)
        } else {
            let length = Int(config & 0x07) + 1
            guard bytes.count >= offset + length else {
                throw .malformedHeader("truncated: the counter runs past the end")
            }
            counter = readBigEndian(base + offset, count: length)
            offset += length
        }
        return (SFrameHeader(keyID: keyID, counter: counter), offset)
    }

    /// Reads a header from the start of `bytes`, as the raw-pointer variant does.
    ///
    /// - Throws: ``FrameCryptoError/malformedHeader(_:)`` for empty or truncated input.
    @inlinable
    public static func decode(_ bytes: Span<UInt8>) throws(FrameCryptoError) -> (header: SFrameHeader, byteCount: Int) {
        try bytes.withUnsafeBytes { (raw) throws(FrameCryptoError) in try decode(raw) }
    }

    // MARK: - Internals

    /// Writes the encoding at `base`, which must have room for ``byteCount`` bytes.
    @inlinable @inline(__always)
    func unsafeEncode(to base: UnsafeMutableRawPointer) -> Int {
        let keyIDLength = Self.extendedByteCount(keyID)
        let counterLength = Self.extendedByteCount(counter)
        unsafeEncode(to: base, keyIDLength: keyIDLength, counterLength: counterLength)
        return 1 + keyIDLength + counterLength
    }

    /// Writes the header at `base` given the lengths of its KID and counter fields
    /// (``extendedByteCount(_:)`` of each, which the caller may have worked out already).
    @inlinable @inline(__always)
    func unsafeEncode(to base: UnsafeMutableRawPointer, keyIDLength: Int, counterLength: Int) {
        var config: UInt8 = 0
        if keyIDLength == 0 {
            config |= UInt8(truncatingIfNeeded: keyID) << 4
        } else {
            config |= 0x80 | UInt8(truncatingIfNeeded: keyIDLength - 1) << 4
        }
        if counterLength == 0 {
            config |= UInt8(truncatingIfNeeded: counter)
        } else {
            config |= 0x08 | UInt8(truncatingIfNeeded: counterLength - 1)
        }
        base.storeBytes(of: config, as: UInt8.self)
        Self.writeBigEndian(keyID, count: keyIDLength, to: base + 1)
        Self.writeBigEndian(counter, count: counterLength, to: base + 1 + keyIDLength)
    }

    @inlinable @inline(__always)
    static func extendedByteCount(_ value: UInt64) -> Int {
        value < 8 ? 0 : (64 - value.leadingZeroBitCount + 7) >> 3
    }

    /// Writes the low `count` bytes of `value` (1 to 8; 0 writes nothing) big-endian at
    /// `pointer`, with no per-byte loop: two overlapping stores of 4, 2 or 1 bytes, whose
    /// shared bytes agree.
    @inlinable @inline(__always)
    static func writeBigEndian(_ value: UInt64, count: Int, to pointer: UnsafeMutableRawPointer) {
        if count >= 4 {
            let high = UInt32(truncatingIfNeeded: value &>> UInt64(8 * (count - 4)))
            pointer.storeBytes(of: high.bigEndian, as: UInt32.self)
            pointer.storeBytes(of: UInt32(truncatingIfNeeded: value).bigEndian, toByteOffset: count - 4, as: UInt32.self)
        } else if count >= 2 {
            let high = UInt16(truncatingIfNeeded: value &>> UInt64(8 * (count - 2)))
            pointer.storeBytes(of: high.bigEndian, as: UInt16.self)
            pointer.storeBytes(of: UInt16(truncatingIfNeeded: value).bigEndian, toByteOffset: count - 2, as: UInt16.self)
        } else if count == 1 {
            pointer.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self)
        }
    }

    /// Reads `count` bytes (1 to 8) at `pointer` as a big-endian number, with no per-byte
    /// loop: two overlapping loads of 4, 2 or 1 bytes.
    @inlinable @inline(__always)
    static func readBigEndian(_ pointer: UnsafeRawPointer, count: Int) -> UInt64 {
        if count >= 4 {
            let high = UInt64(UInt32(bigEndian: pointer.loadUnaligned(as: UInt32.self)))
            let low = UInt64(UInt32(bigEndian: pointer.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return high &<< UInt64(8 * (count - 4)) | low
        }
        if count >= 2 {
            let high = UInt64(UInt16(bigEndian: pointer.loadUnaligned(as: UInt16.self)))
            let low = UInt64(UInt16(bigEndian: pointer.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)))
            return high &<< UInt64(8 * (count - 2)) | low
        }
        return UInt64(pointer.load(as: UInt8.self))
    }
}
