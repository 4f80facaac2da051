/// The frames suite's charts: throughput, ns per frame and the Swift/C ratio against
/// frame size.
enum FramesFigures {
    /// A series key: backend, operation and implementation.
    struct Key: Hashable, Comparable {
        let backend: String, operation: String, implementation: String

        static func < (a: Key, b: Key) -> Bool {
            func rank(_ key: Key) -> (String, Int, Int) {
                (
                    key.backend,
                    key.operation == FrameOperation.seal.rawValue ? 0 : (key.operation == FrameOperation.open.rawValue ? 1 : 2),
                    key.implementation == Implementation.swift.rawValue ? 0 : 1
                )
            }
            let (x, y) = (rank(a), rank(b))
            return x != y ? x < y : a.operation < b.operation
        }

        var name: String { "\(backend) \(operation)" + (implementation == Implementation.c.rawValue ? " · C ref" : "") }
    }

    /// The figures for `records` (other suites are ignored); none without frames records.
    /// One point per series and size: the size sweep (``FramesSweep``); the other cipher
    /// suites are the suite chooser's, more threads the scaling figure's.
    static func figures(_ records: [MeasurementRecord], palette: ReportPalette, prefix: String) -> [ReportFigure] {
        let frames = FramesSweep.records(records)
        guard !frames.isEmpty else { return [] }
        let groups = Dictionary(grouping: frames) {
            Key(backend: $0.backend, operation: $0.operation ?? "?", implementation: $0.implementation)
        }
        let keys = groups.keys.sorted()
        let sizes = Set(frames.compactMap(\.frameSize)).sorted().map(Double.init)
        func style(_ key: Key, _ points: [ChartPoint]) -> ChartSeries {
            ChartSeries(
                name: key.name, color: palette.color(key.backend, variant: key.operation == FrameOperation.open.rawValue ? 1 : 0),
                dashed: key.implementation == Implementation.c.rawValue, hollow: key.operation == FrameOperation.open.rawValue,
                points: points)
        }
        func sorted(_ key: Key) -> [MeasurementRecord] { groups[key]!.sorted { $0.frameSize! < $1.frameSize! } }
        let sizeAxis = ChartAxis(title: "frame size (bytes, log scale)", logarithmic: true, ticks: sizes, label: ReportFormat.bytesTick)

        // Throughput.
        let throughputSeries = keys.map { key in
            style(
                key,
                sorted(key).map { r in
                    ChartPoint(
                        x: Double(r.frameSize!), y: r.bytesPerSecond / 1e6,
                        tooltip: "\(key.name), \(ReportFormat.bytes(r.frameSize!)): \(ReportFormat.number(r.bytesPerSecond / 1e6)) MB/s",
                        data: [("backend", key.backend), ("operation", key.operation), ("implementation", key.implementation)])
                })
        }
        let mbps = throughputSeries.flatMap { $0.points.map(\.y) }
        let throughput = LineChart(
            title: "Throughput against frame size", xAxis: sizeAxis,
            yAxis: ChartAxis(title: "throughput (MB/s, 10⁶ bytes/s\(wideRange(mbps) ? ", log scale" : ""))", logarithmic: wideRange(mbps)),
            series: throughputSeries)
        var throughputTable = ReportTable(
            headers: ["MB/s"] + sizes.map { ReportFormat.bytes(Int($0)) }, numericColumns: Set(1...sizes.count))
        for key in keys {
            throughputTable.add(
                [key.name]
                    + sizes.map { size in
                        groups[key]!.first { $0.frameSize == Int(size) }.map { ReportFormat.number($0.bytesPerSecond / 1e6) } ?? "–"
                    })
        }

        // ns per frame: Swift p50 with a p50–p99 band.
        let swiftKeys = keys.filter { $0.implementation == Implementation.swift.rawValue }
        let nsSeries = swiftKeys.map { key in
            var series = style(
                key,
                sorted(key).map { r in
                    ChartPoint(
                        x: Double(r.frameSize!), y: r.nsPerFrame.p50,
                        tooltip:
                            "\(key.name), \(ReportFormat.bytes(r.frameSize!)): p50 \(ReportFormat.number(r.nsPerFrame.p50)) ns, p99 \(ReportFormat.number(r.nsPerFrame.p99)) ns",
                        data: [("backend", key.backend), ("operation", key.operation), ("p99", ReportFormat.exact(r.nsPerFrame.p99))])
                })
            series.band = sorted(key).map { (Double($0.frameSize!), $0.nsPerFrame.p50, $0.nsPerFrame.p99) }
            return series
        }
        let nsChart = LineChart(
            title: "Nanoseconds per frame against frame size", xAxis: sizeAxis,
            yAxis: ChartAxis(title: "ns per frame (p50 of batch means, log scale)", logarithmic: true),
            series: nsSeries, bandLabel: "shaded: p50 to p99")
        var nsTable = ReportTable(
            headers: ["series", "size", "p50", "p90", "p99", "p99.9", "mean", "batch"], numericColumns: [1, 2, 3, 4, 5, 6, 7])
        for key in keys {
            for r in sorted(key) {
                let ns = r.nsPerFrame
                nsTable.add([
                    key.name, String(r.frameSize!), ReportFormat.number(ns.p50), ReportFormat.number(ns.p90),
                    ReportFormat.number(ns.p99), ReportFormat.number(ns.p999), ReportFormat.number(ns.mean),
                    r.batchSize.map(String.init) ?? "",
                ])
            }
        }
        var figures = [
            ReportFigure(
                file: "\(prefix)throughput.svg",
                caption:
                    "MB/s of payload sealed or opened against frame size. Solid: through the Swift backend; dashed: the C reference making the same library calls; hollow markers: open.",
                chart: throughput, table: throughputTable),
            ReportFigure(
                file: "\(prefix)ns-per-frame.svg",
                caption:
                    "Median ns per frame through the Swift backends, with the band from p50 to p99 of batch means (slow batches, not single frames; see docs/measurement.md). The table (ns per frame) adds p90, p99.9, the mean and the C reference.",
                chart: nsChart, table: nsTable),
        ]
        if let ratio = referenceRatioFigure(swiftKeys: swiftKeys, groups: groups, style: style, sizeAxis: sizeAxis, prefix: prefix) {
            figures.append(ratio)
        }
        if let floor = floorFigure(keys: keys, groups: groups, style: style, sizeAxis: sizeAxis, prefix: prefix) {
            figures.append(floor)
        }
        return figures
    }

    /// Swift median over C median per backend and operation, where the reference ran.
    private static func referenceRatioFigure(
        swiftKeys: [Key], groups: [Key: [MeasurementRecord]], style: (Key, [ChartPoint]) -> ChartSeries,
        sizeAxis: ChartAxis, prefix: String
    ) -> ReportFigure? {
        var table = ReportTable(headers: ["series", "size", "Swift p50 ns", "C p50 ns", "Swift / C"], numericColumns: [1, 2, 3, 4])
        let series: [ChartSeries] = swiftKeys.compactMap { key in
            let reference = groups[Key(backend: key.backend, operation: key.operation, implementation: Implementation.c.rawValue)] ?? []
            let points = groups[key]!.sorted { $0.frameSize! < $1.frameSize! }.compactMap { r -> ChartPoint? in
                guard let ratio = r.referenceRatio else { return nil }
                let c = reference.first { $0.frameSize == r.frameSize }
                table.add([
                    key.name, String(r.frameSize!), ReportFormat.number(r.nsPerFrame.p50),
                    c.map { ReportFormat.number($0.nsPerFrame.p50) } ?? "–", ReportFormat.fixed(ratio, digits: 3),
                ])
                return ChartPoint(
                    x: Double(r.frameSize!), y: ratio,
                    tooltip: "\(key.name), \(ReportFormat.bytes(r.frameSize!)): Swift/C \(ReportFormat.fixed(ratio, digits: 3))",
                    data: [("backend", key.backend), ("operation", key.operation)])
            }
            return points.isEmpty ? nil : style(key, points)
        }
        guard !series.isEmpty else { return nil }
        let chart = LineChart(
            title: "Swift backend against the C reference", xAxis: sizeAxis,
            yAxis: ChartAxis(title: "Swift / C (ratio of median ns per frame)", logarithmic: false),
            series: series, rules: [ChartRule(y: 1, label: "parity with C")])
        return ReportFigure(
            file: "\(prefix)swift-vs-c.svg",
            caption:
                "What the Swift layer adds over plain C calling the same library: 1.00 is parity, 1.10 is 10 % slower. Both ran interleaved, batch by batch.",
            chart: chart, table: table)
    }

    /// Whether values span enough (more than 20×) that a log axis reads better.
    static func wideRange(_ values: [Double]) -> Bool {
        let positive = values.filter { $0 > 0 }
        guard let low = positive.min(), let high = positive.max() else { return false }
        return high / low > 20
    }
}
