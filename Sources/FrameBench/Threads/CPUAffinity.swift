#if canImport(Glibc)
import Glibc

/// Pinning threads to CPUs (Linux `sched_setaffinity`, reached through `dlsym` because
/// Swift's Glibc module does not export it). The meeting suite's worker threads are pinned
/// one per CPU, so the scheduler never runs two of them on one CPU while another sits idle
/// (a freshly made thread starts on its parent's CPU; for a short slice that alone can
/// erase a speed-up). Thread set-up only, never per frame.
enum CPUAffinity {
    private typealias Call = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
    private static let getCall: Call? = dlsym(nil, "sched_getaffinity").map { unsafeBitCast($0, to: Call.self) }
    private static let setCall: Call? = dlsym(nil, "sched_setaffinity").map { unsafeBitCast($0, to: Call.self) }

    /// The calling thread's CPU mask, or `nil` when it cannot be read.
    static func current() -> cpu_set_t? {
        guard let getCall else { return nil }
        var set = cpu_set_t()
        let status = withUnsafeMutableBytes(of: &set) { getCall(0, $0.count, $0.baseAddress!) }
        return status == 0 ? set : nil
    }

    /// The CPUs in `set`, lowest first.
    static func cpus(in set: cpu_set_t) -> [Int] {
        withUnsafeBytes(of: set) { raw in
            (0..<(raw.count * 8)).filter { raw[$0 / 8] & (1 << UInt8($0 % 8)) != 0 }
        }
    }

    /// Restricts the calling thread to `set`; `false` when that fails.
    @discardableResult
    static func apply(_ set: cpu_set_t) -> Bool {
        guard let setCall else { return false }
        var copy = set
        return withUnsafeMutableBytes(of: &copy) { setCall(0, $0.count, $0.baseAddress!) } == 0
    }

    /// Pins the calling thread to `cpu`; `false` when that fails.
    @discardableResult
    static func pin(to cpu: Int) -> Bool {
        var set = cpu_set_t()
        withUnsafeMutableBytes(of: &set) { raw in
            guard cpu / 8 < raw.count else { return }
            raw[cpu / 8] |= 1 << UInt8(cpu % 8)
        }
        return apply(set)
    }
}
#endif
