/// A ``MeetingSchedule`` seen through raw pointers, as the per-frame loops read it: a
/// plain value, copied into each loop, so reading the schedule costs no reference
/// counting, no bounds check and no exclusivity check. Valid while its schedule lives.
///
/// Streams of a seat: 0 audio, 1…`layers` the video layers (lowest first), `streams − 1`
/// the screen share.
struct ScheduleView: @unchecked Sendable {
    static let rekeyFlag: UInt8 = 1
    static let expiryFlag: UInt8 = 2

    let seats: Int
    let streams: Int
    let layers: Int
    let galleryTiles: Int
    let galleryStream: Int
    let speakerStream: Int
    let sizes: UnsafePointer<Int32>
    let audioStart: UnsafePointer<Int32>
    let audioSenders: UnsafePointer<Int32>
    let speaker: UnsafePointer<Int32>
    let previousSpeaker: UnsafePointer<Int32>
    let segment: UnsafePointer<Int32>
    let receiving: UnsafePointer<UInt8>
    let galleryStart: UnsafePointer<Int32>
    let gallery: UnsafePointer<Int32>
    let sharerStart: UnsafePointer<Int32>
    let sharers: UnsafePointer<Int32>
    let serial: UnsafePointer<UInt8>

    /// The screen stream's index.
    @inline(__always) var screenStream: Int { streams - 1 }

    /// The size of `seat`'s frame on `stream` at `tick`, or -1 when it sends none.
    @inline(__always)
    func size(_ tick: Int, _ seat: Int, _ stream: Int) -> Int {
        Int(sizes[(tick &* seats &+ seat) &* streams &+ stream])
    }

    /// Whether `seat` receives at `tick` (present, and joined before this tick).
    @inline(__always)
    func receives(_ tick: Int, _ seat: Int) -> Bool {
        receiving[Int(segment[tick]) &* seats &+ seat] != 0
    }

    /// Calls `body(sender, stream)` for every frame the SFU forwards to `receiver` at
    /// `tick`, in this order:
    /// 1. audio of every forwarded sender (every unmuted sender that sent a frame, or the
    ///    `k` loudest), except the receiver's own;
    /// 2. the speaker layer of the active speaker (of the previous speaker when the
    ///    receiver is the active speaker), when it sent a frame;
    /// 3. the gallery layer of the first `galleryTiles` participants in join order, not
    ///    counting the receiver and the sender of step 2, for those that sent a frame;
    /// 4. the screen of every sharer other than the receiver that sent a frame.
    /// Each (sender, stream) comes at most once. Nothing when the receiver is absent.
    @inline(__always)
    func forEachReception<E: Error>(
        receiver: Int, tick: Int, _ body: (_ sender: Int, _ stream: Int) throws(E) -> Void
    ) throws(E) {
        let segmentIndex = Int(segment[tick])
        guard receiving[segmentIndex &* seats &+ receiver] != 0 else { return }
        var i = Int(audioStart[tick])
        let audioEnd = Int(audioStart[tick &+ 1])
        while i < audioEnd {
            let sender = Int(audioSenders[i])
            if sender != receiver { try body(sender, 0) }
            i &+= 1
        }
        guard layers > 0 || sharerStart[segmentIndex] != sharerStart[segmentIndex &+ 1] else { return }
        var high = Int(speaker[tick])
        if high == receiver { high = Int(previousSpeaker[tick]) }
        if layers > 0 {
            if high >= 0, size(tick, high, speakerStream) >= 0 { try body(high, speakerStream) }
            var shown = 0
            var g = Int(galleryStart[segmentIndex])
            let galleryEnd = Int(galleryStart[segmentIndex &+ 1])
            while g < galleryEnd, shown < galleryTiles {
                let sender = Int(gallery[g])
                g &+= 1
                if sender == receiver || sender == high { continue }
                shown &+= 1
                if size(tick, sender, galleryStream) >= 0 { try body(sender, galleryStream) }
            }
        }
        var s = Int(sharerStart[segmentIndex])
        let sharerEnd = Int(sharerStart[segmentIndex &+ 1])
        let screen = screenStream
        while s < sharerEnd {
            let sender = Int(sharers[s])
            s &+= 1
            if sender != receiver, size(tick, sender, screen) >= 0 { try body(sender, screen) }
        }
    }
}
