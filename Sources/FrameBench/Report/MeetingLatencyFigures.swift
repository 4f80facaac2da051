/// Per-mode meeting charts: the cost of each frame, and the latency of paced frames.
enum MeetingLatencyFigures {
    typealias Key = MeetingFigures.Key

    /// Median ns per sealed or opened frame with a p50–p99 band, for one mode.
    static func cost(_ series: MeetingFigures.Series, keys: [Key], mode: String, prefix: String) -> ReportFigure {
        var table = ReportTable(
            headers: ["participants", "series", "p50 ns", "p90 ns", "p99 ns", "p99.9 ns", "max ns"], numericColumns: [0, 2, 3, 4, 5, 6])
        let lines: [ChartSeries] = keys.map { key in
            var line = series.style(key)
            let rows = series.sorted(key)
            line.points = rows.map { r in
                let ns = r.nsPerFrame
                table.add([
                    String(r.participants!), key.name, ReportFormat.number(ns.p50),
                    ReportFormat.number(ns.p90), ReportFormat.number(ns.p99), ReportFormat.number(ns.p999), ReportFormat.number(ns.max),
                ])
                return ChartPoint(
                    x: Double(r.participants!), y: ns.p50,
                    tooltip:
                        "\(key.name), \(r.participants!) participants: p50 \(ReportFormat.number(ns.p50)) ns, p99 \(ReportFormat.number(ns.p99)) ns",
                    data: [("backend", key.backend), ("mode", key.mode), ("p99", ReportFormat.exact(ns.p99))])
            }
            line.band = rows.map { (Double($0.participants!), $0.nsPerFrame.p50, $0.nsPerFrame.p99) }
            return line
        }
        let chart = LineChart(
            title: "Per-frame cost against participants: \(mode) mode", xAxis: series.axis,
            yAxis: ChartAxis(title: "ns per frame (p50 of batch means, log scale)", logarithmic: true),
            series: lines, bandLabel: "shaded: p50 to p99")
        return ReportFigure(
            file: "\(prefix)meeting-ns-per-frame-\(ReportFormat.slug(mode)).svg",
            caption:
                "Median ns of crypto work per sealed or opened frame as the meeting grows (\(mode) mode), with the band from p50 to p99 of batch means; the table adds p90, p99.9 and the maximum.",
            chart: chart, table: table)
    }

    /// Frame latency of paced runs (`extra.latencyP50Ms` … from `--paced`) for one mode:
    /// from a frame's release on the media schedule to its seal or open completing.
    static func pacedLatency(_ series: MeetingFigures.Series, keys: [Key], mode: String, prefix: String) -> ReportFigure? {
        var table = ReportTable(
            headers: ["participants", "series", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "late"],
            numericColumns: [0, 2, 3, 4, 5, 6, 7])
        var deadline: Double?
        let lines: [ChartSeries] = keys.compactMap { key in
            var line = series.style(
                key,
                name: "\(key.backend) \(key.mode)" + (key.implementation == Implementation.c.rawValue ? " · C ref" : "") + key.threadsLabel)
            for r in series.sorted(key) {
                guard let extra = r.extra, let p50 = extra[.latencyP50Ms], let p99 = extra[.latencyP99Ms] else { continue }
                deadline = deadline ?? extra[.deadlineMs]
                func cell(_ name: ExtraKey) -> String { extra[name].map(ReportFormat.number) ?? "–" }
                table.add([
                    String(r.participants!), line.name, cell(.latencyP50Ms), cell(.latencyP90Ms), cell(.latencyP99Ms),
                    cell(.latencyP999Ms), cell(.latencyMaxMs),
                    extra[.missedDeadlineFraction].map { ReportFormat.short($0 * 100) + " %" } ?? "–",
                ])
                line.points.append(
                    ChartPoint(
                        x: Double(r.participants!), y: p50,
                        tooltip:
                            "\(line.name), \(r.participants!) participants: latency p50 \(ReportFormat.number(p50)) ms, p99 \(ReportFormat.number(p99)) ms",
                        data: [("backend", key.backend), ("mode", key.mode), ("p99", ReportFormat.exact(p99))]))
                line.band.append((Double(r.participants!), p50, p99))
            }
            return line.points.isEmpty ? nil : line
        }
        guard !lines.isEmpty else { return nil }
        let values = lines.flatMap { $0.band.flatMap { [$0.low, $0.high] } } + (deadline.map { [$0] } ?? [])
        let log = FramesFigures.wideRange(values)
        let chart = LineChart(
            title: "Frame latency against participants: \(mode) mode, paced", xAxis: series.axis,
            yAxis: ChartAxis(title: "latency (ms, p50\(log ? ", log scale" : ""))", logarithmic: log, includesZero: true),
            series: lines, rules: deadline.map { [ChartRule(y: $0, label: "deadline (\(ReportFormat.short($0)) ms)")] } ?? [],
            bandLabel: "shaded: p50 to p99")
        return ReportFigure(
            file: "\(prefix)meeting-latency-\(ReportFormat.slug(mode)).svg",
            caption:
                "Frames released on their media schedule (`--paced`, \(mode) mode): time from a frame's release to its seal or open completing, p50 with the band to p99. Above the deadline line a frame is late; the table's last column is the share of frames that were.",
            chart: chart, table: table)
    }
}
