/// Big-endian encoding and decoding for the key layer's byte strings: HKDF info strings,
/// AEAD associated data, and serialised key shares. Key setup only, never per frame.
enum KeyWire {
    /// Appends `value` to `bytes` in big-endian (network) order, `T.bitWidth / 8` bytes.
    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        var shift = T.bitWidth - 8
        while shift >= 0 {
            bytes.append(UInt8(truncatingIfNeeded: value >> shift))
            shift -= 8
        }
    }

    /// Appends the ASCII (UTF-8) bytes of `label`, with no length prefix or terminator.
    static func append(label: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: label.utf8)
    }

    /// The big-endian integer in `bytes[offset ..< offset + T.bitWidth / 8]`; the caller
    /// has checked the range.
    static func read<T: FixedWidthInteger>(_: T.Type, from bytes: [UInt8], at offset: Int) -> T {
        var value: T = 0
        for i in 0..<(T.bitWidth / 8) {
            value = value << 8 | T(bytes[offset + i])
        }
        return value
    }
}
