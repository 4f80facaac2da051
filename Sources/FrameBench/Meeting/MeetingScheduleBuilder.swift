import FrameVectors

/// Builds a ``MeetingSchedule`` from a configuration and a participant count: roles,
/// roster changes, every participant's frames per tick, the active-speaker sequence and
/// the SFU's forwarding. Everything is drawn from the configuration's seed, so the same
/// inputs give the same schedule on every machine.
enum MeetingScheduleBuilder {
    /// The schedule of a meeting of `participants` under `configuration`.
    static func build(participants n: Int, configuration: MeetingSuiteConfiguration) -> MeetingSchedule {
        let m = configuration.model
        var p = MeetingScheduleParts()
        p.seats = n
        p.tickNanoseconds = Int64(m.tickMilliseconds) * 1_000_000
        p.warmupTicks = configuration.warmupTicks
        p.ticks = configuration.warmupTicks + configuration.measuredTicks
        let lanes = configuration.trace.map { TraceLanes($0, tick: p.tickNanoseconds) }
        p.layers = lanes?.video.count ?? m.video.layers.count
        let streams = p.layers + 2
        p.galleryTiles = m.galleryTiles
        p.galleryLayer = min(m.galleryLayer, max(p.layers - 1, 0))
        p.speakerLayer = min(m.speakerLayer ?? (p.layers - 1), max(p.layers - 1, 0))
        p.unmutedSeats = Array(0..<min(m.unmuted, n))
        p.sharerSeats = Array(0..<min(m.sharers, n))
        p.clientSeat = MeetingModel.clientSeat(participants: n)
        p.churnSeat = churnSeat(n, client: p.clientSeat, unmuted: p.unmutedSeats, sharers: p.sharerSeats)
        p.events = events(p, churn: m.churnEvents, measured: configuration.measuredTicks)
        let graceTicks = (m.gracePeriodMilliseconds + m.tickMilliseconds - 1) / m.tickMilliseconds
        p.expiryTicks = Array(Set(p.events.map { $0.tick + graceTicks }.filter { $0 < p.ticks })).sorted()

        func media(index: Int, seat: Int, startTick: Int) -> ParticipantMedia {
            let unmuted = p.unmutedSeats.contains(seat), sharer = p.sharerSeats.contains(seat)
            if let lanes {
                return ParticipantMedia(
                    trace: lanes, index: index, unmuted: unmuted, sharer: sharer, startTick: startTick,
                    tick: p.tickNanoseconds, seed: configuration.seed)
            }
            return ParticipantMedia(
                generated: m, index: index, unmuted: unmuted, sharer: sharer, startTick: startTick,
                tick: p.tickNanoseconds, seed: configuration.seed)
        }
        var occupants: [(index: Int, media: ParticipantMedia)?] = (0..<n).map { ($0, media(index: $0, seat: $0, startTick: 0)) }
        var nextIndex = n
        var speakers = SpeakerTurns(
            candidates: p.unmutedSeats.filter { $0 != p.churnSeat }, model: m, tickNanoseconds: p.tickNanoseconds,
            seed: configuration.seed)
        var previousReceiving: [UInt8] = []
        p.largestFrame = [Int](repeating: 0, count: n * streams)
        p.keyframes = [Int](repeating: 0, count: p.ticks)
        var allSizes = [Int32](repeating: -1, count: p.ticks * n * streams)

        allSizes.withUnsafeMutableBufferPointer { sizes in
            for t in 0..<p.ticks {
                let happening = p.events.filter { $0.tick == t }
                for event in happening {
                    switch event.kind {
                    case .leave: occupants[event.seat] = nil
                    case .join:
                        occupants[event.seat] = (nextIndex, media(index: nextIndex, seat: event.seat, startTick: t + 1))
                        nextIndex += 1
                    }
                }
                let receiving = (0..<n).map { seat -> UInt8 in
                    guard let occupant = occupants[seat] else { return 0 }
                    return occupant.media.startTick <= t ? 1 : 0
                }
                if receiving != previousReceiving {
                    addSegment(&p, receiving: receiving, order: occupants.map { $0?.index ?? .max })
                    previousReceiving = receiving
                }
                p.segment.append(Int32(p.galleryStart.count - 2))
                for seat in 0..<n where occupants[seat] != nil {
                    let row = UnsafeMutableBufferPointer(rebasing: sizes[((t * n + seat) * streams)..<((t * n + seat + 1) * streams)])
                    p.keyframes[t] += occupants[seat]!.media.emit(at: t, into: row)
                    for stream in 0..<streams where Int(row[stream]) > p.largestFrame[seat * streams + stream] {
                        p.largestFrame[seat * streams + stream] = Int(row[stream])
                    }
                }
                // The rekey runs after this tick's seal phase: the keyframes come from the next tick on.
                if !happening.isEmpty {
                    for seat in 0..<n where occupants[seat] != nil { occupants[seat]!.media.requestKeyframes() }
                }
                let (speaker, previous) = speakers.advance(to: t)
                p.speaker.append(Int32(speaker))
                p.previousSpeaker.append(Int32(previous))
                var audio = p.unmutedSeats.filter { sizes[(t * n + $0) * streams] >= 0 }
                if let k = m.loudest {
                    audio.sort { a, b in
                        if (a == speaker) != (b == speaker) { return a == speaker }
                        let sa = sizes[(t * n + a) * streams], sb = sizes[(t * n + b) * streams]
                        return sa != sb ? sa > sb : a < b
                    }
                    audio = Array(audio.prefix(k))
                }
                p.audioSenders += audio.map { Int32($0) }
                p.audioStart.append(Int32(p.audioSenders.count))
            }
        }
        p.sizes = allSizes
        return MeetingSchedule(parts: p)
    }

    /// The seat that leaves and rejoins: the highest seat that is neither the leader
    /// (seat 0), the client, a sharer nor unmuted; failing that, the highest that is not
    /// the leader, the client or a sharer; `nil` when there is none.
    static func churnSeat(_ n: Int, client: Int, unmuted: [Int], sharers: [Int]) -> Int? {
        let candidates = (1..<max(n, 1)).reversed().filter { $0 != client && !sharers.contains($0) }
        return candidates.first { !unmuted.contains($0) } ?? candidates.first
    }

    /// `count` events spread evenly over the measured ticks, alternating leave and join
    /// of the churn seat, at distinct ticks.
    private static func events(_ p: MeetingScheduleParts, churn count: Int, measured: Int) -> [MeetingEvent] {
        guard let seat = p.churnSeat, count > 0 else { return [] }
        var events: [MeetingEvent] = []
        for i in 0..<count {
            var tick = p.warmupTicks + (i + 1) * measured / (count + 1)
            if let last = events.last, tick <= last.tick { tick = last.tick + 1 }
            guard tick < p.ticks else { break }
            events.append(MeetingEvent(tick: tick, kind: i % 2 == 0 ? .leave : .join, seat: seat))
        }
        return events
    }

    /// Starts a roster segment: who receives, the gallery candidates (the first
    /// `galleryTiles + 2` receiving seats in join order, enough after skipping the
    /// receiver and the speaker) and the sharers present.
    private static func addSegment(_ p: inout MeetingScheduleParts, receiving: [UInt8], order: [Int]) {
        p.receiving += receiving
        let present = (0..<p.seats).filter { receiving[$0] != 0 }.sorted { order[$0] < order[$1] }
        p.gallery += present.prefix(p.galleryTiles + 2).map { Int32($0) }
        p.galleryStart.append(Int32(p.gallery.count))
        p.sharers += p.sharerSeats.filter { receiving[$0] != 0 }.map { Int32($0) }
        p.sharerStart.append(Int32(p.sharers.count))
    }
}

/// The active-speaker sequence: turns of exponentially distributed length (at least the
/// minimum), each handed to another unmuted participant drawn uniformly.
struct SpeakerTurns {
    private let candidates: [Int]
    private let mean: Double, minimum: Double, tickSeconds: Double
    private var random: SeededRandom
    private var speaker: Int
    private var previous = -1
    private var turnEnds = 0

    init(candidates: [Int], model: MeetingModel, tickNanoseconds: Int64, seed: UInt64) {
        self.candidates = candidates
        mean = model.meanSpeakerTurnSeconds
        minimum = model.minimumSpeakerTurnSeconds
        tickSeconds = Double(tickNanoseconds) / 1e9
        random = SeededRandom(seed: seed ^ 0x5350_4541_4B45_52)
        speaker = candidates.first ?? -1
        turnEnds = turnLength()
    }

    /// The speaker and previous speaker at `tick` (ticks visited in order).
    mutating func advance(to tick: Int) -> (speaker: Int, previous: Int) {
        if tick >= turnEnds, candidates.count >= 2 {
            let others = candidates.filter { $0 != speaker }
            previous = speaker
            speaker = others[Int.random(in: 0..<others.count, using: &random)]
            turnEnds = tick + turnLength()
        }
        return (speaker, previous)
    }

    private mutating func turnLength() -> Int {
        max(1, Int((max(minimum, random.exponential(mean: mean)) / tickSeconds).rounded()))
    }
}
