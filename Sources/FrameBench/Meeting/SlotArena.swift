import FrameCrypto

/// The frame slots of a meeting case, allocated once before measuring: a ring of
/// *planes*, one per tick in flight, each with, per seat and stream, room for the largest
/// frame that seat sends on that stream, sealed (header and tag included), and the sealed
/// frame's length. Tick `t` uses plane `t mod depth`; with blocks of `b` ticks and a depth
/// of `2b`, one block's planes can be written while the previous block's are still being
/// opened.
///
/// A seat's lengths and slots sit together, each on its own 64-byte cache lines, so the
/// thread that seals a seat's frames writes memory no other thread writes. All of it is
/// written once when allocated, so no page is first touched (a page fault) while measuring.
/// The runners of a case take turns and share one arena.
final class SlotArena: @unchecked Sendable {
    /// The slots as the loops use them.
    let view: SlotView
    private let base: UnsafeMutableRawPointer
    private let table: UnsafeMutablePointer<Int>

    /// Slots sized for `schedule`'s frames, for `ticksInFlight` (at least 2) ticks at once,
    /// each with room for the frame protected whole or, under `packets`, packet by packet
    /// (whichever takes more), with the longest tag of any suite (16 bytes).
    init(schedule: MeetingSchedule, ticksInFlight: Int, packets: PacketBudget? = nil) {
        let streams = schedule.streams
        let seats = schedule.seats
        let depth = max(ticksInFlight, 2)
        func lines(_ bytes: Int) -> Int { (bytes + 63) & ~63 }
        // table: per seat its header offset, then per (seat, stream) slot offset and capacity.
        table = .allocate(capacity: seats + 2 * seats * streams)
        var offset = 0
        for seat in 0..<seats {
            table[seat] = offset
            offset += lines(4 * streams)
            for stream in 0..<streams {
                let largest = schedule.largestFrame[seat * streams + stream]
                let whole = largest + SFrameCipher.maxOverhead
                let capacity = packets.map { max(whole, $0.maxProtectedSize(frameSize: largest, tagCount: AESGCM.tagByteCount)) } ?? whole
                table[seats + seat * streams + stream] = offset
                table[seats + seats * streams + seat * streams + stream] = capacity
                offset += lines(capacity)
            }
        }
        let planeBytes = max(offset, 64)
        base = .allocate(byteCount: depth * planeBytes, alignment: 4096)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: depth * planeBytes)
        view = SlotView(
            base: base, table: UnsafePointer(table), seats: seats, streams: streams, planeBytes: planeBytes, depth: depth)
    }

    deinit {
        base.deallocate()
        table.deallocate()
    }

    /// Bytes allocated (and touched).
    var byteCount: Int { view.depth * view.planeBytes }
}

/// ``SlotArena`` seen through raw pointers: a plain value for the per-frame loops.
struct SlotView: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let table: UnsafePointer<Int>
    let seats: Int
    let streams: Int
    let planeBytes: Int
    let depth: Int

    @inline(__always)
    private func plane(_ tick: Int) -> UnsafeMutableRawPointer { base + (tick % depth) &* planeBytes }

    /// Where `seat`'s sealed `stream` frame of `tick` goes, at full capacity.
    @inline(__always)
    func slot(_ tick: Int, _ seat: Int, _ stream: Int) -> UnsafeMutableRawBufferPointer {
        let index = seat &* streams &+ stream
        return UnsafeMutableRawBufferPointer(
            start: plane(tick) + table[seats &+ index], count: table[seats &+ seats &* streams &+ index])
    }

    /// Records the sealed length of `seat`'s `stream` frame of `tick`.
    @inline(__always)
    func setLength(_ tick: Int, _ seat: Int, _ stream: Int, _ length: Int) {
        (plane(tick) + table[seat]).storeBytes(of: Int32(truncatingIfNeeded: length), toByteOffset: 4 &* stream, as: Int32.self)
    }

    /// The sealed `stream` frame of `seat` at `tick`.
    @inline(__always)
    func frame(_ tick: Int, _ seat: Int, _ stream: Int) -> UnsafeRawBufferPointer {
        let start = plane(tick)
        let length = (start + table[seat]).load(fromByteOffset: 4 &* stream, as: Int32.self)
        return UnsafeRawBufferPointer(start: start + table[seats &+ seat &* streams &+ stream], count: Int(length))
    }
}
