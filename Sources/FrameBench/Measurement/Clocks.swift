#if canImport(Glibc)
import Glibc
private let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
#elseif canImport(Darwin)
import Darwin
private let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif

/// The clocks FrameBench reads: wall time for measuring, CPU time for explaining.
///
/// Each read is one `clock_gettime` call into a stack `timespec`: no allocation, no lock.
/// On Linux `CLOCK_MONOTONIC` is served by the vDSO (tens of nanoseconds, no system
/// call); the CPU-time clocks are system calls (a few hundred nanoseconds), so the suites
/// read them per group of batches, never per batch.
package enum Clocks {
    /// Nanoseconds on `CLOCK_MONOTONIC`: never goes backwards, not adjusted by NTP steps,
    /// counts from an arbitrary origin. The same clock the C reference reads.
    @inline(__always)
    package static func monotonicNanoseconds() -> UInt64 {
        read(CLOCK_MONOTONIC)
    }

    /// CPU time this thread has consumed, in nanoseconds (`CLOCK_THREAD_CPUTIME_ID`).
    /// Compared with wall time over the same span, it tells whether the thread was
    /// descheduled (on a shared machine, by other work).
    package static func threadCPUNanoseconds() -> UInt64 {
        read(CLOCK_THREAD_CPUTIME_ID)
    }

    /// CPU time the whole process has consumed, user plus system, in nanoseconds
    /// (`CLOCK_PROCESS_CPUTIME_ID`).
    package static func processCPUNanoseconds() -> UInt64 {
        read(CLOCK_PROCESS_CPUTIME_ID)
    }

    /// User and system CPU time of the process from `getrusage(RUSAGE_SELF)`, in
    /// nanoseconds (microsecond resolution), and its voluntary and involuntary context
    /// switches.
    package static func processUsage() -> ProcessUsage {
        var usage = rusage()
        getrusage(RUSAGE_SELF_WHO, &usage)
        func ns(_ t: timeval) -> UInt64 { UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_usec) * 1_000 }
        return ProcessUsage(
            userNanoseconds: ns(usage.ru_utime), systemNanoseconds: ns(usage.ru_stime),
            voluntaryContextSwitches: Int(usage.ru_nvcsw), involuntaryContextSwitches: Int(usage.ru_nivcsw))
    }

    @inline(__always)
    private static func read(_ clock: clockid_t) -> UInt64 {
        var now = timespec()
        clock_gettime(clock, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }
}

/// What `getrusage(RUSAGE_SELF)` reports about the process so far.
package struct ProcessUsage: Sendable, Equatable, Codable {
    /// CPU time in user mode, in nanoseconds.
    package var userNanoseconds: UInt64
    /// CPU time in the kernel, in nanoseconds.
    package var systemNanoseconds: UInt64
    /// Times the process gave up the CPU itself (blocking).
    package var voluntaryContextSwitches: Int
    /// Times the scheduler took the CPU away (preemption: other work on the machine).
    package var involuntaryContextSwitches: Int

    /// The usage between `earlier` and this reading.
    package func since(_ earlier: ProcessUsage) -> ProcessUsage {
        ProcessUsage(
            userNanoseconds: userNanoseconds &- earlier.userNanoseconds,
            systemNanoseconds: systemNanoseconds &- earlier.systemNanoseconds,
            voluntaryContextSwitches: voluntaryContextSwitches - earlier.voluntaryContextSwitches,
            involuntaryContextSwitches: involuntaryContextSwitches - earlier.involuntaryContextSwitches)
    }
}
