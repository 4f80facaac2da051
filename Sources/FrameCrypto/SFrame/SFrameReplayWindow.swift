/// A sliding anti-replay window over one KID's counters: the highest
/// counter accepted so far and a bitmap of which of the ``width`` counters up to it were
/// seen.
///
/// A counter above the highest is new; one within the window is new unless its bit is
/// set; one older than the window is refused, since it can no longer be told apart from
/// a replay. Frames may therefore arrive reordered by up to ``width`` − 1 counters.
///
/// The bitmap is a ring indexed by `counter mod width`: advancing the window clears only
/// the bits it passes over, and nothing is shifted. It lives inline (128 bytes), so
/// checking and recording never allocate.
public struct SFrameReplayWindow: Sendable, BitwiseCopyable {
    /// How many counters the window covers: 1024.
    ///
    /// SFrame counters advance once per protected unit. When SFrame is applied per packet,
    /// or a sender runs several layers through one KID, a video keyframe bursts into
    /// hundreds of units that the network can reorder, and a retransmitted one can arrive
    /// many units late. 64 or 128 counters (IPsec's and SRTP's usual windows) would drop
    /// such late but genuine units as replays; 1024 covers a keyframe of well over a
    /// megabyte at 1,200 bytes a packet, for 128 bytes of state per key.
    public static let width: UInt64 = 1024

    @usableFromInline static let wordCount = 16

    @usableFromInline var bits: InlineArray<16, UInt64>
    @usableFromInline var highest: UInt64
    @usableFromInline var started: Bool

    /// An empty window: the first counter seen, whatever it is, is accepted.
    @inlinable
    public init() {
        bits = InlineArray(repeating: 0)
        highest = 0
        started = false
    }

    /// The highest counter recorded, or `nil` before the first.
    @inlinable
    public var highestCounter: UInt64? { started ? highest : nil }

    /// Whether `counter` may be accepted: above the highest recorded, or inside the window
    /// and not yet recorded. Changes nothing.
    @inlinable
    public func allows(_ counter: UInt64) -> Bool {
        guard started, counter <= highest else { return true }
        guard highest - counter < Self.width else { return false }
        return bits[Self.word(counter)] & Self.mask(counter) == 0
    }

    /// Records `counter` as seen, advancing the window when it is the new highest.
    /// Call only for a counter that ``allows(_:)`` and whose frame authenticated.
    @inlinable
    public mutating func record(_ counter: UInt64) {
        if !started {
            started = true
            highest = counter
        } else if counter > highest {
            let advance = counter - highest
            if advance >= Self.width {
                for i in 0..<Self.wordCount { bits[i] = 0 }
            } else {
                clear(from: highest &+ 1, count: advance)
            }
            highest = counter
        }
        bits[Self.word(counter)] |= Self.mask(counter)
    }

    /// Clears the bits of the `count` (< ``width``) counters from `first` on, a word at a
    /// time where it can.
    @inlinable
    mutating func clear(from first: UInt64, count: UInt64) {
        var position = first & (Self.width - 1)
        var remaining = count
        while remaining > 0 {
            let offset = position & 63
            let run = min(64 - offset, remaining)
            let runMask: UInt64 = run == 64 ? ~0 : ((1 << run) - 1) << offset
            bits[Int(position >> 6)] &= ~runMask
            position = (position + run) & (Self.width - 1)
            remaining -= run
        }
    }

    @inlinable @inline(__always)
    static func word(_ counter: UInt64) -> Int { Int((counter & (width - 1)) >> 6) }

    @inlinable @inline(__always)
    static func mask(_ counter: UInt64) -> UInt64 { 1 << (counter & 63) }
}
