import Foundation

/// Steal time: how long the hypervisor ran something else on this virtual machine's CPUs
/// (`/proc/stat`, all CPUs, in USER_HZ ticks of 10 ms). A thread's CPU clock cannot see it
/// — a stolen CPU is simply not running — so a case whose steal time is not 0 ran on a
/// shared host and its times are inflated. Reads a file: between slices only.
enum HostSteal {
    /// Nanoseconds of steal time since boot, summed over CPUs, or 0 where unknown.
    static func nanoseconds() -> UInt64 {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") })
        else { return 0 }
        let fields = line.split(separator: " ")
        // cpu user nice system idle iowait irq softirq steal ...
        guard fields.count > 8, let ticks = UInt64(fields[8]) else { return 0 }
        return ticks * 10_000_000
    }
}
