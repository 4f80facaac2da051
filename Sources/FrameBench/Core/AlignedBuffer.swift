/// The memory cases and loops work on: raw byte buffers on a 64-byte (cache line) boundary,
/// never an empty allocation, allocated before measuring. The caller deallocates them
/// (`baseAddress?.deallocate()`).
enum AlignedBuffer {
    /// The boundary every buffer starts on.
    static let alignment = 64

    /// `count` zero bytes.
    static func zeroed(_ count: Int) -> UnsafeMutableRawBufferPointer {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: alignment)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        return UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
    }

    /// A copy of `bytes`.
    static func copy(_ bytes: [UInt8]) -> UnsafeMutableRawBufferPointer {
        let buffer = zeroed(bytes.count)
        bytes.withUnsafeBytes {
            if let base = $0.baseAddress, $0.count > 0 { buffer.baseAddress!.copyMemory(from: base, byteCount: $0.count) }
        }
        return buffer
    }
}
