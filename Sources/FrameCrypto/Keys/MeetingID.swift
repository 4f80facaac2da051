import CSodium

/// A meeting's identifier: 16 bytes (128 bits), random per meeting, so that two meetings
/// never share key-derivation inputs even if their keys were equal.
///
/// On the wire and in every key-derivation input it is the 16 bytes ``bytes``: ``high``
/// in big-endian order followed by ``low`` in big-endian order.
public struct MeetingID: Hashable, Sendable, CustomStringConvertible {
    /// The byte size of a meeting id on the wire.
    public static let byteCount = 16

    /// The first eight bytes, big-endian.
    public let high: UInt64
    /// The last eight bytes, big-endian.
    public let low: UInt64

    /// The meeting id whose 16 bytes are `high` then `low`, each big-endian.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The meeting id spelled by exactly 16 bytes, or `nil` for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self.init(high: KeyWire.read(UInt64.self, from: bytes, at: 0), low: KeyWire.read(UInt64.self, from: bytes, at: 8))
    }

    /// A fresh meeting id from libsodium's CSPRNG (`randombytes_buf`).
    public static func random() -> MeetingID {
        Sodium.start()
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { randombytes_buf($0.baseAddress!, $0.count) }
        return MeetingID(high: words.0, low: words.1)
    }

    /// The 16 bytes: ``high`` then ``low``, each big-endian.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.byteCount)
        KeyWire.append(high, to: &out)
        KeyWire.append(low, to: &out)
        return out
    }

    /// The 16 bytes in lower-case hex.
    public var description: String { Hex.encode(bytes) }
}
