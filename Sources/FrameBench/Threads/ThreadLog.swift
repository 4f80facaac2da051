import FrameCrypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One worker thread's record of a case, by tick, in memory allocated before measuring:
/// each phase's nanoseconds and frames, the tick's completion time, and totals. Written
/// only by its thread; read after the threads are joined.
final class ThreadLog: @unchecked Sendable {
    /// Seal phase: nanoseconds and frames, by tick.
    let sealNanoseconds: UnsafeMutableBufferPointer<UInt64>
    let sealFrames: UnsafeMutableBufferPointer<UInt32>
    /// Open phase: nanoseconds and frames, by tick.
    let openNanoseconds: UnsafeMutableBufferPointer<UInt64>
    let openFrames: UnsafeMutableBufferPointer<UInt32>
    /// Nanoseconds from the tick's scheduled release to the end of its open phase on this
    /// thread (rekey pauses excluded), by tick.
    let latency: UnsafeMutableBufferPointer<Int64>
    /// Plaintext bytes sealed and opened, by tick.
    let bytes: UnsafeMutableBufferPointer<UInt64>
    /// SFrame seals and opens (packets in packet granularity, else frames), by tick.
    let sealPackets: UnsafeMutableBufferPointer<UInt32>
    let openPackets: UnsafeMutableBufferPointer<UInt32>
    /// Bytes SFrame added to the frames sealed, by tick and stream kind (``StreamKind``'s
    /// raw value: audio, video, screen), at `tick * 3 + kind`.
    let overheadBytes: UnsafeMutableBufferPointer<UInt32>
    /// Frames sealed outside the timed region (client mode: other senders' frames).
    var untimedSeals = 0
    /// This thread's CPU time over the slices it ran.
    var cpuNanoseconds: UInt64 = 0
    /// The part of ``cpuNanoseconds`` spent outside the measured work: rekeys, and in
    /// client mode the untimed sealing of the frames the client receives.
    var excludedCPUNanoseconds: UInt64 = 0
    /// The first error this thread met.
    var error: SuiteError?

    init(ticks: Int) {
        func make<T: BitwiseCopyable>(_: T.Type, _ zero: T) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(ticks, 1))
            buffer.initialize(repeating: zero)
            return buffer
        }
        sealNanoseconds = make(UInt64.self, 0)
        sealFrames = make(UInt32.self, 0)
        openNanoseconds = make(UInt64.self, 0)
        openFrames = make(UInt32.self, 0)
        latency = make(Int64.self, 0)
        bytes = make(UInt64.self, 0)
        sealPackets = make(UInt32.self, 0)
        openPackets = make(UInt32.self, 0)
        let perKind = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: max(ticks, 1) * 3)
        perKind.initialize(repeating: 0)
        overheadBytes = perKind
    }

    deinit {
        sealNanoseconds.deallocate()
        sealFrames.deallocate()
        openNanoseconds.deallocate()
        openFrames.deallocate()
        latency.deallocate()
        bytes.deallocate()
        sealPackets.deallocate()
        openPackets.deallocate()
        overheadBytes.deallocate()
    }

    /// Records tick `t`'s phases.
    @inline(__always)
    func record(tick t: Int, seal: UInt64, sealed: WorkTally, open: UInt64, opened: WorkTally, latency late: Int64) {
        sealNanoseconds[t] = seal
        sealFrames[t] = UInt32(truncatingIfNeeded: sealed.frames)
        openNanoseconds[t] = open
        openFrames[t] = UInt32(truncatingIfNeeded: opened.frames)
        latency[t] = late
        bytes[t] = UInt64(truncatingIfNeeded: sealed.bytes &+ opened.bytes)
        sealPackets[t] = UInt32(truncatingIfNeeded: sealed.packets)
        openPackets[t] = UInt32(truncatingIfNeeded: opened.packets)
        overheadBytes[3 &* t] = UInt32(truncatingIfNeeded: sealed.overheadAudio)
        overheadBytes[3 &* t &+ 1] = UInt32(truncatingIfNeeded: sealed.overheadVideo)
        overheadBytes[3 &* t &+ 2] = UInt32(truncatingIfNeeded: sealed.overheadScreen)
    }
}

/// Sleeping until a time on the monotonic clock, for paced runs.
enum Pacing {
    /// Returns at or after `deadline` (monotonic nanoseconds); at once if it has passed.
    @inline(never)
    static func sleep(until deadline: UInt64) {
        guard Clocks.monotonicNanoseconds() < deadline else { return }
        var time = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &time, nil) == EINTR {}
    }
}
