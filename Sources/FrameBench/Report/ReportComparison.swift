/// A candidate run compared against the baseline run through ``ResultsComparison`` (the
/// statistics `framebench compare` gates on), or why it could not be.
struct ReportComparison: Sendable {
    var baselineName: String
    var candidateName: String
    /// The comparison, or `nil` when it was refused (see ``failure``).
    var report: ComparisonReport?
    /// Why there is no comparison: nothing matched, or the runs measured different things.
    var failure: String?

    init(baseline: ReportInput, candidate: ReportInput, options: ReportOptions) {
        baselineName = baseline.name
        candidateName = candidate.name
        do {
            report = try ResultsComparison.compare(
                baseline: [(baseline.name, baseline.document)], candidate: [(candidate.name, candidate.document)],
                options: options.comparison)
        } catch {
            failure = "\(error)"
        }
    }

    var cases: [CaseComparison] { report?.cases ?? [] }

    /// A row label: `frames openssl seal 64 B`, with ` · C ref` for the C reference;
    /// without the suite when `suite` is false (every row of the same suite).
    static func label(_ key: CaseKey, suite: Bool = true) -> String {
        var parts = suite ? [key.suite, key.backend] : [key.backend]
        if let operation = key.operation { parts.append(operation) }
        if let mode = key.mode { parts.append(mode) }
        if let size = key.frameSize { parts.append(ReportFormat.bytes(size)) }
        if let participants = key.participants { parts.append("\(participants) p") }
        let implementation = key.implementation == "swift" ? "" : (key.implementation == "c" ? " · C ref" : " · \(key.implementation)")
        return parts.joined(separator: " ") + implementation
    }

    /// The order rows are drawn in: by suite, backend, operation or mode, implementation, size.
    static func ordered(_ cases: [CaseComparison]) -> [CaseComparison] {
        func order(_ key: CaseKey) -> [String] {
            [key.suite, key.backend, key.operation ?? "", key.mode ?? "", key.implementation == "swift" ? "0" : key.implementation,
             String(repeating: "0", count: 12 - String(key.frameSize ?? key.participants ?? 0).count) + String(key.frameSize ?? key.participants ?? 0)]
        }
        return cases.sorted { order($0.key).lexicographicallyPrecedes(order($1.key)) }
    }

    /// One paragraph: how many cases regressed or improved, and anything the comparison noted.
    func summary() -> String {
        guard let report else {
            return "Baseline `\(baselineName)`, candidate `\(candidateName)`: not compared: \(failure ?? "unknown reason")."
        }
        let gated = report.cases.filter { $0.verdict != .notGated }.count
        var text = "Baseline `\(baselineName)`, candidate `\(candidateName)`: \(report.cases.count) matched measurements, \(gated) judged"
        let unmatched = report.onlyInBaseline.count + report.onlyInCandidate.count
        if unmatched > 0 { text += " (\(unmatched) in only one run, not compared)" }
        let improvements = report.cases.filter { $0.verdict == .improvement }.count
        text += ". **\(report.regressionCount) regression\(report.regressionCount == 1 ? "" : "s")**, \(improvements) improvement\(improvements == 1 ? "" : "s")"
        text += " (threshold \(ReportFormat.short(report.threshold * 100))\u{00A0}%, interval at \(ReportFormat.short(report.caseConfidence * 100))\u{00A0}% per case: "
        text += "a \(ReportFormat.short((1 - report.caseConfidence) * Double(max(gated, 1)) * 100))\u{00A0}% family-wide chance of a false alarm)."
        if let worst = report.regressions.max(by: { $0.judged.change < $1.judged.change }) {
            text += " Largest regression: \(Self.label(worst.key)), \(ReportFormat.percentChange(worst.judged.interval.ratio))."
        }
        if !report.notes.isEmpty { text += " Notes: " + report.notes.joined(separator: "; ") + "." }
        return text
    }
}
