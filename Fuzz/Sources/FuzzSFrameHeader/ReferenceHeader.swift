/// RFC 9605 §4.3 read a second time, byte by byte and independently of `SFrameHeader`, as
/// the fuzzer's oracle.
///
/// Config byte `X KKK Y CCC`: with X clear the KID is KKK; with X set, KKK + 1 big-endian
/// bytes follow that hold it. Likewise Y, CCC and the counter, after the KID bytes.
struct ReferenceHeader: CustomStringConvertible {
    var keyID: UInt64
    var counter: UInt64
    var byteCount: Int
    /// Whether each value is written in its shortest form: inline when below 8, else in
    /// exactly as many bytes as it needs.
    var isMinimal: Bool

    var description: String { "kid \(keyID), ctr \(counter), \(byteCount) bytes, minimal \(isMinimal)" }

    static func parse(_ bytes: UnsafeRawBufferPointer) -> ReferenceHeader? {
        guard let config = bytes.first else { return nil }
        var position = 1
        var minimal = true

        func field(extended: Bool, low3: UInt8) -> UInt64? {
            if !extended { return UInt64(low3) }
            let length = Int(low3) + 1
            guard bytes.count - position >= length else { return nil }
            var value: UInt64 = 0
            for byte in bytes[position..<position + length] { value = value &* 256 &+ UInt64(byte) }
            position += length
            if value < 8 || shortestLength(value) != length { minimal = false }
            return value
        }

        guard let keyID = field(extended: config & 0b1000_0000 != 0, low3: (config & 0b0111_0000) >> 4),
            let counter = field(extended: config & 0b0000_1000 != 0, low3: config & 0b0000_0111)
        else { return nil }
        return ReferenceHeader(keyID: keyID, counter: counter, byteCount: position, isMinimal: minimal)
    }

    /// How many bytes `value` needs, at least 1.
    static func shortestLength(_ value: UInt64) -> Int {
        var length = 1
        var rest = value >> 8
        while rest != 0 {
            length += 1
            rest >>= 8
        }
        return length
    }
}
