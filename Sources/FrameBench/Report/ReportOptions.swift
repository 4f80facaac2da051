/// How a report compares runs.
package struct ReportOptions: Sendable, Equatable {
    /// The statistics of `framebench compare` (``ResultsComparison``), which the report
    /// reuses so that its verdicts are the gate's. The report's defaults differ from
    /// `compare`'s in three ways: a 5 % threshold, 10 000 bootstrap resamples (a report is
    /// made after every run and should take a moment, not seconds), and environment
    /// mismatches allowed (they are listed in the report instead of refusing to draw it).
    package var comparison: ComparisonOptions

    /// The defaults described above.
    package init() {
        comparison = ComparisonOptions()
        comparison.threshold = 0.05
        comparison.resamples = 10_000
        comparison.allowEnvironmentMismatch = true
    }
}
