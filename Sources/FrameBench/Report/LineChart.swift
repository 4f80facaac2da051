/// One plotted value of a series, with the tooltip and `data-` attributes its marker carries.
struct ChartPoint: Sendable {
    var x: Double
    var y: Double
    var tooltip: String
    /// Extra `data-` attributes beside `data-series`, `data-x` and `data-y`.
    var data: [(String, String)] = []
    /// Text drawn beside the marker (a scatter's point names), or `nil`.
    var label: String? = nil
}

/// A line with markers, optionally dashed or with hollow markers, and optionally a
/// shaded band (such as p50–p99) drawn beneath it.
struct ChartSeries: Sendable {
    var name: String
    var color: String
    var dashed = false
    var hollow = false
    /// Square markers instead of round ones (a variant of the same backend and mode, such
    /// as more worker threads).
    var square = false
    var points: [ChartPoint]
    var band: [(x: Double, low: Double, high: Double)] = []
    /// Markers without the line joining them (a scatter of unordered choices).
    var markersOnly = false
    /// Open rings around the points instead of markers, so another series' marker at the
    /// same place stays visible (a front drawn through chosen points of other series).
    var ringed = false
}

/// A horizontal rule across the plot, such as "real time" at a factor of 1.
struct ChartRule: Sendable {
    var y: Double
    var label: String
}

/// An x–y line chart: titled axes with units and ticks, a legend on the right, one
/// marker per data point carrying its values.
struct LineChart: Sendable {
    var title: String
    var xAxis: ChartAxis
    var yAxis: ChartAxis
    var series: [ChartSeries]
    var rules: [ChartRule] = []
    /// The legend entry explaining the shaded bands, when any series has one.
    var bandLabel: String? = nil

    static let plotWidth = 552.0, minimumHeight = 440.0, plotBottom = 380.0

    /// Rows of the legend: a series, the shaded band's entry when a band is drawn, a rule.
    var legendRows: Int {
        series.count + rules.count + (bandLabel != nil && series.contains { !$0.band.isEmpty } ? 1 : 0)
    }
    /// Tall enough for the plot and for every legend row (20 px each, from the plot's top),
    /// however many series there are (eight backends' seal and open, Swift and C: 34).
    var height: Double { Swift.max(Self.minimumHeight, 44 + 6 + Double(legendRows) * 20 + 8) }

    /// Room for the longest legend entry (about 7 px a character), at least 150 px.
    var legendWidth: Double {
        let labels = series.map(\.name) + rules.map(\.label) + (bandLabel.map { [$0] } ?? [])
        return Swift.max(150, Double(labels.map(\.count).max() ?? 0) * 7 + 56)
    }
    var width: Double { 78 + Self.plotWidth + legendWidth }

    /// The chart as SVG.
    func render(standalone: Bool) -> String {
        let plotLeft = 78.0, plotTop = 44.0
        let plotRight = plotLeft + Self.plotWidth, plotBottom = Self.plotBottom
        let xValues = series.flatMap { $0.points.map(\.x) + $0.band.map(\.x) }
        let yValues = series.flatMap { $0.points.map(\.y) + $0.band.flatMap { [$0.low, $0.high] } } + rules.map(\.y)
        let x = ChartScale(axis: xAxis, values: xValues, pixels: plotLeft...plotRight, inverted: false)
        let y = ChartScale(axis: yAxis, values: yValues, pixels: plotTop...plotBottom, inverted: true)
        var svg = SVGDocument(width: width, height: height, title: title)
        svg.text(title, x: plotLeft, y: 24, size: 15, weight: "600")
        ChartFrame.draw(into: &svg, x: x, y: y, xAxis: xAxis, yAxis: yAxis, plot: (plotLeft, plotTop, plotRight, plotBottom))

        for rule in rules {
            let py = y.pixel(rule.y)
            svg.line(
                plotLeft, py, plotRight, py, stroke: "#555555", width: 1, dash: "2 3",
                extra: SVGDocument.data([("rule", ReportFormat.exact(rule.y))]))
        }
        for item in series where !item.band.isEmpty {
            let band = item.band.sorted { $0.x < $1.x }
            let upper = band.map { "\(svg.n(x.pixel($0.x))),\(svg.n(y.pixel($0.high)))" }
            let lower = band.reversed().map { "\(svg.n(x.pixel($0.x))),\(svg.n(y.pixel($0.low)))" }
            svg.raw(
                "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(item.color)\" fill-opacity=\"0.16\" stroke=\"none\"\(SVGDocument.data([("series", item.name)]))/>"
            )
            // The band's upper edge in the series' colour, so overlapping bands stay attributable.
            svg.raw(
                "<polyline points=\"\(upper.joined(separator: " "))\" fill=\"none\" stroke=\"\(item.color)\" stroke-width=\"1\" stroke-opacity=\"0.6\" stroke-dasharray=\"3 2\"/>"
            )
        }
        var labels: [PointLabelLayout.Label] = []
        var markers: [(x: Double, y: Double)] = []
        for item in series {
            let points = item.points.sorted { $0.x < $1.x }
            if points.count > 1, !item.markersOnly {
                let path = points.map { "\(svg.n(x.pixel($0.x))),\(svg.n(y.pixel($0.y)))" }.joined(separator: " ")
                let dash = item.dashed ? " stroke-dasharray=\"7 4\"" : ""
                svg.raw(
                    "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(item.color)\" stroke-width=\"2\"\(dash) stroke-linejoin=\"round\"/>"
                )
            }
            for point in points {
                let attributes =
                    [("series", item.name), ("x", ReportFormat.exact(point.x)), ("y", ReportFormat.exact(point.y))] + point.data
                let px = x.pixel(point.x), py = y.pixel(point.y)
                Self.marker(
                    item, into: &svg, x: px, y: py, extra: " class=\"point\"" + SVGDocument.data(attributes), tooltip: point.tooltip)
                markers.append((px, py))
                if let label = point.label { labels.append(.init(text: label, x: px, y: py)) }
            }
        }
        for label in PointLabelLayout.place(labels, markers: markers, plot: (plotLeft, plotTop, plotRight, plotBottom)) {
            svg.text(label.text, x: label.x, y: label.y, size: 11, extra: " class=\"point-label\"")
        }
        drawLegend(into: &svg, left: plotRight + 16, top: plotTop)
        return svg.render(standalone: standalone)
    }

    /// A series' marker centred on (`x`, `y`): a circle, a square for ``ChartSeries/square``,
    /// or an open ring for ``ChartSeries/ringed``.
    private static func marker(
        _ item: ChartSeries, into svg: inout SVGDocument, x: Double, y: Double, extra: String = "", tooltip: String? = nil
    ) {
        let fill = item.hollow ? "#ffffff" : item.color
        if item.ringed {
            svg.circle(cx: x, cy: y, r: 7, fill: "none", stroke: item.color, extra: extra, tooltip: tooltip)
        } else if item.square {
            svg.rect(
                x: x - 4, y: y - 4, width: 8, height: 8, fill: fill, stroke: item.color,
                extra: " stroke-width=\"1.5\"" + extra, tooltip: tooltip)
        } else {
            svg.circle(cx: x, cy: y, r: 3.5, fill: fill, stroke: item.color, extra: extra, tooltip: tooltip)
        }
    }

    private func drawLegend(into svg: inout SVGDocument, left: Double, top: Double) {
        var rowY = top + 6
        svg.raw("<g class=\"legend\">")
        for item in series {
            let dash = item.dashed ? " stroke-dasharray=\"7 4\"" : ""
            if !item.markersOnly {
                svg.raw(
                    "<line x1=\"\(svg.n(left))\" y1=\"\(svg.n(rowY))\" x2=\"\(svg.n(left + 28))\" y2=\"\(svg.n(rowY))\" stroke=\"\(item.color)\" stroke-width=\"2\"\(dash)/>"
                )
            }
            Self.marker(item, into: &svg, x: left + 14, y: rowY)
            svg.text(item.name, x: left + 36, y: rowY + 4, extra: " class=\"legend-entry\"")
            rowY += 20
        }
        if let bandLabel, series.contains(where: { !$0.band.isEmpty }) {
            svg.rect(x: left, y: rowY - 6, width: 28, height: 12, fill: "#888888", opacity: 0.25)
            svg.text(bandLabel, x: left + 36, y: rowY + 4, extra: " class=\"legend-entry\"")
            rowY += 20
        }
        for rule in rules {
            svg.line(left, rowY, left + 28, rowY, stroke: "#555555", dash: "2 3")
            svg.text(rule.label, x: left + 36, y: rowY + 4, extra: " class=\"legend-entry\"")
            rowY += 20
        }
        svg.raw("</g>")
    }
}

/// Grid, axes, tick labels and axis titles around a plot area.
enum ChartFrame {
    static func draw(
        into svg: inout SVGDocument, x: ChartScale, y: ChartScale, xAxis: ChartAxis, yAxis: ChartAxis,
        plot: (left: Double, top: Double, right: Double, bottom: Double)
    ) {
        var lastLabel: (x: Double, width: Double)?
        for tick in x.ticks {
            let px = x.pixel(tick)
            svg.line(px, plot.top, px, plot.bottom, stroke: "#e8e8e8")
            svg.line(px, plot.bottom, px, plot.bottom + 5, stroke: "#444444")
            let text = xAxis.text(for: tick, among: x.ticks), width = Double(text.count) * 7
            if let last = lastLabel, px - last.x < (last.width + width) / 2 + 4 { continue }
            svg.text(text, x: px, y: plot.bottom + 19, anchor: "middle", extra: " class=\"tick\"")
            lastLabel = (px, width)
        }
        var lastY: Double?
        for tick in y.ticks {
            let py = y.pixel(tick)
            svg.line(plot.left, py, plot.right, py, stroke: "#e8e8e8")
            svg.line(plot.left - 5, py, plot.left, py, stroke: "#444444")
            if let last = lastY, abs(last - py) < 13 { continue }
            svg.text(yAxis.text(for: tick, among: y.ticks), x: plot.left - 8, y: py + 4, anchor: "end", extra: " class=\"tick\"")
            lastY = py
        }
        svg.rect(x: plot.left, y: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top, fill: "none", stroke: "#444444")
        svg.text(
            xAxis.title, x: (plot.left + plot.right) / 2, y: plot.bottom + 42, anchor: "middle", size: 13,
            extra: " class=\"axis-title\"")
        svg.text(
            yAxis.title, x: 18, y: (plot.top + plot.bottom) / 2, anchor: "middle", size: 13, rotate: -90,
            extra: " class=\"axis-title\"")
    }
}
