import Histogram

/// Percentiles, maximum and mean of a set of nanosecond values, such as per-batch
/// nanoseconds per frame.
///
/// The percentiles come from an HdrHistogram with three significant digits (a reported
/// percentile is within 0.1 % of the exact order statistic). Values are recorded in
/// picoseconds so that sub-nanosecond differences between ~100 ns values survive the
/// integer histogram. ``max`` is exact; ``mean`` is exact, and is whatever the caller
/// passes when it has a better definition (the frames suite passes total time / total
/// frames, which weights every frame equally even when the last batch is short).
public struct PercentileSummary: Sendable, Equatable, Codable {
    /// Median, in nanoseconds.
    public var p50: Double
    /// 90th percentile, in nanoseconds.
    public var p90: Double
    /// 99th percentile, in nanoseconds.
    public var p99: Double
    /// 99.9th percentile, in nanoseconds.
    public var p999: Double
    /// Largest value, exact.
    public var max: Double
    /// Mean, exact.
    public var mean: Double

    /// A summary with every field given.
    public init(p50: Double, p90: Double, p99: Double, p999: Double, max: Double, mean: Double) {
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.p999 = p999
        self.max = max
        self.mean = mean
    }

    /// The summary of `values` (nanoseconds, none negative). `mean` overrides the
    /// arithmetic mean of `values`. An empty collection gives all zeros.
    public init(values: some Collection<Double>, mean: Double? = nil) {
        guard !values.isEmpty else {
            self.init(p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: mean ?? 0)
            return
        }
        var largest = 0.0
        var sum = 0.0
        for value in values {
            largest = Swift.max(largest, value)
            sum += value
        }
        let highest = Swift.max(UInt64(2), Self.picoseconds(largest) * 2)
        var histogram = Histogram<UInt64>(highestTrackableValue: highest, numberOfSignificantValueDigits: .three)
        for value in values { _ = histogram.record(Self.picoseconds(value)) }
        func at(_ percentile: Double) -> Double {
            Swift.min(Double(histogram.valueAtPercentile(percentile)) / 1000, largest)
        }
        self.init(
            p50: at(50), p90: at(90), p99: at(99), p999: at(99.9), max: largest,
            mean: mean ?? sum / Double(values.count))
    }

    private static func picoseconds(_ nanoseconds: Double) -> UInt64 {
        UInt64((Swift.max(0, nanoseconds) * 1000).rounded())
    }
}

/// Exact order statistics for small sample sets.
package enum SampleStatistics {
    /// The median of `values` (mean of the two middle values for an even count), or 0
    /// when empty.
    package static func median(_ values: some Collection<Double>) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `values` split into at most `parts` consecutive runs of near-equal length, each
    /// reduced to its median: the per-repetition medians stored for later statistics.
    package static func chunkMedians(_ values: [Double], parts: Int) -> [Double] {
        let parts = Swift.min(parts, values.count)
        guard parts > 0 else { return [] }
        return (0..<parts).map { part in
            let lower = part * values.count / parts
            let upper = (part + 1) * values.count / parts
            return median(values[lower..<upper])
        }
    }
}
