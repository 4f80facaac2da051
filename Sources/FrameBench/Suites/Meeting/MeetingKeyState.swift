import FrameCrypto

/// A meeting's keys: the roster, every participant's identity and `ParticipantKeyring`
/// (by seat, in memory the per-frame loops reach through ``KeyringWork``), and the rekey
/// that follows every join and leave.
///
/// In client mode only the client's keyring installs the other participants' receive
/// keys; the others seal but never open, so they are keyed for their own streams only.
final class MeetingKeyState<Context: AEADContext & ~Copyable>: MeetingSerialWork, @unchecked Sendable {
    /// The keyrings, by seat; initialised where ``occupied``.
    let keyrings: KeyringSlots<Context>
    var rekeyStats = RekeyStats()
    let schedule: MeetingSchedule
    let mode: MeetingMode
    let grace: Duration
    /// The SFrame cipher suite of every keyring.
    let suite: SFrameCipherSuite
    /// Threads that rekey participants in parallel, each its own seats (`seat mod
    /// threads`), as the per-frame work is partitioned.
    let rekeyThreads: Int
    var meeting: Meeting
    var identities: [IdentityBox?]
    /// Whether each seat's keyring is initialised (written by the seat's rekey thread).
    let occupied: UnsafeMutableBufferPointer<Bool>

    final class IdentityBox: Sendable {
        let identity: ParticipantIdentity
        init(_ identity: consuming ParticipantIdentity) { self.identity = identity }
    }

    /// Every seat joined and keyed for the first epoch (the initial keying, not measured,
    /// on `setupThreads` threads), under `suite`. Rekeys during the run use `rekeyThreads`.
    init(
        schedule: MeetingSchedule, mode: MeetingMode, gracePeriod: Duration, rekeyThreads: Int, setupThreads: Int,
        suite: SFrameCipherSuite = .default
    ) throws(SuiteError) {
        self.schedule = schedule
        self.suite = suite
        self.mode = mode
        self.grace = gracePeriod
        self.rekeyThreads = mode == .client ? 1 : max(rekeyThreads, 1)
        meeting = Meeting(capacity: max(schedule.seats, Meeting.defaultCapacity))
        keyrings = .allocate(count: schedule.seats)
        occupied = .allocate(capacity: max(schedule.seats, 1))
        occupied.initialize(repeating: false)
        identities = []
        do {
            for _ in 0..<schedule.seats { identities.append(IdentityBox(try meeting.join())) }
        } catch {
            throw .crypto(error)
        }
        try rekey(tick: 0, joined: Set(0..<schedule.seats), record: false, threads: max(setupThreads, 1))
    }

    deinit {
        for seat in 0..<schedule.seats where occupied[seat] { keyrings.at(seat).deinitialize(count: 1) }
        keyrings.deallocate()
        occupied.deallocate()
    }

    /// The KeyringWork over these keyrings, sealing whole frames or, under `packets`,
    /// packet by packet.
    func work(overhead: SyntheticOverhead, packets: PacketBudget?) -> KeyringWork<Context> {
        MeetingLoops.instantiateDispatchMetadata()
        return KeyringWork(keyrings: keyrings, overhead: overhead, mtu: packets?.mtu ?? 0, tagCount: suite.tagByteCount)
    }

    func serialSection(tick: Int, flags: UInt8) throws(SuiteError) {
        let time = schedule.mediaTime(of: tick)
        let start = Clocks.monotonicNanoseconds()
        for seat in 0..<schedule.seats where occupied[seat] { keyrings.at(seat).pointee.advance(toMediaTime: time) }
        if flags & ScheduleView.expiryFlag != 0 {
            rekeyStats.expiryNanoseconds.append(Clocks.monotonicNanoseconds() &- start)
        }
        guard flags & ScheduleView.rekeyFlag != 0 else { return }
        var joined: Set<Int> = []
        for event in schedule.events(at: tick) {
            switch event.kind {
            case .leave:
                guard let box = identities[event.seat] else { continue }
                meeting.leave(box.identity.index)
                identities[event.seat] = nil
                if occupied[event.seat] { keyrings.at(event.seat).deinitialize(count: 1) }
                occupied[event.seat] = false
            case .join:
                do {
                    identities[event.seat] = IdentityBox(try meeting.join())
                } catch {
                    throw .crypto(error)
                }
                joined.insert(event.seat)
            }
        }
        try rekey(tick: tick, joined: joined, record: true, threads: rekeyThreads)
    }
}
