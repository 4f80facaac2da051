/// The meeting suite's charts against participant count: real-time factor (all backends
/// and modes in one chart), then per mode the per-frame cost and, for paced runs, the
/// frame latency (one chart per mode keeps each to a backend or two and its own scale).
enum MeetingFigures {
    /// One series: a backend, mode, implementation, pacing and worker-thread count (a
    /// 2-thread run is its own series, never a second point at the same participant count).
    struct Key: Hashable, Comparable {
        let backend: String, mode: String, implementation: String, paced: Bool
        var threads = 1
        /// Sealed per packet rather than per frame.
        var packet = false

        static func < (a: Key, b: Key) -> Bool {
            (a.backend, a.mode, a.paced ? 1 : 0, a.implementation, a.threads, a.packet ? 1 : 0) < (
                b.backend, b.mode, b.paced ? 1 : 0, b.implementation, b.threads, b.packet ? 1 : 0
            )
        }

        var modeLabel: String { mode + (paced ? " paced" : "") }
        var threadsLabel: String { threads > 1 ? " · \(threads) threads" : "" }
        var name: String {
            "\(backend) \(modeLabel)" + (implementation == Implementation.c.rawValue ? " · C ref" : "") + threadsLabel
                + (packet ? " · per packet" : "")
        }
    }

    /// Records grouped into series, with the styling and axis every meeting chart shares.
    struct Series {
        let groups: [Key: [MeasurementRecord]]
        let keys: [Key]
        let palette: ReportPalette
        let axis: ChartAxis

        func sorted(_ key: Key) -> [MeasurementRecord] { groups[key]!.sorted { $0.participants! < $1.participants! } }

        func style(_ key: Key, name: String? = nil) -> ChartSeries {
            ChartSeries(
                name: name ?? key.name, color: palette.color(key.backend, variant: key.mode == MeetingMode.client.rawValue ? 1 : 0),
                dashed: key.implementation == Implementation.c.rawValue || key.packet, hollow: key.mode == MeetingMode.client.rawValue,
                square: key.threads > 1, points: [])
        }
    }

    /// The figures for `records` (other suites are ignored); none without meeting records.
    static func figures(_ records: [MeasurementRecord], palette: ReportPalette, prefix: String) -> [ReportFigure] {
        let meeting = records.filter { $0.suiteName == .meeting && $0.participants != nil }
        guard !meeting.isEmpty else { return [] }
        let groups = Dictionary(grouping: meeting) {
            Key(
                backend: $0.backend, mode: $0.mode ?? "meeting", implementation: $0.implementation, paced: $0.paced ?? false,
                threads: $0.threads ?? 1, packet: $0.isPerPacket)
        }
        let counts = Set(meeting.compactMap(\.participants)).sorted().map(Double.init)
        let series = Series(
            groups: groups, keys: groups.keys.sorted(), palette: palette,
            axis: ChartAxis(title: "participants (log scale)", logarithmic: true, ticks: counts, label: { String(Int($0.rounded())) }))
        var figures: [ReportFigure] = []
        if let realtime = realtimeFigure(series, prefix: prefix) { figures.append(realtime) }
        // Cost per frame from unpaced runs when there are any (paced runs do the same work, and wait).
        let unpaced = series.keys.filter { !$0.paced }
        let costKeys = unpaced.isEmpty ? series.keys : unpaced
        for mode in Set(costKeys.map(\.mode)).sorted() {
            figures.append(MeetingLatencyFigures.cost(series, keys: costKeys.filter { $0.mode == mode }, mode: mode, prefix: prefix))
        }
        for mode in Set(series.keys.map(\.mode)).sorted() {
            if let latency = MeetingLatencyFigures.pacedLatency(
                series, keys: series.keys.filter { $0.mode == mode }, mode: mode, prefix: prefix)
            {
                figures.append(latency)
            }
        }
        return figures
    }

    /// Seconds of media per wall second, unpaced runs only (a paced run's factor is about 1 by design).
    private static func realtimeFigure(_ series: Series, prefix: String) -> ReportFigure? {
        let keys = series.keys.filter { key in !key.paced && series.groups[key]!.contains { $0.realtimeFactor != nil } }
        guard !keys.isEmpty else { return nil }
        var table = ReportTable(headers: ["participants", "series", "real-time factor", "frames/s"], numericColumns: [0, 2, 3])
        let lines: [ChartSeries] = keys.map { key in
            var line = series.style(key)
            line.points = series.sorted(key).compactMap { r in
                guard let factor = r.realtimeFactor else { return nil }
                table.add([String(r.participants!), key.name, ReportFormat.number(factor), ReportFormat.number(r.framesPerSecond)])
                return ChartPoint(
                    x: Double(r.participants!), y: factor,
                    tooltip: "\(key.name), \(r.participants!) participants: \(ReportFormat.number(factor))× real time",
                    data: [
                        ("backend", key.backend), ("mode", key.mode), ("implementation", key.implementation),
                        ("threads", String(key.threads)),
                    ])
            }
            return line
        }
        var factors: [Double] = lines.flatMap { $0.points.map(\.y) }
        factors.append(1)
        let log = FramesFigures.wideRange(factors)
        let chart = LineChart(
            title: "Real-time factor against participants", xAxis: series.axis,
            yAxis: ChartAxis(
                title: "real-time factor (media s per wall s\(log ? ", log scale" : ""))", logarithmic: log, includesZero: !log),
            series: lines, rules: [ChartRule(y: 1, label: "real time (1×)")])
        return ReportFigure(
            file: "\(prefix)meeting-realtime.svg",
            caption:
                "Seconds of media processed per second of wall time, running as fast as possible (higher is better). Below the 1× line the work does not keep up with the meeting on the threads given. Dark, filled: the whole meeting's work; light, hollow: one client's; squares: the same work on more worker threads (named in the legend), a point of its own.",
            chart: chart, table: table)
    }
}
