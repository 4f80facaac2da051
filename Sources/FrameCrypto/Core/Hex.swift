/// Lower-case hexadecimal encoding and decoding, for test vectors, reports and messages.
public enum Hex {
    private static let digits: [Character] = Array("0123456789abcdef")

    /// Two lower-case hex digits for `value`.
    public static func byte(_ value: UInt8) -> String {
        String([digits[Int(value >> 4)], digits[Int(value & 0x0f)]])
    }

    /// `bytes` as lower-case hex.
    public static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for b in bytes { text += byte(b) }
        return text
    }

    /// The bytes spelled by `text` (upper or lower case, even length), or `nil` when it is
    /// not hex. Surrounding white space is ignored.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8.drop(while: \.isASCIIWhitespace).reversed().drop(while: \.isASCIIWhitespace).reversed())
        guard utf8.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let hi = nibble(utf8[i]), let lo = nibble(utf8[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension UInt8 {
    fileprivate var isASCIIWhitespace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0a || self == 0x0d
    }
}
