import FrameVectors
import Testing

@testable import FrameBench

@Suite struct CompareStatisticsTests {
    /// `count` values around `center`, spread ±`spread` (fraction), fixed by `seed`.
    static func noisy(_ center: Double, spread: Double, count: Int, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in center * (1 + spread * (Double.random(in: -1...1, using: &random))) }
    }

    @Test func medianOfOddEvenAndEmpty() {
        #expect(ComparisonStatistics.median([3, 1, 2]) == 2)
        #expect(ComparisonStatistics.median([4, 1, 3, 2]) == 2.5)
        #expect(ComparisonStatistics.median([]).isNaN)
    }

    @Test func mannWhitneyMatchesScipy() {
        // scipy.stats.mannwhitneyu(x, y, method="asymptotic"): U and two-sided p.
        let separated = ComparisonStatistics.mannWhitneyU(baseline: [1, 2, 3, 4, 5], candidate: [6, 7, 8, 9, 10])
        #expect(separated.u == 25)
        #expect(abs(separated.p - 0.012185780355344813) < 1e-12)
        let tied = ComparisonStatistics.mannWhitneyU(baseline: [2, 3, 4, 4, 6], candidate: [1, 2, 2, 3, 5, 8])
        #expect(tied.u == 11.5)
        #expect(abs(tied.p - 0.578656767594192) < 1e-12)
        #expect(ComparisonStatistics.mannWhitneyU(baseline: [5, 5, 5], candidate: [5, 5]).p == 1)
        #expect(ComparisonStatistics.mannWhitneyU(baseline: [], candidate: [1]).p == 1)
    }

    @Test func bootstrapIsDeterministicForASeed() {
        let base = [Self.noisy(100, spread: 0.05, count: 20, seed: 1)]
        let cand = [Self.noisy(103, spread: 0.05, count: 20, seed: 2)]
        let a = ComparisonStatistics.bootstrapRatioOfMedians(baseline: base, candidate: cand, level: 0.99, resamples: 2000, seed: 7)
        let b = ComparisonStatistics.bootstrapRatioOfMedians(baseline: base, candidate: cand, level: 0.99, resamples: 2000, seed: 7)
        #expect(a == b)
        #expect(a.low <= a.ratio && a.ratio <= a.high)
        #expect(a.level == 0.99)
    }

    @Test func identicalSidesGiveRatioOneAndAnIntervalAroundIt() {
        let runs = [Self.noisy(100, spread: 0.02, count: 20, seed: 3), Self.noisy(100, spread: 0.02, count: 20, seed: 4)]
        let interval = ComparisonStatistics.bootstrapRatioOfMedians(baseline: runs, candidate: runs, level: 0.99, resamples: 2000, seed: 1)
        #expect(interval.ratio == 1)
        #expect(interval.low < 1 && interval.high > 1)
    }

    @Test func aTenPercentShiftIsResolved() {
        let base = (0..<3).map { Self.noisy(100, spread: 0.01, count: 20, seed: UInt64($0)) }
        let cand = (0..<3).map { Self.noisy(110, spread: 0.01, count: 20, seed: UInt64(10 + $0)) }
        let interval = ComparisonStatistics.bootstrapRatioOfMedians(baseline: base, candidate: cand, level: 0.999, resamples: 2000, seed: 1)
        #expect(interval.low > 1.08 && interval.high < 1.12)
    }

    @Test func spreadBetweenRunsWidensTheInterval() {
        // Three runs per side at different levels, each tight inside: the same samples
        // treated as one run would claim far more certainty than the runs support.
        let levels = [95.0, 100, 105]
        let base = levels.enumerated().map { Self.noisy($1, spread: 0.002, count: 20, seed: UInt64($0)) }
        let cand = levels.reversed().enumerated().map { Self.noisy($1 * 1.01, spread: 0.002, count: 20, seed: UInt64(9 + $0)) }
        let clustered = ComparisonStatistics.bootstrapRatioOfMedians(baseline: base, candidate: cand, level: 0.99, resamples: 4000, seed: 2)
        let flattened = ComparisonStatistics.bootstrapRatioOfMedians(
            baseline: [base.flatMap { $0 }], candidate: [cand.flatMap { $0 }], level: 0.99, resamples: 4000, seed: 2)
        #expect(clustered.high - clustered.low > 2 * (flattened.high - flattened.low))
        #expect(clustered.low < 1)  // a 1 % shift is not resolved against 5 % run-to-run spread
    }

    @Test func emptySidesGiveNaN() {
        let interval = ComparisonStatistics.bootstrapRatioOfMedians(baseline: [[]], candidate: [[1]], level: 0.9, resamples: 10, seed: 0)
        #expect(interval.ratio.isNaN && interval.low.isNaN)
    }

    @Test func quantileInterpolates() {
        #expect(ComparisonStatistics.quantile(sorted: [0, 10], 0.25) == 2.5)
        #expect(ComparisonStatistics.quantile(sorted: [1, 2, 3], 1) == 3)
        #expect(ComparisonStatistics.stableHash("a") != ComparisonStatistics.stableHash("b"))
        #expect(
            ComparisonStatistics.stableHash("frames swift openssl seal 64 B")
                == ComparisonStatistics.stableHash("frames swift openssl seal 64 B"))
    }
}
