/// A candidate run compared against the baseline run through ``ResultsComparison`` (the
/// statistics `framebench compare` gates on), or why it could not be. Runs from different
/// machines or builds (``machines``) are a machine comparison: the same statistics, with the
/// differences named and no verdict of regression.
struct ReportComparison: Sendable {
    var baselineName: String
    var candidateName: String
    /// How the candidate's machine and build differ from the baseline's.
    var machines: MachineDifferences
    /// The runs come from different machines or builds: their differences are the machines', not regressions.
    var isMachineComparison: Bool { machines.isMachineComparison }
    /// The comparison, or `nil` when it was refused (see ``failure``).
    var report: ComparisonReport?
    /// Why there is no comparison: nothing matched, or the runs measured different things.
    var failure: String?

    init(
        baseline: ReportInput, candidate: ReportInput, options: ReportOptions,
        names: (baseline: String, candidate: String) = ("run 1", "run 2")
    ) {
        baselineName = baseline.name
        candidateName = candidate.name
        machines = MachineDifferences(baseline: baseline, candidate: candidate, names: names)
        do {
            report = try ResultsComparison.compare(
                baseline: [(baseline.name, baseline.document)], candidate: [(candidate.name, candidate.document)],
                options: options.comparison)
        } catch {
            failure = "\(error)"
        }
    }

    var cases: [CaseComparison] { report?.cases ?? [] }

    /// A row label naming everything that distinguishes the case (``CaseKey``): `frames
    /// openssl seal 64 B`, `frames openssl open 1200 B · 2 threads`, `overhead sodium sframe
    /// open 100 B`, `keys openssl open 1200 B · 400 keys`, `meeting sodium meeting 50 p · paced`,
    /// with ` · C ref` for the C reference; without the suite when `suite` is false (every
    /// row of the same suite).
    static func label(_ key: CaseKey, suite: Bool = true) -> String {
        var parts = suite ? [key.suite, key.backend] : [key.backend]
        if let layer = key.layer { parts.append(layer) }
        if let operation = key.operation { parts.append(operation) }
        if let mode = key.mode { parts.append(mode) }
        if let size = key.frameSize { parts.append(ReportFormat.bytes(size)) }
        if let participants = key.participants { parts.append("\(participants) p") }
        if let keyCount = key.keyCount { parts.append("· \(keyCount) key\(keyCount == 1 ? "" : "s")") }
        if let threads = key.threads { parts.append("· \(threads) threads") }
        if key.paced == true { parts.append("· paced") }
        if let cipherSuite = key.cipherSuite { parts.append("· suite \(cipherSuite)") }
        if let granularity = key.granularity { parts.append("· per \(granularity)" + (key.mtu.map { " \($0) B" } ?? "")) }
        if let workingSet = key.workingSet { parts.append("· \(workingSet)") }
        let implementation =
            key.implementation == Implementation.swift.rawValue
            ? "" : (key.implementation == Implementation.c.rawValue ? " · C ref" : " · \(key.implementation)")
        return parts.joined(separator: " ") + implementation
    }

    /// The order rows are drawn in: by suite, backend, operation or mode, implementation, size.
    static func ordered(_ cases: [CaseComparison]) -> [CaseComparison] {
        func order(_ key: CaseKey) -> [String] {
            func padded(_ n: Int?) -> String { String(repeating: "0", count: 12 - String(n ?? 0).count) + String(n ?? 0) }
            return [
                key.suite, key.backend, key.layer ?? "", key.operation ?? "", key.mode ?? "",
                key.implementation == Implementation.swift.rawValue ? "0" : key.implementation, padded(key.frameSize ?? key.participants),
                padded(key.keyCount), padded(key.threads), key.paced == true ? "1" : "0", padded(key.cipherSuite ?? 5),
                key.granularity ?? "", padded(key.mtu), key.workingSet ?? "",
            ]
        }
        return cases.sorted { order($0.key).lexicographicallyPrecedes(order($1.key)) }
    }

    /// One paragraph: how many cases regressed or improved, and anything the comparison noted;
    /// for runs from different machines, what differs and how the machines compare.
    func summary() -> String {
        if isMachineComparison { return machineSummary() }
        guard let report else {
            return "Baseline `\(baselineName)`, candidate `\(candidateName)`: not compared: \(failure ?? "unknown reason")."
        }
        let gated = report.cases.filter { $0.verdict != .notGated }.count
        var text = "Baseline `\(baselineName)`, candidate `\(candidateName)`: \(report.cases.count) matched measurements, \(gated) judged"
        let unmatched = report.onlyInBaseline.count + report.onlyInCandidate.count
        if unmatched > 0 { text += " (\(unmatched) in only one run, not compared)" }
        let improvements = report.cases.filter { $0.verdict == .improvement }.count
        text +=
            ". **\(report.regressionCount) regression\(report.regressionCount == 1 ? "" : "s")**, \(improvements) improvement\(improvements == 1 ? "" : "s")"
        text +=
            " (threshold \(ReportFormat.short(report.threshold * 100))\u{00A0}%, interval at \(ReportFormat.short(report.caseConfidence * 100))\u{00A0}% per case: "
        text +=
            "a \(ReportFormat.short((1 - report.caseConfidence) * Double(max(gated, 1)) * 100))\u{00A0}% family-wide chance of a false alarm)."
        if let worst = report.regressions.max(by: { $0.judged.change < $1.judged.change }) {
            text += " Largest regression: \(Self.label(worst.key)), \(ReportFormat.percentChange(worst.judged.interval.ratio))."
        }
        if !report.notes.isEmpty { text += " Notes: " + report.notes.joined(separator: "; ") + "." }
        return text
    }

    /// The summary of a machine comparison: the differences named, then how many cases are
    /// slower or faster on the candidate's machine (the gate's statistics, without its verdicts).
    private func machineSummary() -> String {
        var text =
            "Machine comparison: `\(candidateName)` and `\(baselineName)` were measured on different machines or builds, "
            + "so their differences are the machines', not regressions (`framebench compare` refuses such runs, exit 2). What differs: "
            + (machines.distinguishing + machines.other).joined(separator: "; ") + "."
        guard let report else { return text + " Not compared: \(failure ?? "unknown reason")." }
        let judged = report.cases.filter { $0.verdict != .notGated }
        let slower = judged.filter { $0.verdict == .regression }.count, faster = judged.filter { $0.verdict == .improvement }.count
        let threshold = ReportFormat.short(report.threshold * 100)
        text +=
            " Of \(report.cases.count) measurements in both runs (\(judged.count) compared on their main metric), \(slower) "
            + "\(slower == 1 ? "is" : "are") slower and \(faster) faster on the candidate's machine by more than \(threshold)\u{00A0}% "
            + "with an interval that excludes no difference; the rest differ less or not clearly."
        if let most = judged.max(by: { abs($0.judged.change) < abs($1.judged.change) }) {
            text += " Largest difference: \(Self.label(most.key)), \(ReportFormat.percentChange(most.judged.interval.ratio))."
        }
        // The differences are named above; compare's notes would repeat them.
        let named = ["allowed mismatch: ", "logical cores: ", "operating system: "]
        let notes = report.notes.filter { note in !named.contains { note.hasPrefix($0) } }
        if !notes.isEmpty { text += " Notes: " + notes.joined(separator: "; ") + "." }
        return text
    }
}
