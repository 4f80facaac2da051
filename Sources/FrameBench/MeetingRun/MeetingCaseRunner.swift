import FrameCrypto
import Synchronization

/// What one slice of a case took.
struct SliceResult: Sendable {
    /// The ticks run.
    var ticks: Range<Int>
    /// Wall time of the slice without the serial sections (rekeys); in client mode, the
    /// sum of the timed regions (the client's own work).
    var wallNanoseconds: UInt64
    /// Wall time of the serial sections (rekeys, grace expiry).
    var serialNanoseconds: UInt64
    /// Preemptions of the process during the slice.
    var involuntaryContextSwitches: Int
    /// Host steal time during the slice, all CPUs (``HostSteal``).
    var stealNanoseconds: UInt64
}

/// A case's runner for one backend (or for the harness alone), reached once per slice.
protocol MeetingSliceRunner: AnyObject {
    /// The backend's name, or `harness`.
    var name: String { get }
    /// Whether it seals whole frames or packets.
    var granularity: Granularity { get }
    /// Each worker thread's log.
    var logs: [ThreadLog] { get }
    /// The rekeys' cost, when this runner has keys.
    var rekeyStats: RekeyStats? { get }
    /// Runs `ticks`, paced or as fast as possible.
    func runSlice(_ ticks: Range<Int>, paced: Bool) throws(SuiteError) -> SliceResult
}

/// Runs a schedule's ticks through ``MeetingLoops`` with one ``FrameWork``.
///
/// Meeting mode works in *blocks* of up to `blockTicks` consecutive ticks (1 when paced;
/// a tick with a rekey or grace expiry is always a block of its own). Per block, on each
/// of `threads` threads (thread `k` owns the seats `k`, `k + threads`, …: their
/// keyrings, their seals, their opens):
/// 1. (paced) sleep until the block's release: slice start + ticks × tick length + pauses;
/// 2. seal phase: seal the owned seats' frames of the block's ticks, seat by seat; barrier;
/// 3. serial section when the tick has a rekey or grace expiry: thread 0 does it while
///    the others wait at a second barrier; its time is kept out of the measured time;
/// 4. open phase: open every frame forwarded to the owned seats, receiver by receiver.
///
/// Slots form a ring of at least two blocks' ticks, so one barrier per block is enough:
/// a thread that passed block `b`'s barrier may seal block `b + 1` while others still
/// open block `b`. Client mode runs on one thread, tick by tick: the client's seals and
/// opens are timed; the frames forwarded to it by others are sealed after each tick for
/// the next one, untimed.
final class MeetingCaseRunner<W: FrameWork>: MeetingSliceRunner, @unchecked Sendable {
    let name: String
    let granularity: Granularity
    let logs: [ThreadLog]
    private let schedule: MeetingSchedule
    private let mode: MeetingMode
    private let threads: Int
    private let blockTicks: Int
    private let work: W
    private let serial: (any MeetingSerialWork)?
    private let slots: SlotArena
    private let plaintext: UnsafeRawPointer
    private let outputs: [UnsafeMutableRawBufferPointer]
    private let barrier: SpinBarrier
    private let failed = Atomic<Bool>(false)
    /// [0] slice release origin, [1] serial pause so far, [2] start, [3] end (monotonic ns).
    private let shared: UnsafeMutablePointer<UInt64>

    var rekeyStats: RekeyStats? { serial?.rekeyStats }

    init(
        name: String, granularity: Granularity = .frame, schedule: MeetingSchedule, mode: MeetingMode, threads: Int,
        blockTicks: Int, work: W, serial: (any MeetingSerialWork)?, slots: SlotArena, plaintext: UnsafeRawPointer
    ) {
        self.name = name
        self.granularity = granularity
        self.schedule = schedule
        self.mode = mode
        self.threads = mode == .client ? 1 : threads
        self.blockTicks = mode == .client ? 1 : max(blockTicks, 1)
        self.work = work
        self.serial = serial
        self.plaintext = plaintext
        precondition(slots.view.depth >= 2 * self.blockTicks, "slot ring too shallow for the block")
        self.slots = slots
        barrier = SpinBarrier(parties: self.threads)
        logs = (0..<self.threads).map { _ in ThreadLog(ticks: schedule.ticks) }
        outputs = (0..<self.threads).map { _ in AlignedBuffer.zeroed(max(schedule.largestFrameOverall, 1)) }
        shared = .allocate(capacity: 4)
        shared.initialize(repeating: 0, count: 4)
    }

    deinit {
        for output in outputs { output.deallocate() }
        shared.deallocate()
    }

    func runSlice(_ ticks: Range<Int>, paced: Bool) throws(SuiteError) -> SliceResult {
        failed.store(false, ordering: .relaxed)
        let usage = Clocks.processUsage()
        let steal = HostSteal.nanoseconds()
        shared[0] = Clocks.monotonicNanoseconds() &+ (paced ? 2_000_000 : 0)
        shared[1] = 0
        let wall: UInt64
        switch mode {
        case .client:
            wall = clientSlice(ticks, paced: paced)
        case .meeting:
            WorkerThreads.run(count: threads) { k in self.meetingSlice(k, ticks, paced: paced) }
            wall = (shared[3] &- shared[2]) &- shared[1]
        }
        if let error = logs.lazy.compactMap(\.error).first { throw error }
        return SliceResult(
            ticks: ticks, wallNanoseconds: wall, serialNanoseconds: shared[1],
            involuntaryContextSwitches: Clocks.processUsage().since(usage).involuntaryContextSwitches,
            stealNanoseconds: HostSteal.nanoseconds() &- steal)
    }

    private func fail(_ log: ThreadLog, _ error: SuiteError) {
        if log.error == nil { log.error = error }
        failed.store(true, ordering: .relaxed)
    }

    /// Thread 0's serial section, timed into the pause total (its CPU time is kept out of
    /// the thread's measured CPU time).
    private func serialSection(_ tick: Int, _ flags: UInt8, _ log: ThreadLog) {
        let cpu = Clocks.threadCPUNanoseconds()
        defer { log.excludedCPUNanoseconds &+= Clocks.threadCPUNanoseconds() &- cpu }
        let start = Clocks.monotonicNanoseconds()
        if let serial, !failed.load(ordering: .relaxed) {
            do {
                try serial.serialSection(tick: tick, flags: flags)
            } catch {
                fail(log, error)
            }
        }
        shared[1] &+= Clocks.monotonicNanoseconds() &- start
    }

    private func meetingSlice(_ k: Int, _ ticks: Range<Int>, paced: Bool) {
        let view = schedule.view, slotView = slots.view, work = self.work, log = logs[k], output = outputs[k]
        let step = threads, first = ticks.lowerBound, tickLength = UInt64(schedule.tickNanoseconds)
        let block = paced ? 1 : blockTicks
        let cpuStart = Clocks.threadCPUNanoseconds()
        if step > 1 { barrier.wait() }
        if k == 0 { shared[2] = Clocks.monotonicNanoseconds() }
        var t0 = first
        while t0 < ticks.upperBound {
            var t1 = t0 &+ 1
            if view.serial[t0] == 0 {
                while t1 < ticks.upperBound, t1 &- t0 < block, view.serial[t1] == 0 { t1 &+= 1 }
            }
            let release = shared[0] &+ UInt64(t0 &- first) &* tickLength
            if paced { Pacing.sleep(until: release &+ shared[1]) }
            var sealed = WorkTally(), opened = WorkTally()
            let a = Clocks.monotonicNanoseconds()
            if !failed.load(ordering: .relaxed) {
                do {
                    try MeetingLoops.sealSeats(
                        work, view, slotView, plaintext: plaintext, ticks: t0..<t1, first: k, step: step, tally: &sealed)
                } catch {
                    fail(log, .crypto(error))
                }
            }
            let b = Clocks.monotonicNanoseconds()
            if step > 1 { barrier.wait() }
            let flags = view.serial[t0]
            if flags != 0 {
                if k == 0 { serialSection(t0, flags, log) }
                if step > 1 { barrier.wait() }
            }
            let c = Clocks.monotonicNanoseconds()
            if !failed.load(ordering: .relaxed) {
                do {
                    try MeetingLoops.openReceivers(
                        work, view, slotView, output: output, ticks: t0..<t1, first: k, step: step, tally: &opened)
                } catch {
                    fail(log, .crypto(error))
                }
            }
            let d = Clocks.monotonicNanoseconds()
            let late = Int64(bitPattern: d &- (release &+ shared[1]))
            log.record(tick: t0, seal: b &- a, sealed: sealed, open: d &- c, opened: opened, latency: late)
            t0 = t1
        }
        if step > 1 { barrier.wait() }
        if k == 0 { shared[3] = Clocks.monotonicNanoseconds() }
        log.cpuNanoseconds &+= Clocks.threadCPUNanoseconds() &- cpuStart
    }

    /// Client mode; returns the timed nanoseconds.
    private func clientSlice(_ ticks: Range<Int>, paced: Bool) -> UInt64 {
        let view = schedule.view, slotView = slots.view, work = self.work, log = logs[0], output = outputs[0]
        let client = schedule.clientSeat, seats = schedule.seats, first = ticks.lowerBound
        let tickLength = UInt64(schedule.tickNanoseconds)
        let cpuStart = Clocks.threadCPUNanoseconds()
        var untimed = WorkTally()
        prepare(first, &untimed, log)  // always: another runner may have used the shared slots
        var timed: UInt64 = 0
        for t in ticks {
            let release = shared[0] &+ UInt64(t &- first) &* tickLength
            if paced { Pacing.sleep(until: release &+ shared[1]) }
            var sealed = WorkTally(), opened = WorkTally()
            let a = Clocks.monotonicNanoseconds()
            if !failed.load(ordering: .relaxed) {
                do {
                    try MeetingLoops.sealSeats(
                        work, view, slotView, plaintext: plaintext, ticks: t..<(t + 1), first: client, step: seats, tally: &sealed)
                } catch {
                    fail(log, .crypto(error))
                }
            }
            let b = Clocks.monotonicNanoseconds()
            let flags = view.serial[t]
            if flags != 0 { serialSection(t, flags, log) }
            let c = Clocks.monotonicNanoseconds()
            if !failed.load(ordering: .relaxed) {
                do {
                    try MeetingLoops.openReceivers(
                        work, view, slotView, output: output, ticks: t..<(t + 1), first: client, step: seats, tally: &opened)
                } catch {
                    fail(log, .crypto(error))
                }
            }
            let d = Clocks.monotonicNanoseconds()
            let late = Int64(bitPattern: d &- (release &+ shared[1]))
            log.record(tick: t, seal: b &- a, sealed: sealed, open: d &- c, opened: opened, latency: late)
            timed &+= (b &- a) &+ (d &- c)
            if t + 1 < schedule.ticks { prepare(t + 1, &untimed, log) }
        }
        log.untimedSeals += untimed.frames
        log.cpuNanoseconds &+= Clocks.threadCPUNanoseconds() &- cpuStart
        return timed
    }

    /// Client mode, untimed: seals the frames forwarded to the client at `tick`.
    private func prepare(_ tick: Int, _ tally: inout WorkTally, _ log: ThreadLog) {
        let cpu = Clocks.threadCPUNanoseconds()
        defer { log.excludedCPUNanoseconds &+= Clocks.threadCPUNanoseconds() &- cpu }
        guard !failed.load(ordering: .relaxed) else { return }
        do {
            try MeetingLoops.sealForwarded(
                work, schedule.view, slots.view, plaintext: plaintext, tick: tick, to: schedule.clientSeat, tally: &tally)
        } catch {
            fail(log, .crypto(error))
        }
    }
}
