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
///
/// **Bounded forward jump.** Every member of a meeting can derive every sender's key
/// (RFC 9605 §9.5), so a member can forge a frame under another sender's KID. Were any
/// jump forward accepted, one forged frame with counter 2^64 − 1 would move the window
/// past every genuine counter and silence that sender for the rest of the epoch. So a
/// counter more than ``maxForwardJump`` past the highest accepted (or past 0, for the
/// key's first frame: senders start at 0) is refused: ``exceedsForwardJump(_:)``, which
/// the receiver checks as one compare against the precomputed `ceiling`. A forged frame
/// can then hold a sender back by at most ``maxForwardJump`` counters per accepted
/// forgery, not for good; see ``defaultMaxForwardJump`` for the default's reason.
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

    /// The default bound on one frame's forward jump: 65,536 counters.
    ///
    /// Genuine counters jump only by the units lost (or still in flight) in between.
    /// 65,536 lost units are over 30 s of total loss for a stream of up to 2,000 SFrame
    /// units a second (20 Mbit/s protected per 1,200-byte packet; audio sends 50 a second,
    /// for 22 minutes), and after 30 s without a response ICE consent freshness
    /// (RFC 7675) tears the transport down: the participant rejoins, which starts a new
    /// epoch and new windows. Real media therefore never exceeds it. Streams faster than
    /// that, or transports that survive longer outages, pass a larger bound.
    public static let defaultMaxForwardJump: UInt64 = 1 << 16

    @usableFromInline static let wordCount = 16

    @usableFromInline var bits: InlineArray<16, UInt64>
    @usableFromInline var highest: UInt64
    /// The highest counter a frame may carry: `highest + maxForwardJump`, saturating (or
    /// `maxForwardJump` before the first counter).
    @usableFromInline var ceiling: UInt64
    @usableFromInline var started: Bool
    /// How far past the highest accepted counter one frame may go.
    public let maxForwardJump: UInt64

    /// An empty window with the default bound: the first counter is accepted if it is at
    /// most ``defaultMaxForwardJump``.
    @inlinable
    public init() {
        self.init(maxForwardJump: Self.defaultMaxForwardJump)
    }

    /// An empty window whose frames may each move it forward by at most `maxForwardJump`
    /// counters (`.max` for no bound).
    @inlinable
    public init(maxForwardJump: UInt64) {
        bits = InlineArray(repeating: 0)
        highest = 0
        ceiling = maxForwardJump
        started = false
        self.maxForwardJump = maxForwardJump
    }

    /// The highest counter recorded, or `nil` before the first.
    @inlinable
    public var highestCounter: UInt64? { started ? highest : nil }

    /// Whether `counter` may be accepted: above the highest recorded, or inside the window
    /// and not yet recorded. Changes nothing.
    @inlinable @inline(__always)
    public func allows(_ counter: UInt64) -> Bool {
        guard started, counter <= highest else { return true }
        guard highest - counter < Self.width else { return false }
        return bits[Self.word(counter)] & Self.mask(counter) == 0
    }

    /// Whether `counter` is more than ``maxForwardJump`` past the highest counter
    /// recorded (past 0 before the first): a frame the receiver refuses with
    /// ``FrameCryptoError/counterJumpTooLarge(keyID:counter:limit:)``. One compare.
    @inlinable @inline(__always)
    public func exceedsForwardJump(_ counter: UInt64) -> Bool { counter > ceiling }

    /// Records `counter` as seen, advancing the window when it is the new highest.
    /// Call only for a counter that ``allows(_:)``, that does not
    /// ``exceedsForwardJump(_:)``, and whose frame authenticated.
    @inlinable @inline(__always)
    public mutating func record(_ counter: UInt64) {
        if !started {
            started = true
            highest = counter
        } else if counter > highest {
            let advance = counter - highest
            if advance == 1 {
                // The next counter, the usual case: its own bit is the only one to clear,
                // and it is set below.
            } else if advance <= 64 {
                // The common case, a frame or a few ahead: the bits to clear (those of
                // highest + 1 through counter) span at most two words; no loop.
                Self.clearShort(&bits, from: highest &+ 1, count: advance)
            } else if advance >= Self.width {
                for i in 0..<Self.wordCount { bits[i] = 0 }
            } else {
                clear(from: highest &+ 1, count: advance)
            }
            highest = counter
        } else {
            bits[Self.word(counter)] |= Self.mask(counter)
            return
        }
        let (sum, overflow) = counter.addingReportingOverflow(maxForwardJump)
        ceiling = overflow ? .max : sum
        bits[Self.word(counter)] |= Self.mask(counter)
    }

    /// Clears the bits of the `count` (< ``width``) counters from `first` on, a word at a
    /// time where it can.
    /// Clears `count` (1 to 64) bits from position `first` (modulo the width) with at most
    /// two masked word updates.
    @inlinable @inline(__always)
    static func clearShort(_ bits: inout InlineArray<16, UInt64>, from first: UInt64, count: UInt64) {
        let position = first & (width - 1)
        let offset = position & 63
        let word = Int(position >> 6)
        // Bits offset..<64 of the first word, then what is left in the next word.
        let firstRun = min(64 - offset, count)
        let firstMask: UInt64 = firstRun == 64 ? ~0 : ((1 &<< firstRun) &- 1) &<< offset
        bits[word] &= ~firstMask
        let rest = count - firstRun
        if rest > 0 {
            bits[(word + 1) & (wordCount - 1)] &= ~((1 &<< rest) &- 1)
        }
    }

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
