/// The comparison view: a dot-and-whisker chart of candidate/baseline ratios, one row per
/// matched measurement, regressions in red. Between runs from different machines it is a
/// machine comparison: slower and faster on the candidate's machine, never "regression".
enum ComparisonFigure {
    static func figure(_ comparison: ReportComparison, file: String) -> ReportFigure? {
        guard let report = comparison.report, !report.cases.isEmpty else { return nil }
        let cases = ReportComparison.ordered(report.cases)
        let level = ReportFormat.confidencePercent(report.caseConfidence)
        let machine = comparison.isMachineComparison
        var table = ReportTable(
            headers: [
                "measurement", "judged on", "baseline median", "candidate median", "ratio", "\(level)% interval", "change",
                machine ? "machine difference" : "verdict",
            ],
            numericColumns: [2, 3, 4, 5, 6])
        for item in cases {
            let s = item.judged, i = s.interval
            let interval =
                i.low.isFinite && i.high.isFinite ? "\(ReportFormat.fixed(i.low, digits: 3))–\(ReportFormat.fixed(i.high, digits: 3))" : "–"
            let emphasis: ReportTable.Emphasis =
                machine
                ? .none
                : (item.verdict == .regression ? .regression : (item.verdict == .improvement ? .improvement : .none))
            let ratioMetric = item.metric == "ratioToReference"
            func median(_ value: Double) -> String { ratioMetric ? ReportFormat.fixed(value, digits: 3) : ReportFormat.number(value) }
            table.add(
                [
                    ReportComparison.label(item.key), metricName(item.metric), median(s.baselineMedian),
                    median(s.candidateMedian), ReportFormat.fixed(i.ratio, digits: 3), interval,
                    ReportFormat.percentChange(i.ratio), verdictName(item.verdict, machine: machine),
                ], emphasis: emphasis)
        }
        let title =
            machine
            ? "Machine comparison: \(comparison.candidateName) against \(comparison.baselineName)"
            : "\(comparison.candidateName) against \(comparison.baselineName)"
        let percent = ReportFormat.short(report.threshold * 100)
        let caption =
            machine
            ? machineCaption(comparison, report: report)
            : "One row per measurement in both runs. Dot: candidate median / baseline median (right of 1 is slower); whisker: its \(level)\u{00A0}% bootstrap interval (\(report.resamples) resamples, the statistics of `framebench compare`). A Swift case with the C reference on both sides is judged on its Swift/C ratio, so machine drift cancels; its C reference is then a control (hollow, not judged; pinned to the edge with its value when beyond the scale). Red: a regression, more than \(percent)\u{00A0}% slower with an interval above 1; green: an improvement by the same rule; grey: neither. Shaded: within ±\(percent)\u{00A0}%."
        return ReportFigure(
            file: file, title: title, caption: caption,
            svgFile: svg(cases, report: report, title: title, machine: machine, standalone: true),
            svgInline: svg(cases, report: report, title: title, machine: machine, standalone: false), table: table)
    }

    private static func machineCaption(_ comparison: ReportComparison, report: ComparisonReport) -> String {
        let level = ReportFormat.confidencePercent(report.caseConfidence), percent = ReportFormat.short(report.threshold * 100)
        return "The two runs come from different machines or builds (" + comparison.machines.distinguishing.joined(separator: "; ")
            + "), so this compares the machines, not two builds of FrameBench: no row is a regression. One row per measurement in both runs. Dot: \(comparison.candidateName)'s median / \(comparison.baselineName)'s (right of 1: slower on \(comparison.candidateName)'s machine); whisker: its \(level)\u{00A0}% bootstrap interval (\(report.resamples) resamples). A Swift case with the C reference on both sides is shown as its Swift/C ratio, which largely cancels the machine's speed; its C reference (hollow) then shows the machines' raw difference. Brown: slower on the candidate's machine by more than \(percent)\u{00A0}%, with an interval above 1; blue: faster by the same rule; grey: neither. Shaded: within ±\(percent)\u{00A0}%."
    }

    static func metricName(_ metric: String) -> String { metric == "ratioToReference" ? "Swift/C" : "ns/frame" }

    static func verdictName(_ verdict: CaseVerdict, machine: Bool = false) -> String {
        if machine {
            switch verdict {
            case .regression: return "slower on the candidate's machine"
            case .improvement: return "faster on the candidate's machine"
            case .withinThreshold, .notSignificant: return "no clear difference"
            case .notGated: return "control, not compared"
            }
        }
        switch verdict {
        case .regression: return "regression"
        case .improvement: return "improvement"
        case .withinThreshold: return "within threshold"
        case .notSignificant: return "not significant"
        case .notGated: return "control, not judged"
        }
    }

    /// Machine comparisons: brown for slower, blue for faster (not a verdict's red and green).
    static let machineSlower = "#8c564b", machineFaster = "#1f5fa8"

    static func color(_ verdict: CaseVerdict, machine: Bool = false) -> String {
        if machine {
            switch verdict {
            case .regression: return machineSlower
            case .improvement: return machineFaster
            case .withinThreshold, .notSignificant, .notGated: return ReportPalette.neutral
            }
        }
        switch verdict {
        case .regression: return ReportPalette.regression
        case .improvement: return ReportPalette.improvement
        case .withinThreshold, .notSignificant, .notGated: return ReportPalette.neutral
        }
    }

    private static func svg(_ cases: [CaseComparison], report: ComparisonReport, title: String, machine: Bool, standalone: Bool) -> String {
        func color(_ verdict: CaseVerdict) -> String { Self.color(verdict, machine: machine) }
        func verdictName(_ verdict: CaseVerdict) -> String { Self.verdictName(verdict, machine: machine) }
        let oneSuite = Set(cases.map(\.key.suite)).count == 1
        // Room for the longest row label (about 6.6 px a character at 12 px), at least 270 px.
        let longest = cases.map { ReportComparison.label($0.key, suite: !oneSuite).count }.max() ?? 0
        let left = 20 + Swift.max(270.0, Double(longest) * 6.6)
        let width = left + 530, rowHeight = 20.0, top = 76.0, threshold = report.threshold
        let plot = (left: left, top: top, right: width - 30, bottom: top + Double(cases.count) * rowHeight)
        // The scale fits the judged cases; controls beyond it are pinned to the edge with their value.
        let judged = cases.filter { $0.verdict != .notGated }
        var values = (judged.isEmpty ? cases : judged).flatMap {
            [$0.judged.interval.ratio, $0.judged.interval.low, $0.judged.interval.high]
        }
        .filter(\.isFinite)
        values += [1 - threshold * 1.6, 1 + threshold * 1.6]
        let axis = ChartAxis(title: "candidate / baseline (ratio of medians)", logarithmic: false, label: { ReportFormat.tick($0) + "×" })
        let x = ChartScale(axis: axis, values: values, pixels: plot.left...plot.right, inverted: false)
        var svg = SVGDocument(width: width, height: plot.bottom + 64, title: title)
        svg.text(title, x: 20, y: 24, size: 15, weight: "600")

        svg.raw("<g class=\"legend\">")
        var legendX = 20.0
        let entries: [(CaseVerdict, String)] =
            machine
            ? [
                (.regression, "slower on the candidate's machine (> \(ReportFormat.short(threshold * 100))%, significant)"),
                (.improvement, "faster"), (.notSignificant, "no clear difference"), (.notGated, "control"),
            ]
            : [
                (.regression, "regression (> \(ReportFormat.short(threshold * 100))% slower, significant)"),
                (.improvement, "improvement"), (.notSignificant, "no significant change"), (.notGated, "control, not judged"),
            ]
        for (verdict, label) in entries {
            svg.circle(cx: legendX + 6, cy: 46, r: 4.5, fill: verdict == .notGated ? "#ffffff" : color(verdict), stroke: color(verdict))
            svg.text(label, x: legendX + 16, y: 50, extra: " class=\"legend-entry\"")
            legendX += 30 + Double(label.count) * 6.3
        }
        svg.rect(x: legendX, y: 40, width: 22, height: 12, fill: "#e4e4e4")
        svg.text("±\(ReportFormat.short(threshold * 100))%", x: legendX + 28, y: 50, extra: " class=\"legend-entry\"")
        svg.raw("</g>")

        for index in cases.indices where index % 2 == 1 {
            svg.rect(x: 20, y: plot.top + Double(index) * rowHeight, width: plot.right - 20, height: rowHeight, fill: "#f6f6f6")
        }
        let bandLeft = x.pixel(1 - threshold), bandRight = x.pixel(1 + threshold)
        svg.rect(x: bandLeft, y: plot.top, width: bandRight - bandLeft, height: plot.bottom - plot.top, fill: "#e4e4e4", opacity: 0.7)
        for tick in x.ticks {
            svg.line(x.pixel(tick), plot.top, x.pixel(tick), plot.bottom, stroke: "#d8d8d8")
            svg.line(x.pixel(tick), plot.bottom, x.pixel(tick), plot.bottom + 5, stroke: "#444444")
            svg.text(axis.text(for: tick), x: x.pixel(tick), y: plot.bottom + 19, anchor: "middle", extra: " class=\"tick\"")
        }
        svg.line(x.pixel(1), plot.top, x.pixel(1), plot.bottom, stroke: "#333333", width: 1.2)
        svg.rect(x: plot.left, y: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top, fill: "none", stroke: "#444444")
        svg.text(
            axis.title + "; whiskers: \(ReportFormat.confidencePercent(report.caseConfidence))% interval", x: (plot.left + plot.right) / 2,
            y: plot.bottom + 44, anchor: "middle", size: 13, extra: " class=\"axis-title\"")
        svg.text("measurement", x: plot.left - 10, y: plot.top - 8, anchor: "end", fill: "#555555", extra: " class=\"axis-title\"")

        for (index, item) in cases.enumerated() {
            let cy = plot.top + (Double(index) + 0.5) * rowHeight, tint = color(item.verdict), interval = item.judged.interval
            let label = ReportComparison.label(item.key, suite: !oneSuite)
            let regression = item.verdict == .regression && !machine
            svg.text(
                label, x: plot.left - 10, y: cy + 4, anchor: "end", weight: regression ? "600" : nil,
                fill: regression ? tint : "#222222", extra: " class=\"tick\"")
            if interval.low.isFinite, interval.high.isFinite {
                svg.line(x.pixel(interval.low), cy, x.pixel(interval.high), cy, stroke: tint, width: 2)
                for end in [interval.low, interval.high] where x.domain.contains(end) {
                    svg.line(x.pixel(end), cy - 4, x.pixel(end), cy + 4, stroke: tint, width: 1.5)
                }
            }
            if !x.domain.contains(interval.ratio) {
                let right = interval.ratio > x.domain.upperBound
                svg.text(
                    (right ? "" : "◂ ") + ReportFormat.fixed(interval.ratio, digits: 2) + "×" + (right ? " ▸" : ""),
                    x: x.pixel(interval.ratio) + (right ? -9 : 9), y: cy + 4, anchor: right ? "end" : "start", size: 11, fill: "#444444",
                    extra: " paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\"")
            }
            let data = [
                ("label", ReportComparison.label(item.key)), ("metric", item.metric), ("ratio", ReportFormat.exact(interval.ratio)),
                ("low", ReportFormat.exact(interval.low)), ("high", ReportFormat.exact(interval.high)),
                ("verdict", machine ? "machine-" + item.verdict.rawValue : item.verdict.rawValue),
                ("baseline", ReportFormat.exact(item.judged.baselineMedian)),
                ("candidate", ReportFormat.exact(item.judged.candidateMedian)),
            ]
            svg.circle(
                cx: x.pixel(interval.ratio), cy: cy, r: 4.5, fill: item.verdict == .notGated ? "#ffffff" : tint, stroke: tint,
                extra: " class=\"point\"" + SVGDocument.data(data),
                tooltip: "\(label): \(ReportFormat.percentChange(interval.ratio)) (\(verdictName(item.verdict)))")
        }
        return svg.render(standalone: standalone)
    }
}
