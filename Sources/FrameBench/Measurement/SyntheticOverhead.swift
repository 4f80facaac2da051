/// A known, injected slowdown: calibrated busy work a suite runs once per frame inside
/// its timed region.
///
/// It exists to prove that a performance gate works, not to model anything real. A gate
/// that cannot flag a slowdown it was told about cannot be trusted to flag one nobody
/// told it about, so `framebench frames --synthetic-overhead-ns N` (and the meeting
/// suite's flag of the same name) adds about `N` nanoseconds to every frame, and
/// `scripts/gate-selftest.sh` checks that `framebench compare` flags that and passes an
/// A/A comparison. Never enable it in a measurement you report.
///
/// The work is a dependent chain of 64-bit multiply-xorshift steps: each step needs the
/// previous one's result, so the CPU cannot overlap steps and the cost grows linearly with
/// the step count; it touches no memory,
/// so it does not disturb the caches the measured code uses. The steps per nanosecond are
/// calibrated once per process, the first time an overhead other than ``none`` is made,
/// against the monotonic clock (about 5 ms): make overheads before measuring, never
/// inside a timed region. The resolution is one step, about a nanosecond.
///
/// `N` ns is what the work takes on its own. Between frames, an out-of-order CPU runs part
/// of the next frame's independent instructions while the chain completes, so the slowdown
/// a frame sees is smaller — on the development VM, 32 ns of work made a 650 ns frame
/// about 2.5 % slower, not 5 %. To inject a slowdown of a given size, measure what `N` adds
/// and scale it, as `scripts/gate-selftest.sh` does.
///
/// ``none`` does no work and skips calibration; ``apply()`` on it is one call that
/// returns at once. A loop that must not pay even that can branch on ``isNone`` once per
/// batch, as the frames suite does.
///
/// ```swift
/// let overhead = SyntheticOverhead(nanoseconds: 12)   // calibrates here, once
/// for frame in frames {
///     try context.seal(...)
///     overhead.apply()                                // ~12 ns more per frame
/// }
/// ```
package struct SyntheticOverhead: Sendable, Equatable {
    /// The overhead asked for, in nanoseconds per ``apply()``.
    package let nanoseconds: Int
    /// Steps of the dependent chain one ``apply()`` runs (0 for ``none``).
    package let steps: Int
    /// Heap blocks one ``apply()`` allocates and frees (0 but in allocation-gate self-tests):
    /// the known allocation `scripts/check-allocations.sh` and
    /// `scripts/check-meeting-allocations.sh` must find inside the loops, to prove they
    /// can see one.
    package private(set) var allocations = 0

    /// About `nanoseconds` of busy work per ``apply()``; 0 or less is ``none``.
    /// The first non-zero overhead made in a process calibrates the work (about 5 ms).
    package init(nanoseconds: Int) {
        guard nanoseconds > 0 else {
            self.init(nanoseconds: 0, steps: 0)
            return
        }
        let steps = Int((Double(nanoseconds) * SyntheticOverheadCalibration.stepsPerNanosecond).rounded())
        self.init(nanoseconds: nanoseconds, steps: max(steps, 1))
    }

    init(nanoseconds: Int, steps: Int) {
        self.nanoseconds = nanoseconds
        self.steps = steps
    }

    /// Exactly `steps` steps of the chain per ``apply()``, uncalibrated: a fixed number of
    /// instructions per frame, the same on every machine. The instruction gate's self-test
    /// (`scripts/instructions.sh --self-test`) injects its deliberate slowdown with it;
    /// ``nanoseconds`` is 0 because no time was asked for. 0 or less is ``none``.
    package init(steps: Int) {
        self.init(nanoseconds: 0, steps: max(steps, 0))
    }

    /// No overhead: ``apply()`` returns at once.
    package static let none = SyntheticOverhead(nanoseconds: 0, steps: 0)

    /// This overhead with `count` heap allocations (each freed at once) added to every
    /// ``apply()``; 0 or less adds none.
    package func allocating(_ count: Int) -> SyntheticOverhead {
        var copy = self
        copy.allocations = max(count, 0)
        return copy
    }

    /// Whether this is ``none``: no busy work and no allocation.
    package var isNone: Bool { steps == 0 && allocations == 0 }

    /// Runs the busy work: about ``nanoseconds`` nanoseconds (exactly ``steps`` steps), and
    /// the ``allocations``; nothing for ``none``.
    @inline(never)
    package func apply() {
        SyntheticOverheadCalibration.spin(steps: steps, seed: UInt64(truncatingIfNeeded: steps))
        for _ in 0..<allocations { SyntheticOverheadCalibration.allocateAndFree() }
    }
}

/// The busy loop and its one-time calibration.
enum SyntheticOverheadCalibration {
    /// Steps of ``spin(steps:seed:)`` per nanosecond on this machine, measured once.
    static let stepsPerNanosecond: Double = calibrate()

    /// `steps` dependent multiply-xorshift steps from `seed`. The chain's value is compared
    /// with its start, so the optimiser must compute every step (and cannot delete the loop
    /// as unused), while nothing is stored anywhere. A step is not affine (a plain
    /// multiply-add is: LLVM composed eight of them into one, so the cost per step depended
    /// on the step count), and the function is optimised for size, so it is not unrolled:
    /// each step costs the same few instructions, and `steps` more steps cost exactly
    /// `steps` times as many, which the instruction gate's self-test relies on.
    @inline(never)
    @_optimize(size)
    static func spin(steps: Int, seed: UInt64) {
        guard steps > 0 else { return }
        var x = seed | 1
        for _ in 0..<steps {
            x = (x &* 6_364_136_223_846_793_005) ^ (x >> 29)
        }
        if x == 0 { fatalError("SyntheticOverhead: the busy loop reached zero") }
    }

    /// One heap allocation of 16 bytes, freed at once; never inlined, so the allocation
    /// cannot be optimised away.
    @inline(never)
    static func allocateAndFree() {
        let block = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16)
        block.storeBytes(of: 0, as: UInt64.self)
        block.deallocate()
    }

    /// Finds a step count that takes at least 100 µs, then takes the fastest of 50 timed
    /// runs of it (about 5 ms): runs that short mostly fit between two preemptions even on a
    /// busy machine, and the fastest is the one no other work disturbed.
    static func calibrate() -> Double {
        var steps = 1 << 10
        while true {
            let ns = time(steps: steps)
            if ns >= 100_000 || steps >= 1 << 30 { break }
            steps *= 2
        }
        var fastest = UInt64.max
        for _ in 0..<50 { fastest = min(fastest, time(steps: steps)) }
        return Double(steps) / Double(max(fastest, 1))
    }

    private static func time(steps: Int) -> UInt64 {
        let start = Clocks.monotonicNanoseconds()
        spin(steps: steps, seed: 0x9E37_79B9_7F4A_7C15)
        return Clocks.monotonicNanoseconds() &- start
    }
}
