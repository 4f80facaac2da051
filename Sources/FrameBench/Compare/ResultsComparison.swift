/// Matches the cases of two sets of runs and judges each one's change.
///
/// A *side* is one or more runs (results documents) of the same build. Each case's
/// repetition samples are kept grouped by run, so the bootstrap can resample runs as
/// well as repetitions (``ComparisonStatistics``). A case fails the gate only when its
/// interval excludes "no change" *and* its estimated slowdown exceeds the threshold: the
/// interval keeps noise from failing the gate, the threshold keeps real but negligible
/// changes from failing it. Each judged case's interval is at `1 - familyErrorRate / n`
/// for n judged cases (Bonferroni), so the chance that an unchanged build fails the gate
/// anywhere stays near ``ComparisonOptions/familyErrorRate`` however many cases there are.
package enum ResultsComparison {
    /// A run: the file it came from and its document.
    package typealias Run = (path: String, document: ResultsDocument)

    /// Compares `candidate` runs against `baseline` runs.
    ///
    /// - Throws: ``ComparisonError/environmentMismatch(_:)`` (unless allowed),
    ///   ``ComparisonError/configurationMismatch(_:)`` or
    ///   ``ComparisonError/nothingToMatch(baseline:candidate:)``.
    package static func compare(
        baseline: [Run], candidate: [Run], options: ComparisonOptions = ComparisonOptions()
    ) throws(ComparisonError) -> ComparisonReport {
        var notes: [String] = []
        let (refusals, remarks) = EnvironmentCheck.differences(baseline + candidate)
        if !refusals.isEmpty {
            guard options.allowEnvironmentMismatch else { throw .environmentMismatch(refusals) }
            notes += refusals.map { "allowed mismatch: \($0)" }
        }
        notes += remarks
        notes += EnvironmentCheck.incompleteNotes(baseline, side: "baseline")
        notes += EnvironmentCheck.incompleteNotes(candidate, side: "candidate")
        notes += EnvironmentCheck.syntheticOverheadNotes(baseline, side: "baseline")
        notes += EnvironmentCheck.syntheticOverheadNotes(candidate, side: "candidate")

        let base = try CaseSamples(baseline)
        let cand = try CaseSamples(candidate)
        let matched = Set(base.keys).intersection(cand.keys).sorted()
        guard !matched.isEmpty else {
            throw .nothingToMatch(baseline: base.keys.sorted().map(\.label), candidate: cand.keys.sorted().map(\.label))
        }
        for key in matched where base.kinds[key] != cand.kinds[key] {
            throw .configurationMismatch([
                "\(key.label): samples are \(base.kinds[key] ?? "?") in the baseline but \(cand.kinds[key] ?? "?") in the candidate"
            ])
        }

        let metrics = Dictionary(
            uniqueKeysWithValues: matched.map { key in
                (key, metric(for: key, among: matched, base: base, cand: cand, mode: options.metric))
            })
        let judgedCount = metrics.values.filter(\.gated).count
        let level = 1 - options.familyErrorRate / Double(max(judgedCount, 1))

        var cases: [CaseComparison] = []
        for key in matched {
            let (name, gated) = metrics[key]!
            let seed = options.seed ^ ComparisonStatistics.stableHash(key.label)
            let ns = statistic(base.samples[key]!, cand.samples[key]!, level: level, options: options, seed: seed)
            var ratio: ComparedStatistic?
            if let b = base.ratios[key], let c = cand.ratios[key] {
                ratio = statistic(b, c, level: level, options: options, seed: seed ^ 0x5A5A)
            }
            var comparison = CaseComparison(
                key: key, metric: name, verdict: .notGated, nsPerFrame: ns, ratioToReference: ratio,
                baselineRuns: base.samples[key]!.count, candidateRuns: cand.samples[key]!.count,
                baselineSamples: base.samples[key]!.reduce(0) { $0 + $1.count },
                candidateSamples: cand.samples[key]!.reduce(0) { $0 + $1.count })
            if gated { comparison.verdict = verdict(comparison.judged, threshold: options.threshold) }
            cases.append(comparison)
        }
        if baseline.count < 2 || candidate.count < 2 {
            notes.append(
                "a side has a single run: intervals cover the spread within one process only, not between processes; give each side a directory of 3 or more runs made side by side for a gate you can trust"
            )
        }
        let regressionCount = cases.filter { $0.verdict == .regression }.count
        return ComparisonReport(
            baselineFiles: baseline.map(\.path), candidateFiles: candidate.map(\.path), threshold: options.threshold,
            caseConfidence: level, metric: options.metric.rawValue, resamples: options.resamples, seed: options.seed,
            cases: cases, onlyInBaseline: Set(base.keys).subtracting(cand.keys).sorted().map(\.label),
            onlyInCandidate: Set(cand.keys).subtracting(base.keys).sorted().map(\.label), notes: notes,
            regressionCount: regressionCount, passed: regressionCount == 0)
    }

    /// The verdict on one statistic: see ``CaseVerdict``.
    package static func verdict(_ statistic: ComparedStatistic, threshold: Double) -> CaseVerdict {
        let interval = statistic.interval
        guard interval.low.isFinite, interval.high.isFinite else { return .notSignificant }
        if interval.low > 1 { return statistic.change > threshold ? .regression : .withinThreshold }
        if interval.high < 1 { return -statistic.change > threshold ? .improvement : .withinThreshold }
        return .notSignificant
    }

    private static func statistic(
        _ baseline: [[Double]], _ candidate: [[Double]], level: Double, options: ComparisonOptions, seed: UInt64
    ) -> ComparedStatistic {
        let interval = ComparisonStatistics.bootstrapRatioOfMedians(
            baseline: baseline, candidate: candidate, level: level, resamples: options.resamples, seed: seed)
        let p = ComparisonStatistics.mannWhitneyU(baseline: baseline.flatMap { $0 }, candidate: candidate.flatMap { $0 }).p
        return ComparedStatistic(
            baselineMedian: ComparisonStatistics.median(baseline.flatMap { $0 }),
            candidateMedian: ComparisonStatistics.median(candidate.flatMap { $0 }), interval: interval, mannWhitneyP: p)
    }

    /// Which metric judges `key`, and whether it is judged at all.
    private static func metric(
        for key: CaseKey, among matched: [CaseKey], base: CaseSamples, cand: CaseSamples, mode: ComparisonMetric
    ) -> (name: String, gated: Bool) {
        let hasRatio = base.ratios[key] != nil && cand.ratios[key] != nil
        switch mode {
        case .absolute:
            return ("nsPerFrame", true)
        case .relative:
            return hasRatio ? ("ratioToReference", true) : ("nsPerFrame", false)
        case .automatic:
            if hasRatio { return ("ratioToReference", true) }
            // A C reference whose Swift case is judged relative to it is that case's control.
            let isControl =
                key.implementation == Implementation.c.rawValue
                && matched.contains { other in
                    other.implementation == Implementation.swift.rawValue && other.suite == key.suite && other.backend == key.backend
                        && other.operation == key.operation && other.frameSize == key.frameSize
                        && base.ratios[other] != nil && cand.ratios[other] != nil
                }
            return ("nsPerFrame", !isControl)
        }
    }
}

/// One side's samples, per case, grouped by run.
struct CaseSamples {
    /// Per case, each run's `samples`.
    var samples: [CaseKey: [[Double]]] = [:]
    /// Per case, each run's `referenceRatioSamples`, when every run has them.
    var ratios: [CaseKey: [[Double]]] = [:]
    /// Per case, its `samplesKind`.
    var kinds: [CaseKey: String] = [:]

    var keys: Dictionary<CaseKey, [[Double]]>.Keys { samples.keys }

    init(_ runs: [ResultsComparison.Run]) throws(ComparisonError) {
        var missingRatio: Set<CaseKey> = []
        for (path, document) in runs {
            for record in document.measurements {
                let key = CaseKey(record)
                if let kind = kinds[key], kind != record.samplesKind {
                    throw .configurationMismatch(["\(key.label): samples are \(kind) in one run but \(record.samplesKind) in \(path)"])
                }
                kinds[key] = record.samplesKind
                samples[key, default: []].append(record.samples)
                if let ratio = record.referenceRatioSamples, !ratio.isEmpty {
                    ratios[key, default: []].append(ratio)
                } else {
                    missingRatio.insert(key)
                }
            }
        }
        for key in missingRatio { ratios[key] = nil }
    }
}
