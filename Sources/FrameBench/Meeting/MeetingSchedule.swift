/// A roster change during a meeting case.
package struct MeetingEvent: Sendable, Equatable {
    /// Leave or join.
    package enum Kind: String, Sendable {
        /// A participant leaves: its seat is empty until a join.
        case leave
        /// A new participant (a new index) takes an empty seat.
        case join
    }
    /// The tick it happens in: a leaver sends and receives nothing from this tick on; a
    /// joiner sends and receives from the next tick. The rekey runs between this tick's
    /// seal phase and its open phase, so frames sealed under the old epoch are opened
    /// under the new one's grace period.
    package var tick: Int
    /// Leave or join.
    package var kind: Kind
    /// The seat (a leaver's, or the one a joiner takes).
    package var seat: Int
}

/// A whole meeting case, fixed before measuring: every participant's frame sizes per
/// tick, who receives what, the speaker sequence, the roster changes. Built by
/// ``MeetingScheduleBuilder``; deterministic for its inputs and seed. The per-frame loops
/// read it through ``ScheduleView`` (raw pointers, no reference counting, no allocation).
final class MeetingSchedule: @unchecked Sendable {
    /// Seats (participants present at the start).
    let seats: Int
    /// Video layers per participant.
    let layers: Int
    /// Streams per seat: audio, each video layer, screen.
    var streams: Int { layers + 2 }
    /// Ticks in all, warm-up first.
    let ticks: Int
    /// Warm-up ticks at the start (run, not measured).
    let warmupTicks: Int
    /// The tick's length.
    let tickNanoseconds: Int64
    /// The seat whose work client mode measures.
    let clientSeat: Int
    /// The unmuted seats, the sharers, and the seat that leaves and rejoins (or `nil`).
    let unmutedSeats: [Int], sharerSeats: [Int], churnSeat: Int?
    /// The roster changes, by tick.
    let events: [MeetingEvent]
    /// Ticks at which receivers' previous-epoch keys expire (rekey tick + grace).
    let expiryTicks: [Int]
    /// Keyframes (video layers and screen) drawn at each tick.
    let keyframes: [Int]
    /// Per seat and stream, the largest frame in the schedule (0 when none).
    let largestFrame: [Int]
    /// The schedule's raw storage, read by the loops.
    let view: ScheduleView
    private let allocations: [UnsafeMutableRawPointer]

    init(parts: MeetingScheduleParts) {
        seats = parts.seats
        layers = parts.layers
        ticks = parts.ticks
        warmupTicks = parts.warmupTicks
        tickNanoseconds = parts.tickNanoseconds
        clientSeat = parts.clientSeat
        unmutedSeats = parts.unmutedSeats
        sharerSeats = parts.sharerSeats
        churnSeat = parts.churnSeat
        events = parts.events
        expiryTicks = parts.expiryTicks
        keyframes = parts.keyframes
        largestFrame = parts.largestFrame
        var owned: [UnsafeMutableRawPointer] = []
        func copy<T: BitwiseCopyable>(_ array: [T]) -> UnsafePointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            owned.append(UnsafeMutableRawPointer(buffer.baseAddress!))
            return UnsafePointer(buffer.baseAddress!)
        }
        var serial = [UInt8](repeating: 0, count: parts.ticks)
        for event in parts.events { serial[event.tick] |= ScheduleView.rekeyFlag }
        for tick in parts.expiryTicks { serial[tick] |= ScheduleView.expiryFlag }
        view = ScheduleView(
            seats: parts.seats, streams: parts.layers + 2, layers: parts.layers, galleryTiles: parts.galleryTiles,
            galleryStream: 1 + parts.galleryLayer, speakerStream: 1 + parts.speakerLayer,
            sizes: copy(parts.sizes), audioStart: copy(parts.audioStart), audioSenders: copy(parts.audioSenders),
            speaker: copy(parts.speaker), previousSpeaker: copy(parts.previousSpeaker), segment: copy(parts.segment),
            receiving: copy(parts.receiving), galleryStart: copy(parts.galleryStart), gallery: copy(parts.gallery),
            sharerStart: copy(parts.sharerStart), sharers: copy(parts.sharers), serial: copy(serial))
        allocations = owned
    }

    deinit {
        for pointer in allocations { pointer.deallocate() }
    }

    /// Media time at the start of `tick`.
    func mediaTime(of tick: Int) -> Duration { .nanoseconds(Int64(tick) * tickNanoseconds) }

    /// The events at `tick`.
    func events(at tick: Int) -> [MeetingEvent] { events.filter { $0.tick == tick } }

    /// The largest frame anywhere in the schedule.
    var largestFrameOverall: Int { largestFrame.max() ?? 0 }
}

/// The arrays a ``MeetingSchedule`` is made of, as the builder fills them.
struct MeetingScheduleParts {
    var seats = 0, layers = 0, ticks = 0, warmupTicks = 0
    var tickNanoseconds: Int64 = 10_000_000
    var clientSeat = 0
    var galleryTiles = 0, galleryLayer = 0, speakerLayer = 0
    var unmutedSeats: [Int] = [], sharerSeats: [Int] = []
    var churnSeat: Int? = nil
    var events: [MeetingEvent] = []
    var expiryTicks: [Int] = []
    var keyframes: [Int] = []
    var largestFrame: [Int] = []
    /// ticks × seats × streams sizes, -1 for no frame.
    var sizes: [Int32] = []
    var audioStart: [Int32] = [0], audioSenders: [Int32] = []
    var speaker: [Int32] = [], previousSpeaker: [Int32] = []
    var segment: [Int32] = []
    /// segments × seats: 1 when the seat receives in that segment.
    var receiving: [UInt8] = []
    var galleryStart: [Int32] = [0], gallery: [Int32] = []
    var sharerStart: [Int32] = [0], sharers: [Int32] = []
}
