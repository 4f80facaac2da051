/// The key-count study's chart (records with suite `keys`): median ns per SFrame open
/// against the number of live receive keys, one line per backend and frame size, with the
/// band from p50 to p99; the table adds each case's paired ratio to one key.
enum KeyCountFigure {
    /// The figure, or `nil` without key-count records.
    static func figure(_ records: [MeasurementRecord], palette: ReportPalette, prefix: String) -> ReportFigure? {
        let study = records.filter { $0.suiteName == .keys && $0.keyCount != nil && $0.frameSize != nil }
        guard !study.isEmpty else { return nil }
        struct Key: Hashable, Comparable {
            let backend: String, size: Int
            static func < (a: Key, b: Key) -> Bool { (a.backend, a.size) < (b.backend, b.size) }
        }
        let groups = Dictionary(grouping: study) { Key(backend: $0.backend, size: $0.frameSize!) }
        let keys = groups.keys.sorted()
        let sizes = Set(study.compactMap(\.frameSize)).sorted()
        let counts = Set(study.compactMap(\.keyCount)).sorted().map(Double.init)
        var table = ReportTable(
            headers: ["backend", "size", "live keys", "p50 ns", "p90 ns", "p99 ns", "× 1 key", "95% interval"],
            numericColumns: [1, 2, 3, 4, 5, 6])
        let series: [ChartSeries] = keys.map { key in
            let rows = groups[key]!.sorted { $0.keyCount! < $1.keyCount! }
            let name = "\(key.backend) \(ReportFormat.bytes(key.size))"
            for r in rows {
                let e = r.extra ?? [:]
                table.add([
                    key.backend, String(key.size), String(r.keyCount!), ReportFormat.number(r.nsPerFrame.p50),
                    ReportFormat.number(r.nsPerFrame.p90), ReportFormat.number(r.nsPerFrame.p99),
                    e[.ratioToOneKey].map { ReportFormat.fixed($0, digits: 3) } ?? "–",
                    e[.ratioToOneKeyLow].flatMap { low in
                        e[.ratioToOneKeyHigh].map { "\(ReportFormat.fixed(low, digits: 3)) … \(ReportFormat.fixed($0, digits: 3))" }
                    } ?? "",
                ])
            }
            var line = ChartSeries(
                name: name, color: palette.color(key.backend, variant: sizes.firstIndex(of: key.size) == 0 ? 0 : 1),
                hollow: sizes.firstIndex(of: key.size) != 0,
                points: rows.map { r in
                    ChartPoint(
                        x: Double(r.keyCount!), y: r.nsPerFrame.p50,
                        tooltip: "\(name), \(r.keyCount!) keys: p50 \(ReportFormat.number(r.nsPerFrame.p50)) ns"
                            + (r.extra?[.ratioToOneKey].map { ", \(ReportFormat.fixed($0, digits: 3))× one key" } ?? ""),
                        data: [("backend", key.backend), ("frame-size", String(key.size)), ("p99", ReportFormat.exact(r.nsPerFrame.p99))])
                })
            line.band = rows.map { (Double($0.keyCount!), $0.nsPerFrame.p50, $0.nsPerFrame.p99) }
            return line
        }
        let values = series.flatMap { $0.points.map(\.y) }
        let log = FramesFigures.wideRange(values)
        let chart = LineChart(
            title: "SFrame open against live receive keys",
            xAxis: ChartAxis(
                title: "live receive keys (log scale)", logarithmic: true, ticks: counts, label: { String(Int($0.rounded())) }),
            yAxis: ChartAxis(title: "ns per frame (p50 of batch means\(log ? ", log scale" : ""))", logarithmic: log, includesZero: !log),
            series: series, bandLabel: "shaded: p50 to p99")
        return ReportFigure(
            file: "\(prefix)key-count.svg",
            caption:
                "What one SFrame open costs as the receiver holds more keys, frames arriving from all of them in random order (400 = 200 senders × 2 epochs). Dark, filled: the smaller frame size; light, hollow: the larger. The table's × 1 key is the paired ratio to the one-key case, batch by batch (docs/overhead.md).",
            chart: chart, table: table)
    }
}
