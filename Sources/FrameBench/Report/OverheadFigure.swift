/// The per-layer overhead chart: for each frame size, one stacked bar per backend and
/// operation whose segments are the ns per frame each layer adds.
///
/// Input (see `docs/overhead.md`): records with suite `overhead`, a `backend`, a
/// `frameSize`, an `operation`, a `layer` (`c-library`, `swift-backend`, `sframe`,
/// `harness`) and `extra.addedNsPerFrame`, the ns per frame that layer adds over the
/// measured layer below it (the lowest measured layer: its whole cost). A layer a backend
/// lacks (no C reference) has no segment and shows as "–". An added cost below zero (the
/// layer measured faster than the one below, within noise) is drawn as no segment and
/// listed with its sign. Without such records there is no chart.
enum OverheadFigure {
    /// The layers in stacking order, bottom first; unknown layers follow by name.
    static let layerOrder = OverheadLayer.allCases.map(\.rawValue)

    struct Bar: Sendable {
        var backend: String
        var operation: String?
        var frameSize: Int
        var layers: [(layer: String, ns: Double)]
        /// The sum of the drawn segments (none below zero).
        var total: Double { layers.reduce(0) { $0 + max($1.ns, 0) } }
        var label: String { operation.map { "\(backend) \($0)" } ?? backend }
    }

    /// The bars in `records`' overhead records.
    static func bars(_ records: [MeasurementRecord]) -> [Bar] {
        struct Key: Hashable, Comparable {
            let backend: String, operation: String, size: Int
            static func < (a: Key, b: Key) -> Bool {
                (a.size, a.backend, a.operation == FrameOperation.seal.rawValue ? 0 : 1) < (
                    b.size, b.backend, b.operation == FrameOperation.seal.rawValue ? 0 : 1
                )
            }
        }
        var values: [Key: [String: Double]] = [:]
        let shown = shownWorkingSet(records)
        for record in records where record.suiteName == .overhead && record.workingSet == shown {
            guard let size = record.frameSize, let layer = record.layer, let added = record.extra?[.addedNsPerFrame] else { continue }
            values[Key(backend: record.backend, operation: record.operation ?? "", size: size), default: [:]][layer] = added
        }
        let layers = orderedLayers(values.values.flatMap(\.keys))
        return values.keys.sorted().map { key in
            let byLayer = values[key]!
            return Bar(
                backend: key.backend, operation: key.operation.isEmpty ? nil : key.operation, frameSize: key.size,
                layers: layers.compactMap { l in byLayer[l].map { (l, $0) } })
        }
    }

    /// The working set the bars show when the records hold several: the receiver default if
    /// measured, else the first in ``WorkingSet`` order; `nil` for records without one.
    static func shownWorkingSet(_ records: [MeasurementRecord]) -> String? {
        let sets = WorkingSetFigure.workingSets(records)
        return (sets.contains(.receiverDefault) ? WorkingSet.receiverDefault : sets.first)?.rawValue
    }

    static func orderedLayers(_ names: some Sequence<String>) -> [String] {
        let present = Set(names)
        return layerOrder.filter(present.contains) + present.subtracting(layerOrder).sorted()
    }

    /// The figure, or `nil` when there are no overhead records.
    static func figure(_ records: [MeasurementRecord], palette: ReportPalette, prefix: String) -> ReportFigure? {
        let bars = bars(records)
        guard !bars.isEmpty else { return nil }
        let layers = orderedLayers(bars.flatMap { $0.layers.map(\.layer) })
        let shown = shownWorkingSet(records)
        let bytes = records.first { $0.suiteName == .overhead && $0.workingSet == shown }?.workingSetBytes
        let title =
            "Overhead per layer"
            + (shown.map { ", working set \($0)" + (bytes.map { " (\(WorkingSet.describe(bytes: $0)))" } ?? "") } ?? "")
        var table = ReportTable(
            headers: ["frame size", "backend", "operation"] + layers.map { "\($0) adds" } + ["total"],
            numericColumns: Set([0] + Array(3...(layers.count + 3))))
        for bar in bars {
            let cells = layers.map { l in bar.layers.first { $0.layer == l }.map { ReportFormat.number($0.ns) } ?? "–" }
            table.add([String(bar.frameSize), bar.backend, bar.operation ?? ""] + cells + [ReportFormat.number(bar.total)])
        }
        func render(_ standalone: Bool) -> String {
            svg(bars: bars, layers: layers, palette: palette, title: title, standalone: standalone)
        }
        return ReportFigure(
            file: "\(prefix)overhead.svg", title: title,
            caption:
                "Where a frame's time goes, per backend, operation and frame size: the C library call, what the Swift backend adds, what SFrame adds (header, nonce, key lookup among the receiver's keys, replay window), and the meeting harness's own work, in ns per frame (medians of paired batch differences; docs/overhead.md). Each panel has its own scale; – marks a layer a backend lacks.",
            svgFile: render(true), svgInline: render(false), table: table)
    }

    private static func svg(bars: [Bar], layers: [String], palette: ReportPalette, title: String, standalone: Bool) -> String {
        let sizes = Set(bars.map(\.frameSize)).sorted()
        let most = sizes.map { size in bars.filter { $0.frameSize == size }.count }.max() ?? 1
        let columns = most > 4 ? 1 : min(4, sizes.count), rows = (sizes.count + columns - 1) / columns
        let width = 820.0, panelWidth = (width - 20) / Double(columns), panelHeight = 240.0, top = 70.0
        var svg = SVGDocument(width: width, height: top + Double(rows) * panelHeight + 20, title: title)
        svg.text(title, x: 20, y: 24, size: 15, weight: "600")
        var legendX = 20.0
        svg.raw("<g class=\"legend\">")
        for (position, layer) in layers.enumerated() {
            svg.rect(x: legendX, y: 38, width: 14, height: 14, fill: ReportPalette.layerColor(layer, position: position))
            svg.text(layer, x: legendX + 20, y: 50, extra: " class=\"legend-entry\"")
            legendX += 34 + Double(layer.count) * 7
        }
        svg.raw("</g>")
        for (index, size) in sizes.enumerated() {
            let left = 20 + Double(index % columns) * panelWidth, panelTop = top + Double(index / columns) * panelHeight
            let plot = (left: left + 52, top: panelTop + 28, right: left + panelWidth - 12, bottom: panelTop + panelHeight - 48)
            let panelBars = bars.filter { $0.frameSize == size }
            let axis = ChartAxis(title: "ns per frame", logarithmic: false, includesZero: true)
            let y = ChartScale(axis: axis, values: panelBars.map(\.total), pixels: plot.top...plot.bottom, inverted: true)
            svg.text(
                ReportFormat.bytes(size) + " frames", x: (plot.left + plot.right) / 2, y: panelTop + 16, anchor: "middle", size: 13,
                weight: "600")
            for tick in y.ticks {
                svg.line(plot.left, y.pixel(tick), plot.right, y.pixel(tick), stroke: "#e8e8e8")
                svg.text(ReportFormat.tick(tick), x: plot.left - 6, y: y.pixel(tick) + 4, anchor: "end", extra: " class=\"tick\"")
            }
            svg.text(
                "ns per frame", x: left + 12, y: (plot.top + plot.bottom) / 2, anchor: "middle", size: 11, rotate: -90,
                extra: " class=\"axis-title\"")
            let slot = (plot.right - plot.left) / Double(max(panelBars.count, 1))
            for (position, bar) in panelBars.enumerated() {
                let x = plot.left + slot * (Double(position) + 0.2), barWidth = slot * 0.6
                var base = 0.0
                for segment in bar.layers {
                    let y0 = y.pixel(base), y1 = y.pixel(base + max(segment.ns, 0))
                    let color = ReportPalette.layerColor(segment.layer, position: layers.firstIndex(of: segment.layer) ?? 0)
                    svg.rect(
                        x: x, y: y1, width: barWidth, height: y0 - y1, fill: color, stroke: "#ffffff",
                        extra: " class=\"segment\""
                            + SVGDocument.data([
                                ("backend", bar.backend), ("operation", bar.operation ?? ""), ("frame-size", String(size)),
                                ("layer", segment.layer), ("value", ReportFormat.exact(segment.ns)),
                            ]),
                        tooltip: "\(bar.label), \(ReportFormat.bytes(size)), \(segment.layer) adds \(ReportFormat.number(segment.ns)) ns")
                    base += max(segment.ns, 0)
                }
                svg.text(ReportFormat.number(bar.total), x: x + barWidth / 2, y: y.pixel(base) - 5, anchor: "middle", size: 11)
                if let operation = bar.operation {
                    svg.text(operation, x: x + barWidth / 2, y: plot.bottom + 13, anchor: "middle", size: 10, fill: "#555555")
                }
            }
            // The backend's name once under its bars (seal and open side by side), in its
            // colour; set at a slant only when wider than those bars' slots together.
            var first = 0
            while first < panelBars.count {
                var end = first + 1
                while end < panelBars.count, panelBars[end].backend == panelBars[first].backend { end += 1 }
                let name = panelBars[first].backend, span = slot * Double(end - first)
                let centre = plot.left + slot * (Double(first + end) / 2)
                let slant: Double? = Double(name.count) * 7 > span ? -20 : nil
                svg.text(
                    name, x: centre, y: plot.bottom + 27, anchor: slant == nil ? "middle" : "end", fill: palette.color(name),
                    rotate: slant, extra: " class=\"tick\"")
                first = end
            }
            svg.line(plot.left, plot.bottom, plot.right, plot.bottom, stroke: "#444444")
            svg.line(plot.left, plot.top, plot.left, plot.bottom, stroke: "#444444")
            svg.text(
                "backend", x: (plot.left + plot.right) / 2, y: plot.bottom + 44, anchor: "middle", size: 11, fill: "#555555",
                extra: " class=\"axis-title\"")
        }
        return svg.render(standalone: standalone)
    }
}
