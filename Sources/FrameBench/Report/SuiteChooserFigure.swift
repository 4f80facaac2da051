import FrameCrypto

/// The suite chooser: per stream kind, each backend and SFrame cipher suite as a point of
/// CPU (seal plus open of one second of the stream, µs) against the bytes SFrame adds
/// (kbit/s), the Pareto front joined by a dashed line; and the suites × backends table of
/// ns per frame at each measured size ("n/a" where a backend lacks a suite).
enum SuiteChooserFigure {
    /// One figure per stream kind, or none when fewer than two suites were measured.
    static func figures(_ records: [MeasurementRecord], palette: ReportPalette, prefix: String) -> [ReportFigure] {
        let choices = SuiteChooser.choices(records)
        guard !choices.isEmpty else { return [] }
        return StreamKind.allCases.compactMap { kind in
            figure(choices.filter { $0.kind == kind }, kind: kind, palette: palette, prefix: prefix)
        }
    }

    /// The suites × backends table, or `nil` when fewer than two suites were measured.
    static func table(_ records: [MeasurementRecord]) -> ReportTable? {
        let (headers, rows) = SuiteChooser.table(records)
        guard !rows.isEmpty else { return nil }
        var table = ReportTable(headers: headers, numericColumns: Set(2..<headers.count))
        for row in rows { table.add(row) }
        return table
    }

    private static func figure(
        _ choices: [SuiteChooser.Choice], kind: StreamKind, palette: ReportPalette, prefix: String
    ) -> ReportFigure? {
        guard !choices.isEmpty else { return nil }
        var table = ReportTable(
            headers: ["backend", "suite", "CPU µs per s", "overhead kbit/s", "of media", "Pareto front"], numericColumns: [2, 3, 4])
        var series: [ChartSeries] = []
        for backend in Set(choices.map(\.backend)).sorted() {
            let mine = choices.filter { $0.backend == backend }.sorted { $0.suite.rawValue < $1.suite.rawValue }
            for c in mine {
                table.add([
                    backend, "\(c.suite.rawValue) \(c.suite.ianaName)", ReportFormat.fixed(c.cpuMicrosecondsPerSecond, digits: 2),
                    ReportFormat.fixed(c.overheadKbps, digits: 2), ReportFormat.fixed(c.overheadPercent, digits: 2) + " %",
                    c.isParetoOptimal ? "yes" : "",
                ])
            }
            var points = ChartSeries(
                name: backend, color: palette.color(backend), points: mine.map { point($0) })
            points.markersOnly = true
            series.append(points)
        }
        let front = choices.filter(\.isParetoOptimal).sorted { $0.cpuMicrosecondsPerSecond < $1.cpuMicrosecondsPerSecond }
        if front.count > 1 {
            var line = ChartSeries(
                name: "Pareto front", color: "#555555", dashed: true,
                points: front.map { c in
                    ChartPoint(
                        x: c.cpuMicrosecondsPerSecond, y: c.overheadKbps, tooltip: "front: \(c.backend) suite \(c.suite.rawValue)")
                })
            line.ringed = true
            series.append(line)
        }
        let chart = LineChart(
            title: "Choosing a cipher suite: \(kind) stream",
            xAxis: ChartAxis(title: "CPU: seal + open of one second of the stream (µs, log scale)", logarithmic: true, margin: true),
            yAxis: ChartAxis(title: "SFrame overhead (kbit/s)", logarithmic: false, includesZero: true, margin: true), series: series)
        return ReportFigure(
            file: "\(prefix)suite-chooser-\(kind).svg",
            caption:
                "Each point is a backend running one SFrame cipher suite (the number beside it) on one sender's \(kind) stream of the default meeting model, cut into 1200-byte packets: CPU is the frames suite's median seal plus open per packet, summed over one second of media; bytes are every packet's SFrame header and tag. Down and left is better; the dashed line and rings mark the choices nothing beats on both (docs/overhead.md, \"Choosing a suite\").",
            chart: chart, table: table)
    }

    private static func point(_ c: SuiteChooser.Choice) -> ChartPoint {
        ChartPoint(
            x: c.cpuMicrosecondsPerSecond, y: c.overheadKbps,
            tooltip:
                "\(c.backend), suite \(c.suite.rawValue) \(c.suite.ianaName): \(ReportFormat.fixed(c.cpuMicrosecondsPerSecond, digits: 2)) µs/s, \(ReportFormat.fixed(c.overheadKbps, digits: 2)) kbit/s",
            data: [("backend", c.backend), ("suite", String(c.suite.rawValue))], label: String(c.suite.rawValue))
    }
}
