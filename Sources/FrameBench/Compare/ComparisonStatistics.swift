import FrameVectors

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The statistics behind `framebench compare`: a seeded, two-level bootstrap of the ratio
/// of medians, and the Mann–Whitney U test.
///
/// Samples arrive grouped by *run* (one process, one results file): repetitions inside a
/// run share that process's luck — its memory layout, the machine's state while it ran —
/// so they vary less than independent runs do. Resampling them as if independent would
/// give intervals that are too narrow and a gate that flakes. The bootstrap therefore
/// resamples runs first, then repetitions within each chosen run (the cluster bootstrap),
/// so the interval widens with the spread *between* runs whenever there are several.
package enum ComparisonStatistics {
    /// A confidence interval on `candidate median / baseline median`.
    package struct RatioInterval: Sendable, Equatable, Codable {
        /// The point estimate: the pooled candidate median over the pooled baseline median.
        package var ratio: Double
        /// Lower end of the interval.
        package var low: Double
        /// Upper end of the interval.
        package var high: Double
        /// Two-sided coverage, such as 0.99.
        package var level: Double
    }

    /// The bootstrap interval of the ratio of pooled medians, candidate over baseline.
    ///
    /// Each of `resamples` rounds draws, for each side, as many runs as it has (with
    /// replacement) and, from each drawn run, as many samples as it has (with
    /// replacement), and takes the ratio of the two pooled medians; the interval is the
    /// percentile interval of those ratios at `level`. The same inputs and `seed` always
    /// give the same interval. Empty runs are ignored; a side with no samples gives a
    /// ratio of NaN.
    package static func bootstrapRatioOfMedians(
        baseline: [[Double]], candidate: [[Double]], level: Double, resamples: Int, seed: UInt64
    ) -> RatioInterval {
        let baseRuns = baseline.filter { !$0.isEmpty }
        let candRuns = candidate.filter { !$0.isEmpty }
        guard !baseRuns.isEmpty, !candRuns.isEmpty else {
            return RatioInterval(ratio: .nan, low: .nan, high: .nan, level: level)
        }
        let ratio = median(candRuns.flatMap { $0 }) / median(baseRuns.flatMap { $0 })
        var random = SeededRandom(seed: seed)
        var ratios = [Double]()
        ratios.reserveCapacity(max(resamples, 1))
        var scratch = [Double]()
        for _ in 0..<max(resamples, 1) {
            let b = resampledMedian(baseRuns, &random, &scratch)
            let c = resampledMedian(candRuns, &random, &scratch)
            ratios.append(c / b)
        }
        ratios.sort()
        let tail = (1 - level) / 2
        return RatioInterval(
            ratio: ratio, low: quantile(sorted: ratios, tail), high: quantile(sorted: ratios, 1 - tail), level: level)
    }

    /// One cluster-bootstrap draw of `runs`, reduced to its median.
    private static func resampledMedian(
        _ runs: [[Double]], _ random: inout SeededRandom, _ scratch: inout [Double]
    ) -> Double {
        scratch.removeAll(keepingCapacity: true)
        for _ in 0..<runs.count {
            let run = runs[Int(random.next() % UInt64(runs.count))]
            for _ in 0..<run.count { scratch.append(run[Int(random.next() % UInt64(run.count))]) }
        }
        scratch.sort()
        return sortedMedian(scratch)
    }

    /// The Mann–Whitney U test of two independent samples, two-sided: U of `candidate`
    /// (the number of pairs in which the candidate value is larger, ties counting one
    /// half) and the p-value from the normal approximation with tie and continuity
    /// corrections, the method of `scipy.stats.mannwhitneyu` that google/benchmark's
    /// `compare.py` uses. Returns p = 1 when either side is empty or every value is tied.
    package static func mannWhitneyU(baseline: [Double], candidate: [Double]) -> (u: Double, p: Double) {
        let n1 = Double(candidate.count), n2 = Double(baseline.count)
        guard n1 > 0, n2 > 0 else { return (0, 1) }
        // Rank the pooled values, ties taking their average rank.
        let pooled = (candidate.map { ($0, true) } + baseline.map { ($0, false) }).sorted { $0.0 < $1.0 }
        var rankSumCandidate = 0.0
        var tieTerm = 0.0
        var i = 0
        while i < pooled.count {
            var j = i
            while j + 1 < pooled.count && pooled[j + 1].0 == pooled[i].0 { j += 1 }
            let rank = Double(i + j + 2) / 2
            for k in i...j where pooled[k].1 { rankSumCandidate += rank }
            let t = Double(j - i + 1)
            tieTerm += t * t * t - t
            i = j + 1
        }
        let u = rankSumCandidate - n1 * (n1 + 1) / 2
        let n = n1 + n2
        let variance = n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)))
        guard variance > 0 else { return (u, 1) }
        let z = (abs(u - n1 * n2 / 2) - 0.5) / variance.squareRoot()
        return (u, min(1, erfc(max(z, 0) / 2.0.squareRoot())))
    }

    /// The median (mean of the middle two for an even count); NaN when empty.
    package static func median(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : sortedMedian(values.sorted())
    }

    private static func sortedMedian(_ sorted: [Double]) -> Double {
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The `q` quantile of sorted values, interpolating linearly between order statistics.
    static func quantile(sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = min(max(q, 0), 1) * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    /// A stable 64-bit FNV-1a hash of `text`, to derive a per-case bootstrap seed that
    /// does not depend on the order cases are listed in.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
