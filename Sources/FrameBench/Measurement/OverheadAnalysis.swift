/// The statistics of the overhead suite, on plain arrays so they can be checked on
/// synthetic input: what a layer adds over the one below, and a variant's cost over its
/// warm parent, both from batches paired by round.
///
/// Batch *i* of every case of a group ran in the same interleaved round, microseconds
/// apart, so a change in the machine's speed hits both sides of a pair alike. A layer's
/// added cost is therefore the median of the per-batch differences (upper − lower), not
/// the difference of two medians taken at different moments; its interval comes from the
/// medians of ``OverheadSuiteConfiguration/repetitions`` consecutive runs of pairs.
package enum OverheadAnalysis {
    /// A paired estimate: the median over all pairs, an approximate 95 % interval for it,
    /// and the per-repetition medians it came from.
    package struct Estimate: Sendable, Equatable {
        /// The median over every pair.
        package var median: Double
        /// Lower end of the interval.
        package var low: Double
        /// Upper end of the interval.
        package var high: Double
        /// The median of each repetition (consecutive runs of pairs).
        package var samples: [Double]
    }

    /// What `upper` adds over `lower`, batch by batch (pairs past the shorter array are
    /// dropped), or `nil` without a pair.
    package static func added(_ upper: [Double], over lower: [Double], parts: Int) -> Estimate? {
        paired(upper, lower, parts: parts) { $0 - $1 }
    }

    /// `upper` over `lower`, batch by batch, or `nil` without a pair with a positive
    /// `lower`.
    package static func ratio(_ upper: [Double], to lower: [Double], parts: Int) -> Estimate? {
        paired(upper, lower, parts: parts) { $1 > 0 ? $0 / $1 : nil }
    }

    /// The median of `values` with an interval from its repetition medians (widened, if
    /// need be, to contain the median).
    package static func estimate(_ values: [Double], parts: Int) -> Estimate? {
        guard !values.isEmpty else { return nil }
        let samples = SampleStatistics.chunkMedians(values, parts: parts)
        let (low, high) = medianInterval(samples)
        let median = SampleStatistics.median(values)
        // With few batches per repetition (64 KiB frames) the median of all pairs can fall just
        // outside the repetition medians' interval; the interval is widened to hold it.
        return Estimate(median: median, low: min(low, median), high: max(high, median), samples: samples)
    }

    /// A distribution-free interval for the median of independent `values` at about 95 %:
    /// the order statistics `k` and `n − 1 − k` with `k = ⌊n/2 − 0.98 √n⌋` (the binomial
    /// bound by its normal approximation; for 20 values the 6th and 15th smallest). With
    /// fewer than 6 values it is their whole range.
    package static func medianInterval(_ values: [Double]) -> (low: Double, high: Double) {
        let sorted = values.sorted()
        guard let first = sorted.first, let last = sorted.last else { return (0, 0) }
        guard sorted.count >= 6 else { return (first, last) }
        let n = Double(sorted.count)
        let k = max(0, Int((n / 2 - 0.98 * n.squareRoot()).rounded(.down)))
        return (sorted[k], sorted[sorted.count - 1 - k])
    }

    private static func paired(_ a: [Double], _ b: [Double], parts: Int, _ combine: (Double, Double) -> Double?) -> Estimate? {
        let count = min(a.count, b.count)
        var values: [Double] = []
        values.reserveCapacity(count)
        for i in 0..<count {
            if let value = combine(a[i], b[i]) { values.append(value) }
        }
        return estimate(values, parts: parts)
    }
}
