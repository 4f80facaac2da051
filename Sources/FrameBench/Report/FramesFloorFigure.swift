extension FramesFigures {
    /// Each library's median ns per frame above the floor reference's (AES-NI + PCLMULQDQ
    /// intrinsics with nothing else; `Sources/CFrameReference/floor.c`), per operation and
    /// size: the library's own per-frame cost over the AES and GHASH work. `nil` when the run
    /// had no floor (absent on CPUs without AES-NI; the environment table says why).
    static func floorFigure(
        keys: [Key], groups: [Key: [MeasurementRecord]], style: (Key, [ChartPoint]) -> ChartSeries, sizeAxis: ChartAxis,
        prefix: String
    ) -> ReportFigure? {
        let floorKeys = keys.filter { $0.backend == FloorReference.name }
        guard !floorKeys.isEmpty else { return nil }
        var table = ReportTable(
            headers: ["series", "size", "p50 ns", "floor p50 ns", "above the floor (ns)"], numericColumns: [1, 2, 3, 4])
        let series: [ChartSeries] = keys.filter { $0.backend != FloorReference.name }.compactMap { key in
            let floor = groups[Key(backend: FloorReference.name, operation: key.operation, implementation: Implementation.c.rawValue)] ?? []
            let points = groups[key]!.sorted { $0.frameSize! < $1.frameSize! }.compactMap { r -> ChartPoint? in
                guard let above = r.extra?[.aboveFloorNsPerFrameP50], let f = floor.first(where: { $0.frameSize == r.frameSize })
                else { return nil }
                table.add([
                    key.name, String(r.frameSize!), ReportFormat.number(r.nsPerFrame.p50), ReportFormat.number(f.nsPerFrame.p50),
                    ReportFormat.number(above),
                ])
                // The chart: the Swift series at media sizes (up to 1500 B), where the per-call
                // cost is most of a frame's; the table holds every series and size.
                guard key.implementation == Implementation.swift.rawValue, r.frameSize! <= 1500 else { return nil }
                return ChartPoint(
                    x: Double(r.frameSize!), y: above,
                    tooltip: "\(key.name), \(ReportFormat.bytes(r.frameSize!)): \(ReportFormat.number(above)) ns above the floor",
                    data: [("backend", key.backend), ("operation", key.operation)])
            }
            return points.isEmpty ? nil : style(key, points)
        }
        guard !series.isEmpty else { return nil }
        let chart = LineChart(
            title: "Nanoseconds per frame above the floor", xAxis: sizeAxis,
            yAxis: ChartAxis(title: "median ns per frame above the floor reference", logarithmic: false),
            series: series, rules: [ChartRule(y: 0, label: "the floor")])
        return ReportFigure(
            file: "\(prefix)above-floor.svg",
            caption:
                "Each library's own cost per frame over the bare AES and GHASH work at media frame sizes (up to 1500 B): its median ns per frame through FrameCrypto minus the floor's (a minimal AES-256-GCM in AES-NI and PCLMULQDQ intrinsics, keyed once; not a backend for use), measured interleaved in the same group. The table below holds every size, and the C references alone (the library without the Swift layers).",
            chart: chart, table: table)
    }
}
