/// A cursor over the fuzzer's bytes that turns them into structured choices: bytes,
/// integers and slices. Reading past the end yields zeros and empty slices, so every input,
/// however short, describes some case.
public struct FuzzInput {
    /// All the input bytes.
    public let bytes: UnsafeRawBufferPointer
    /// Where the next read starts.
    public private(set) var offset = 0

    /// A cursor at the start of `bytes`.
    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The bytes libFuzzer passed to `LLVMFuzzerTestOneInput`.
    public init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        self.init(UnsafeRawBufferPointer(start: data, count: size))
    }

    /// How many bytes are left.
    public var remaining: Int { bytes.count - offset }

    /// Whether every byte has been read.
    public var isExhausted: Bool { remaining <= 0 }

    /// The next byte, or 0 past the end.
    public mutating func byte() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// The next two bytes, big-endian.
    public mutating func uint16() -> UInt16 {
        UInt16(byte()) << 8 | UInt16(byte())
    }

    /// The next `count` (0…8) bytes as a big-endian integer.
    public mutating func uint64(byteCount count: Int) -> UInt64 {
        var value: UInt64 = 0
        for _ in 0..<min(max(count, 0), 8) { value = value << 8 | UInt64(byte()) }
        return value
    }

    /// The next `count` bytes, or as many as are left.
    public mutating func take(_ count: Int) -> UnsafeRawBufferPointer {
        let n = min(max(count, 0), max(remaining, 0))
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n])
    }

    /// Every byte not read yet.
    public mutating func rest() -> UnsafeRawBufferPointer {
        take(remaining)
    }
}
