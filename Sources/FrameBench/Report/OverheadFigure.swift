/// The per-layer overhead chart: for each frame size, one stacked bar per backend whose
/// segments are the ns per frame each layer adds.
///
/// Expected input (see `docs/report.md`): records with suite `overhead`, a `backend`, a
/// `frameSize`, a `layer` (`c-library`, `swift-backend`, `sframe`, `harness`) and
/// `nsPerFrame.p50` as the ns per frame that layer adds. Without such records there is no
/// chart.
enum OverheadFigure {
    /// The layers in stacking order, bottom first; unknown layers follow by name.
    static let layerOrder = ["c-library", "swift-backend", "sframe", "harness"]

    struct Bar: Sendable {
        var backend: String
        var frameSize: Int
        var layers: [(layer: String, ns: Double)]
        var total: Double { layers.reduce(0) { $0 + $1.ns } }
    }

    /// The bars in `input`'s overhead records (the layer of each comes from ``ReportInput/layers``).
    static func bars(_ input: ReportInput) -> [Bar] {
        var values: [String: [Int: [String: Double]]] = [:]
        for (index, record) in input.document.measurements.enumerated() where record.suite == "overhead" {
            guard let size = record.frameSize, let layer = input.layer(at: index) else { continue }
            values[record.backend, default: [:]][size, default: [:]][layer] = record.nsPerFrame.p50
        }
        let layers = orderedLayers(values.values.flatMap { $0.values.flatMap(\.keys) })
        return values.keys.sorted().flatMap { backend in
            values[backend]!.keys.sorted().map { size in
                let byLayer = values[backend]![size]!
                return Bar(backend: backend, frameSize: size, layers: layers.compactMap { l in byLayer[l].map { (l, $0) } })
            }
        }
    }

    static func orderedLayers(_ names: some Sequence<String>) -> [String] {
        let present = Set(names)
        return layerOrder.filter(present.contains) + present.subtracting(layerOrder).sorted()
    }

    /// The figure, or `nil` when there are no overhead records.
    static func figure(_ input: ReportInput, palette: ReportPalette, prefix: String) -> ReportFigure? {
        let bars = bars(input)
        guard !bars.isEmpty else { return nil }
        let layers = orderedLayers(bars.flatMap { $0.layers.map(\.layer) })
        let title = "Overhead per layer"
        var table = ReportTable(headers: ["frame size", "backend"] + layers + ["total"],
                                numericColumns: Set([0] + Array(2...(layers.count + 2))))
        for bar in bars.sorted(by: { ($0.frameSize, $0.backend) < ($1.frameSize, $1.backend) }) {
            let cells = layers.map { l in bar.layers.first { $0.layer == l }.map { ReportFormat.number($0.ns) } ?? "–" }
            table.add([String(bar.frameSize), bar.backend] + cells + [ReportFormat.number(bar.total)])
        }
        func render(_ standalone: Bool) -> String { svg(bars: bars, layers: layers, palette: palette, title: title, standalone: standalone) }
        return ReportFigure(
            file: "\(prefix)overhead.svg", title: title,
            caption: "Where a frame's time goes, per backend and frame size: the C library call, what the Swift backend adds, SFrame framing, and the harness, in ns per frame (median). Each panel has its own scale.",
            svgFile: render(true), svgInline: render(false), table: table)
    }

    private static func svg(bars: [Bar], layers: [String], palette: ReportPalette, title: String, standalone: Bool) -> String {
        let sizes = Set(bars.map(\.frameSize)).sorted()
        let backends = Set(bars.map(\.backend)).sorted()
        let columns = min(4, sizes.count), rows = (sizes.count + columns - 1) / columns
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
            let panelBars = backends.compactMap { b in bars.first { $0.backend == b && $0.frameSize == size } }
            let axis = ChartAxis(title: "ns per frame", logarithmic: false, includesZero: true)
            let y = ChartScale(axis: axis, values: panelBars.map(\.total), pixels: plot.top...plot.bottom, inverted: true)
            svg.text(ReportFormat.bytes(size) + " frames", x: (plot.left + plot.right) / 2, y: panelTop + 16, anchor: "middle", size: 13, weight: "600")
            for tick in y.ticks {
                svg.line(plot.left, y.pixel(tick), plot.right, y.pixel(tick), stroke: "#e8e8e8")
                svg.text(ReportFormat.tick(tick), x: plot.left - 6, y: y.pixel(tick) + 4, anchor: "end", extra: " class=\"tick\"")
            }
            svg.text("ns per frame", x: left + 12, y: (plot.top + plot.bottom) / 2, anchor: "middle", size: 11, rotate: -90, extra: " class=\"axis-title\"")
            let slot = (plot.right - plot.left) / Double(max(panelBars.count, 1))
            for (position, bar) in panelBars.enumerated() {
                let x = plot.left + slot * (Double(position) + 0.2), barWidth = slot * 0.6
                var base = 0.0
                for segment in bar.layers {
                    let y0 = y.pixel(base), y1 = y.pixel(base + segment.ns)
                    let color = ReportPalette.layerColor(segment.layer, position: layers.firstIndex(of: segment.layer) ?? 0)
                    svg.rect(x: x, y: y1, width: barWidth, height: y0 - y1, fill: color, stroke: "#ffffff",
                             extra: " class=\"segment\"" + SVGDocument.data([("backend", bar.backend), ("frame-size", String(size)), ("layer", segment.layer), ("value", ReportFormat.exact(segment.ns))]),
                             tooltip: "\(bar.backend), \(ReportFormat.bytes(size)), \(segment.layer): \(ReportFormat.number(segment.ns)) ns")
                    base += segment.ns
                }
                svg.text(ReportFormat.number(bar.total), x: x + barWidth / 2, y: y.pixel(base) - 5, anchor: "middle", size: 11)
                svg.text(bar.backend, x: x + barWidth / 2, y: plot.bottom + 16, anchor: "middle", fill: palette.color(bar.backend), extra: " class=\"tick\"")
            }
            svg.line(plot.left, plot.bottom, plot.right, plot.bottom, stroke: "#444444")
            svg.line(plot.left, plot.top, plot.left, plot.bottom, stroke: "#444444")
            svg.text("backend", x: (plot.left + plot.right) / 2, y: plot.bottom + 34, anchor: "middle", size: 11, fill: "#555555", extra: " class=\"axis-title\"")
        }
        return svg.render(standalone: standalone)
    }
}

