/// The overhead suite's "cost vs working set" charts: for each operation and frame size, each
/// backend's layers' ns per frame (p50, a frame through that layer and every layer below)
/// against the working set the case ran under (`docs/overhead.md`, "Working sets"). Drawn
/// only when the records hold more than one working set.
///
/// Input: overhead records with a `workingSet` (`hot`, `l2`, `llc`, `dram`), a `layer` other
/// than `harness`, a `frameSize` and an `operation`; the table adds `workingSetBytes` and
/// `extra.addedNsPerFrame`. Line style tells the layers apart: solid for SFrame, dashed for
/// the Swift backend, hollow markers for the C library; colour tells the backends apart.
enum WorkingSetFigure {
    /// The working sets present, in ``WorkingSet`` order.
    static func workingSets(_ records: [MeasurementRecord]) -> [WorkingSet] {
        let present = Set(records.filter { $0.suiteName == .overhead }.compactMap { $0.workingSet.flatMap(WorkingSet.init(rawValue:)) })
        return WorkingSet.allCases.filter(present.contains)
    }

    /// One figure per operation and frame size, or none when fewer than two working sets
    /// were measured.
    static func figures(_ records: [MeasurementRecord], palette: ReportPalette, prefix: String) -> [ReportFigure] {
        let sets = workingSets(records)
        guard sets.count > 1 else { return [] }
        let measured = records.filter {
            $0.suiteName == .overhead && $0.overheadLayer != nil && $0.overheadLayer != .harness && $0.frameSize != nil
                && $0.workingSet.flatMap(WorkingSet.init(rawValue:)) != nil
        }
        struct Panel: Hashable, Comparable {
            let operation: String, size: Int
            static func < (a: Panel, b: Panel) -> Bool {
                (a.operation == FrameOperation.seal.rawValue ? 0 : 1, a.size) < (
                    b.operation == FrameOperation.seal.rawValue ? 0 : 1, b.size
                )
            }
        }
        let panels = Dictionary(grouping: measured) { Panel(operation: $0.operation ?? "", size: $0.frameSize!) }
        return panels.keys.sorted().map { panel in
            figure(panel.operation, panel.size, panels[panel]!, sets: sets, palette: palette, prefix: prefix)
        }
    }

    private static func figure(
        _ operation: String, _ size: Int, _ records: [MeasurementRecord], sets: [WorkingSet], palette: ReportPalette, prefix: String
    ) -> ReportFigure {
        let x = { (set: WorkingSet) in Double(sets.firstIndex(of: set) ?? 0) }
        var backends: [String] = []
        for r in records where !backends.contains(r.backend) { backends.append(r.backend) }
        var table = ReportTable(
            headers: ["backend", "layer", "working set", "bytes", "p50 ns", "adds ns"], numericColumns: [3, 4, 5])
        var series: [ChartSeries] = []
        for backend in backends {
            for layer in [OverheadLayer.cLibrary, .swiftBackend, .sframe] {
                let rows = records.filter { $0.backend == backend && $0.overheadLayer == layer }
                    .compactMap { r in r.workingSet.flatMap(WorkingSet.init(rawValue:)).map { (set: $0, record: r) } }
                    .sorted { x($0.set) < x($1.set) }
                guard !rows.isEmpty else { continue }
                let name = "\(backend) \(layer.rawValue)"
                for (set, r) in rows {
                    table.add([
                        backend, layer.rawValue, set.rawValue, r.workingSetBytes.map { WorkingSet.describe(bytes: $0) } ?? "–",
                        ReportFormat.number(r.nsPerFrame.p50), r.extra?[.addedNsPerFrame].map(ReportFormat.number) ?? "–",
                    ])
                }
                series.append(
                    ChartSeries(
                        name: name, color: palette.color(backend, variant: layer == .sframe ? 0 : 1), dashed: layer == .swiftBackend,
                        hollow: layer == .cLibrary,
                        points: rows.map { set, r in
                            ChartPoint(
                                x: x(set), y: r.nsPerFrame.p50,
                                tooltip: "\(name), \(set.rawValue)"
                                    + (r.workingSetBytes.map { " (\(WorkingSet.describe(bytes: $0)))" } ?? "")
                                    + ": p50 \(ReportFormat.number(r.nsPerFrame.p50)) ns",
                                data: [
                                    ("backend", backend), ("layer", layer.rawValue), ("working-set", set.rawValue),
                                    ("operation", operation), ("frame-size", String(size)),
                                ])
                        }))
            }
        }
        let chart = LineChart(
            title: "Cost vs working set, \(operation) \(ReportFormat.bytes(size))",
            xAxis: ChartAxis(
                title: "working set (docs/overhead.md)", logarithmic: false, ticks: sets.indices.map(Double.init),
                label: { value in
                    let index = Int(value.rounded())
                    return sets.indices.contains(index) ? sets[index].rawValue : ""
                }),
            yAxis: ChartAxis(title: "ns per frame (p50, through the layer)", logarithmic: false, includesZero: true),
            series: series)
        return ReportFigure(
            file: "\(prefix)working-set-\(operation)-\(size).svg",
            caption:
                "How each layer's cost moves with the memory its frames come from: every layer on rings of one geometry, hot (in L1, just written) to dram (four times the LLC). Solid: SFrame; dashed: the Swift backend; hollow markers: the C library. The table adds each layer's bytes and what it adds over the layer below (docs/overhead.md, \"Working sets\").",
            chart: chart, table: table)
    }
}
