/// Which numbers a case is judged on.
package enum ComparisonMetric: String, Sendable, Codable, CaseIterable {
    /// Per Swift case, its ratio to the interleaved C reference when both sides recorded
    /// it (`referenceRatioSamples`): machine-speed drift cancels, so a few percent shows.
    /// The C reference rows are then controls, reported but not gated. Cases with no
    /// reference are judged on absolute ns/frame.
    case automatic = "auto"
    /// Every case on absolute ns/frame (`samples`): for a quiet, dedicated machine, or to
    /// judge the C reference and libraries themselves.
    case absolute
    /// Only Swift cases with a recorded ratio to the C reference are judged; the rest are
    /// reported.
    case relative
}

/// What `framebench compare` concluded about one case.
package enum CaseVerdict: String, Sendable, Codable {
    /// Slower, beyond the threshold, and the interval excludes no change: fails the gate.
    case regression
    /// Faster, beyond the threshold, and the interval excludes no change.
    case improvement
    /// A significant change, but no larger than the threshold.
    case withinThreshold
    /// The interval includes no change.
    case notSignificant
    /// Reported, not judged (a control such as the C reference, or a metric not chosen).
    case notGated
}

/// One metric of one case on both sides, with its interval and test.
package struct ComparedStatistic: Sendable, Codable, Equatable {
    /// The metric's pooled median over the baseline runs.
    package var baselineMedian: Double
    /// The metric's pooled median over the candidate runs.
    package var candidateMedian: Double
    /// The ratio of the medians, candidate over baseline, and its bootstrap interval.
    package var interval: ComparisonStatistics.RatioInterval
    /// Mann–Whitney U two-sided p-value over the pooled samples (for reference: it treats
    /// repetitions of one run as independent, which they are not quite).
    package var mannWhitneyP: Double

    /// `ratio - 1`: +0.05 is 5 % slower (for a cost metric).
    package var change: Double { interval.ratio - 1 }
}

/// The comparison of one case.
package struct CaseComparison: Sendable, Codable, Equatable {
    /// The case.
    package var key: CaseKey
    /// `nsPerFrame` or `ratioToReference`: the metric the verdict is on.
    package var metric: String
    /// The verdict on ``metric``.
    package var verdict: CaseVerdict
    /// Absolute ns/frame, from each run's `samples`.
    package var nsPerFrame: ComparedStatistic
    /// The Swift case's cost over its interleaved C reference, when both sides have it.
    package var ratioToReference: ComparedStatistic?
    /// Runs and samples on each side.
    package var baselineRuns: Int, candidateRuns: Int, baselineSamples: Int, candidateSamples: Int

    /// The statistic the verdict is on.
    package var judged: ComparedStatistic { metric == "ratioToReference" ? (ratioToReference ?? nsPerFrame) : nsPerFrame }
}

/// How `framebench compare` judges.
package struct ComparisonOptions: Sendable, Equatable {
    /// The smallest slowdown that fails the gate, as a fraction: 0.03 is 3 %.
    package var threshold: Double = 0.03
    /// The chance, across all judged cases together, of flagging a change when there is
    /// none (a false alarm); each case's interval is at `1 - familyErrorRate / cases`.
    package var familyErrorRate: Double = 0.05
    /// Which numbers decide.
    package var metric: ComparisonMetric = .automatic
    /// Bootstrap resamples per case and metric.
    package var resamples: Int = 10_000
    /// Seed of the bootstrap; each case mixes in a hash of its key.
    package var seed: UInt64 = 0x00C0_FFEE_5EED
    /// Report mismatched environments as warnings instead of refusing to compare.
    package var allowEnvironmentMismatch = false

    /// The defaults.
    package init() {}
}

/// The whole comparison: every matched case, what was left unmatched, and the verdict.
package struct ComparisonReport: Sendable, Codable, Equatable {
    /// The baseline's results files.
    package var baselineFiles: [String]
    /// The candidate's results files.
    package var candidateFiles: [String]
    /// ``ComparisonOptions/threshold``.
    package var threshold: Double
    /// The two-sided level of each judged case's interval.
    package var caseConfidence: Double
    /// ``ComparisonOptions/metric``.
    package var metric: String
    /// ``ComparisonOptions/resamples`` and ``ComparisonOptions/seed``.
    package var resamples: Int, seed: UInt64
    /// Every matched case, in table order.
    package var cases: [CaseComparison]
    /// Cases only the baseline has, and only the candidate has.
    package var onlyInBaseline: [String], onlyInCandidate: [String]
    /// Environment differences allowed through, and other remarks.
    package var notes: [String]
    /// Cases whose verdict is ``CaseVerdict/regression``.
    package var regressionCount: Int
    /// Whether the gate passes: no regression.
    package var passed: Bool

    /// Judged cases whose verdict is a regression.
    package var regressions: [CaseComparison] { cases.filter { $0.verdict == .regression } }
}
