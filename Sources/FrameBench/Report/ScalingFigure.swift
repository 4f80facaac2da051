/// The frames suite's multi-core scaling chart: efficiency (speed-up ÷ threads) against
/// threads, per backend, operation and frame size, from records on more than one thread
/// (`framebench frames --threads 1,2`). Each carries its speed-up over the same case on
/// one thread, measured interleaved with it, so the 1-thread point is 1 by definition.
enum ScalingFigure {
    /// The chart and its table, or `nil` without scaling records.
    static func figure(_ records: [MeasurementRecord], palette: ReportPalette, prefix: String) -> ReportFigure? {
        let scaled = records.filter {
            $0.suiteName == .frames && ($0.threads ?? 1) > 1 && $0.extra?[.efficiency] != nil && $0.frameSize != nil
        }
        guard !scaled.isEmpty else { return nil }
        let sizes = Set(scaled.compactMap(\.frameSize)).sorted()
        func name(_ r: MeasurementRecord) -> String {
            "\(r.backend) \(r.operation ?? "?")" + (sizes.count > 1 ? " \(ReportFormat.bytes(r.frameSize!))" : "")
        }
        let groups = Dictionary(grouping: scaled, by: name)
        let keys = groups.keys.sorted { a, b in
            let (x, y) = (groups[a]![0], groups[b]![0])
            return (x.frameSize!, x.backend, x.operation ?? "") < (y.frameSize!, y.backend, y.operation ?? "")
        }
        let threadTicks = ([1] + scaled.compactMap(\.threads)).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }.sorted()

        var table = ReportTable(
            headers: ["series", "threads", "frames/s", "1-thread frames/s", "speed-up", "efficiency", "p99 ns", "1-thread p99 ns"],
            numericColumns: [1, 2, 3, 4, 5, 6, 7])
        let series = keys.map { key -> ChartSeries in
            let rows = groups[key]!.sorted { ($0.threads ?? 1) < ($1.threads ?? 1) }
            let first = rows[0]
            let data = [("backend", first.backend), ("operation", first.operation ?? ""), ("frameSize", String(first.frameSize!))]
            var points = [ChartPoint(x: 1, y: 1, tooltip: "\(key), 1 thread: the reference (efficiency 1)", data: data)]
            for r in rows {
                let extra = r.extra ?? [:]
                let efficiency = extra[.efficiency] ?? 0, speedup = extra[.speedup] ?? 0
                let threads = r.threads ?? 1
                points.append(
                    ChartPoint(
                        x: Double(threads), y: efficiency,
                        tooltip:
                            "\(key), \(threads) threads: efficiency \(ReportFormat.fixed(efficiency, digits: 3)), speed-up \(ReportFormat.fixed(speedup, digits: 2))",
                        data: data + [("speedup", ReportFormat.exact(speedup))]))
                table.add([
                    key, String(threads), ReportFormat.number(r.framesPerSecond),
                    extra[.singleThreadFramesPerSecond].map(ReportFormat.number) ?? "–",
                    ReportFormat.fixed(speedup, digits: 2), ReportFormat.fixed(efficiency, digits: 3),
                    ReportFormat.number(r.nsPerFrame.p99), extra[.singleThreadNsPerFrameP99].map(ReportFormat.number) ?? "–",
                ])
            }
            return ChartSeries(
                name: key, color: palette.color(first.backend, variant: first.frameOperation == .open ? 1 : 0),
                dashed: sizes.count > 1 && first.frameSize != sizes.last, hollow: first.frameOperation == .open, points: points)
        }
        let chart = LineChart(
            title: "Multi-core scaling: efficiency against threads",
            xAxis: ChartAxis(
                title: "threads (each with its own contexts)", logarithmic: false,
                ticks: threadTicks.map(Double.init), label: { String(Int($0)) }),
            yAxis: ChartAxis(title: "efficiency (speed-up ÷ threads)", logarithmic: false, includesZero: true),
            series: series, rules: [ChartRule(y: 1, label: "linear scaling")])
        return ReportFigure(
            file: "\(prefix)scaling.svg",
            caption:
                "Aggregate frames per second on N threads over the same case on 1 thread, run interleaved slice by slice, divided by N: 1 is linear scaling; below it the threads slow each other down (shared locks or reference counts in the library, shared caches, or fewer free cores than threads). Hollow markers: open. The table adds throughput and the per-thread p99 (of batch means) on N threads and on 1.",
            chart: chart, table: table)
    }
}
