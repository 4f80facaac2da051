package import Foundation

extension ComparisonReport {
    /// The report as a terminal table, then its notes and the verdict line.
    ///
    /// One row per matched case: the metric it is judged on (`vs C`, its ratio to the
    /// interleaved C reference, or `ns/frame`), that metric's median on each side, the
    /// change with its bootstrap interval, the Mann–Whitney p-value, the change in
    /// absolute ns/frame for reference, and the verdict.
    package var text: String {
        let percent = Self.percent(caseConfidence * 100, digits: caseConfidence > 0.999 ? 2 : 1)
        var table = TextTable(
            headers: ["case", "judged on", "baseline", "candidate", "change", "\(percent)% interval", "MWU p", "ns/frame", "verdict"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .left])
        for c in cases {
            let judged = c.judged
            let relative = c.metric == "ratioToReference"
            table.add([
                c.key.label,
                relative ? "vs C" : "ns/frame",
                relative ? Self.number(judged.baselineMedian, digits: 3) : Self.nanoseconds(judged.baselineMedian),
                relative ? Self.number(judged.candidateMedian, digits: 3) : Self.nanoseconds(judged.candidateMedian),
                Self.signedPercent(judged.change),
                "\(Self.signedPercent(judged.interval.low - 1)) … \(Self.signedPercent(judged.interval.high - 1))",
                Self.pValue(judged.mannWhitneyP),
                Self.signedPercent(c.nsPerFrame.change),
                Self.describe(c.verdict),
            ])
        }
        var lines = [table.render(), ""]
        let judged = cases.filter { $0.verdict != .notGated }.count
        let family = Self.percent((1 - caseConfidence) * Double(max(judged, 1)) * 100, digits: 1)
        lines.append(
            "A case fails when its interval lies wholly above no change and its change exceeds +\(Self.percent(threshold * 100, digits: 1))%. "
                + "Intervals: bootstrap of the ratio of medians (\(resamples) resamples, runs then repetitions), "
                + (judged > 1
                    ? "\(percent)% each, so that the \(judged) judged cases together have a \(family)% chance of a false alarm."
                    : "\(percent)%: a \(family)% chance of a false alarm."))
        if !onlyInBaseline.isEmpty { lines.append("only in the baseline (not compared): " + onlyInBaseline.joined(separator: ", ")) }
        if !onlyInCandidate.isEmpty { lines.append("only in the candidate (not compared): " + onlyInCandidate.joined(separator: ", ")) }
        for note in notes { lines.append("note: \(note)") }
        let improvements = cases.filter { $0.verdict == .improvement }.count
        lines.append(
            passed
                ? "PASS: no regression in \(cases.count) matched cases (\(improvements) improved)"
                : "FAIL: \(regressionCount) regression\(regressionCount == 1 ? "" : "s") in \(cases.count) matched cases: "
                    + regressions.map { "\($0.key.label) \(Self.signedPercent($0.judged.change))" }.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }

    /// The report as pretty-printed JSON with sorted keys, ending in a newline.
    package func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self) + Data("\n".utf8)
    }

    private static func describe(_ verdict: CaseVerdict) -> String {
        switch verdict {
        case .regression: "REGRESSION"
        case .improvement: "improvement"
        case .withinThreshold: "within threshold"
        case .notSignificant: "no significant change"
        case .notGated: "control (not judged)"
        }
    }

    static func signedPercent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "-" }
        let value = fraction * 100
        return (value >= 0 ? "+" : "-") + percent(abs(value), digits: abs(value) < 10 ? 2 : 1) + "%"
    }

    static func percent(_ value: Double, digits: Int) -> String { number(value, digits: digits) }

    static func nanoseconds(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        return number(value, digits: value >= 1000 ? 0 : 1) + " ns"
    }

    static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "-" }
        return p < 0.0001 ? "<0.0001" : number(p, digits: 4)
    }

    static func number(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let text = String(fraction)
        return sign + "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }
}
