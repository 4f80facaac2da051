import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar on standard error: `[#########.........]  45%  status`, redrawn in
/// place when standard error is a terminal; otherwise only the log lines are written.
/// Not for timed regions: it formats and writes text.
package final class ProgressBar {
    private let interactive: Bool
    private let width = 28
    private var lastDraw: UInt64 = 0
    private var lastLength = 0

    /// A bar drawn only when standard error is a terminal (or `interactive` says so).
    package init(interactive: Bool? = nil) {
        self.interactive = interactive ?? (isatty(2) == 1)
    }

    /// Redraws the bar at `fraction` (0…1) with `status`, at most ten times a second.
    package func update(_ fraction: Double, _ status: String) {
        guard interactive else { return }
        let now = Clocks.monotonicNanoseconds()
        guard now &- lastDraw > 100_000_000 || fraction >= 1 else { return }
        lastDraw = now
        let clamped = min(max(fraction, 0), 1)
        let filled = Int((clamped * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        var line = "[\(bar)] \(String(repeating: " ", count: clamped < 0.1 ? 2 : (clamped < 1 ? 1 : 0)))\(Int(clamped * 100))%  \(status)"
        if line.count > 110 { line = String(line.prefix(109)) + "…" }
        write("\r" + line + String(repeating: " ", count: max(0, lastLength - line.count)))
        lastLength = line.count
    }

    /// Writes `line` on its own line (above the bar when interactive).
    package func log(_ line: String) {
        if interactive {
            write("\r" + String(repeating: " ", count: lastLength) + "\r")
            lastLength = 0
            lastDraw = 0
        }
        write(line + "\n")
    }

    /// Clears the bar.
    package func finish() {
        guard interactive, lastLength > 0 else { return }
        write("\r" + String(repeating: " ", count: lastLength) + "\r")
        lastLength = 0
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
