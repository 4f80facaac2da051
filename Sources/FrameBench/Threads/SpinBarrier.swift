import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reusable barrier for a fixed number of threads, built on two atomics: no mutex, no
/// condition variable, no allocation. The last thread to arrive resets the count and
/// advances the generation (a release store); the others wait for the generation to move
/// (acquire loads). Everything a thread wrote before arriving is visible to every thread
/// after it leaves.
///
/// Waiting backs off in three steps, so a long wait (a rekey on another thread, which
/// takes seconds in a large meeting) does not take a core from the thread it waits for:
/// about a thousand pure spins (the usual wait, a phase's imbalance, ends here or soon
/// after), then `sched_yield` for up to 50 µs, then 20 µs sleeps.
final class SpinBarrier: Sendable {
    /// The threads that must arrive.
    let parties: Int
    private let arrived = Atomic<Int>(0)
    private let generation = Atomic<Int>(0)

    /// A barrier for `parties` threads.
    init(parties: Int) {
        precondition(parties >= 1)
        self.parties = parties
    }

    /// Waits until all `parties` threads have called `wait()`.
    func wait() {
        let current = generation.load(ordering: .acquiring)
        if arrived.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue == parties {
            arrived.store(0, ordering: .relaxed)
            generation.wrappingAdd(1, ordering: .releasing)
            return
        }
        var spins = 0
        while generation.load(ordering: .acquiring) == current && spins < 1024 { spins &+= 1 }
        let start = Clocks.monotonicNanoseconds()
        while generation.load(ordering: .acquiring) == current {
            if Clocks.monotonicNanoseconds() &- start < 50_000 {
                sched_yield()
            } else {
                var pause = timespec(tv_sec: 0, tv_nsec: 20_000)
                nanosleep(&pause, nil)
            }
        }
    }
}
