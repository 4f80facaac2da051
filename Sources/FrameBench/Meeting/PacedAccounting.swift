import Histogram

/// Latency and deadline accounting of a paced run.
///
/// A *sample* is one frame operation (a seal or an open). Its latency is the time from
/// its tick's scheduled release to the end of that tick's work (seal phase and open
/// phase) on the thread that did it, rekey pauses excluded: every frame a thread handles
/// in a tick gets the same value, the moment the last of them was done, so the value is an
/// upper bound for each (one clock read per phase, not per frame). A frame *misses its
/// deadline* when that latency exceeds the deadline.
package struct PacedSummary: Sendable, Equatable {
    /// Frame operations counted.
    package var frames: Int
    /// Latency percentiles in nanoseconds (HdrHistogram, 3 significant digits), max exact.
    package var p50: Double, p90: Double, p99: Double, p999: Double, max: Double
    /// Frame operations whose latency exceeded the deadline.
    package var missedFrames: Int
    /// Ticks in which a thread with frames finished after the deadline.
    package var missedTicks: Int
    /// Ticks counted.
    package var ticks: Int

    /// The share of frame operations that missed the deadline.
    package var missedFraction: Double { frames > 0 ? Double(missedFrames) / Double(frames) : 0 }
}

/// Builds a ``PacedSummary`` from per-thread, per-tick latencies and frame counts.
package enum PacedAccounting {
    /// `latencies[k][t]` (nanoseconds, negative meaning early, counted as 0) weighted by
    /// `frames[k][t]`, against `deadline` nanoseconds.
    package static func summarize(latencies: [[Int64]], frames: [[Int]], deadline: Int64) -> PacedSummary {
        var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000_000, numberOfSignificantValueDigits: .three)
        var total = 0, missed = 0, largest: Int64 = 0
        var missedTicks = Set<Int>()
        var ticks = 0
        for (k, row) in latencies.enumerated() {
            ticks = Swift.max(ticks, row.count)
            for (t, latency) in row.enumerated() {
                let count = frames[k][t]
                let value = Swift.max(latency, 0)
                guard count > 0 else { continue }
                if value > deadline { missedTicks.insert(t) }
                _ = histogram.record(UInt64(Swift.min(value, 3_600_000_000_000)), count: UInt64(count))
                total += count
                largest = Swift.max(largest, value)
                if value > deadline { missed += count }
            }
        }
        func at(_ percentile: Double) -> Double {
            total > 0 ? Swift.min(Double(histogram.valueAtPercentile(percentile)), Double(largest)) : 0
        }
        return PacedSummary(
            frames: total, p50: at(50), p90: at(90), p99: at(99), p999: at(99.9), max: Double(largest),
            missedFrames: missed, missedTicks: missedTicks.count, ticks: ticks)
    }
}
