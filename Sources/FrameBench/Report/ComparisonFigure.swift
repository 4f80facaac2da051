/// The comparison view: a dot-and-whisker chart of candidate/baseline ratios, one row per
/// matched measurement, regressions in red.
enum ComparisonFigure {
    static func figure(_ comparison: ReportComparison, file: String) -> ReportFigure? {
        guard let report = comparison.report, !report.cases.isEmpty else { return nil }
        let cases = ReportComparison.ordered(report.cases)
        let level = ReportFormat.short(report.caseConfidence * 100)
        var table = ReportTable(
            headers: ["measurement", "judged on", "baseline median", "candidate median", "ratio", "\(level)% interval", "change", "verdict"],
            numericColumns: [2, 3, 4, 5, 6])
        for item in cases {
            let s = item.judged, i = s.interval
            let interval = i.low.isFinite && i.high.isFinite ? "\(ReportFormat.fixed(i.low, digits: 3))–\(ReportFormat.fixed(i.high, digits: 3))" : "–"
            let emphasis: ReportTable.Emphasis = item.verdict == .regression ? .regression : (item.verdict == .improvement ? .improvement : .none)
            let ratioMetric = item.metric == "ratioToReference"
            func median(_ value: Double) -> String { ratioMetric ? ReportFormat.fixed(value, digits: 3) : ReportFormat.number(value) }
            table.add([ReportComparison.label(item.key), metricName(item.metric), median(s.baselineMedian),
                       median(s.candidateMedian), ReportFormat.fixed(i.ratio, digits: 3), interval,
                       ReportFormat.percentChange(i.ratio), verdictName(item.verdict)], emphasis: emphasis)
        }
        let title = "\(comparison.candidateName) against \(comparison.baselineName)"
        let percent = ReportFormat.short(report.threshold * 100)
        let caption = "One row per measurement in both runs. Dot: candidate median / baseline median (right of 1 is slower); whisker: its \(level)\u{00A0}% bootstrap interval (\(report.resamples) resamples, the statistics of `framebench compare`). A Swift case with the C reference on both sides is judged on its Swift/C ratio, so machine drift cancels; its C reference is then a control (hollow, not judged; pinned to the edge with its value when beyond the scale). Red: a regression, more than \(percent)\u{00A0}% slower with an interval above 1; green: an improvement by the same rule; grey: neither. Shaded: within ±\(percent)\u{00A0}%."
        return ReportFigure(file: file, title: title, caption: caption,
                            svgFile: svg(cases, report: report, title: title, standalone: true),
                            svgInline: svg(cases, report: report, title: title, standalone: false), table: table)
    }

    static func metricName(_ metric: String) -> String { metric == "ratioToReference" ? "Swift/C" : "ns/frame" }

    static func verdictName(_ verdict: CaseVerdict) -> String {
        switch verdict {
        case .regression: "regression"
        case .improvement: "improvement"
        case .withinThreshold: "within threshold"
        case .notSignificant: "not significant"
        case .notGated: "control, not judged"
        }
    }

    static func color(_ verdict: CaseVerdict) -> String {
        switch verdict {
        case .regression: ReportPalette.regression
        case .improvement: ReportPalette.improvement
        case .withinThreshold, .notSignificant, .notGated: ReportPalette.neutral
        }
    }

    private static func svg(_ cases: [CaseComparison], report: ComparisonReport, title: String, standalone: Bool) -> String {
        let width = 820.0, rowHeight = 20.0, top = 76.0, threshold = report.threshold
        let plot = (left: 290.0, top: top, right: width - 30, bottom: top + Double(cases.count) * rowHeight)
        // The scale fits the judged cases; controls beyond it are pinned to the edge with their value.
        let judged = cases.filter { $0.verdict != .notGated }
        var values = (judged.isEmpty ? cases : judged).flatMap { [$0.judged.interval.ratio, $0.judged.interval.low, $0.judged.interval.high] }
            .filter(\.isFinite)
        values += [1 - threshold * 1.6, 1 + threshold * 1.6]
        let oneSuite = Set(cases.map(\.key.suite)).count == 1
        let axis = ChartAxis(title: "candidate / baseline (ratio of medians)", logarithmic: false, label: { ReportFormat.tick($0) + "×" })
        let x = ChartScale(axis: axis, values: values, pixels: plot.left...plot.right, inverted: false)
        var svg = SVGDocument(width: width, height: plot.bottom + 64, title: title)
        svg.text(title, x: 20, y: 24, size: 15, weight: "600")

        svg.raw("<g class=\"legend\">")
        var legendX = 20.0
        let entries: [(CaseVerdict, String)] = [
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
        svg.text(axis.title + "; whiskers: \(ReportFormat.short(report.caseConfidence * 100))% interval", x: (plot.left + plot.right) / 2,
                 y: plot.bottom + 44, anchor: "middle", size: 13, extra: " class=\"axis-title\"")
        svg.text("measurement", x: plot.left - 10, y: plot.top - 8, anchor: "end", fill: "#555555", extra: " class=\"axis-title\"")

        for (index, item) in cases.enumerated() {
            let cy = plot.top + (Double(index) + 0.5) * rowHeight, tint = color(item.verdict), interval = item.judged.interval
            let label = ReportComparison.label(item.key, suite: !oneSuite)
            let regression = item.verdict == .regression
            svg.text(label, x: plot.left - 10, y: cy + 4, anchor: "end", weight: regression ? "600" : nil,
                     fill: regression ? tint : "#222222", extra: " class=\"tick\"")
            if interval.low.isFinite, interval.high.isFinite {
                svg.line(x.pixel(interval.low), cy, x.pixel(interval.high), cy, stroke: tint, width: 2)
                for end in [interval.low, interval.high] where x.domain.contains(end) {
                    svg.line(x.pixel(end), cy - 4, x.pixel(end), cy + 4, stroke: tint, width: 1.5)
                }
            }
            if !x.domain.contains(interval.ratio) {
                let right = interval.ratio > x.domain.upperBound
                svg.text((right ? "" : "◂ ") + ReportFormat.fixed(interval.ratio, digits: 2) + "×" + (right ? " ▸" : ""),
                         x: x.pixel(interval.ratio) + (right ? -9 : 9), y: cy + 4, anchor: right ? "end" : "start", size: 11, fill: "#444444",
                         extra: " paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\"")
            }
            let data = [("label", ReportComparison.label(item.key)), ("metric", item.metric), ("ratio", ReportFormat.exact(interval.ratio)),
                        ("low", ReportFormat.exact(interval.low)), ("high", ReportFormat.exact(interval.high)), ("verdict", item.verdict.rawValue),
                        ("baseline", ReportFormat.exact(item.judged.baselineMedian)), ("candidate", ReportFormat.exact(item.judged.candidateMedian))]
            svg.circle(cx: x.pixel(interval.ratio), cy: cy, r: 4.5, fill: item.verdict == .notGated ? "#ffffff" : tint, stroke: tint,
                       extra: " class=\"point\"" + SVGDocument.data(data),
                       tooltip: "\(label): \(ReportFormat.percentChange(interval.ratio)) (\(verdictName(item.verdict)))")
        }
        return svg.render(standalone: standalone)
    }
}
