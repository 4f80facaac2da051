import Foundation
import Testing

@testable import FrameBench

@Suite struct ReportChartTests {
    /// A report on one document holding frames and meeting records, plus one with overhead layers.
    static func files() throws -> [String: String] {
        var document = ReportFixtures.framesDocument()
        document.measurements += ReportFixtures.meetingDocument().measurements
        let rendered = Report.render([ReportInput(name: "both.json", document: document)])
        return Dictionary(uniqueKeysWithValues: rendered.map { ($0.name, $0.contents) })
    }

    static func svg(_ name: String) throws -> XMLElements {
        let files = try files()
        let text = try #require(files[name], "\(name) written")
        return try #require(XMLElements.parse(text), "\(name) is well-formed XML")
    }

    /// The marker of a data point whose `data-` attributes match `match`.
    static func point(_ svg: XMLElements, _ match: [String: String]) -> XMLElements.Element? {
        svg.named("circle").first { c in c.attributes["class"] == "point" && match.allSatisfy { c.attributes["data-\($0.key)"] == $0.value }
        }
    }

    static func value(_ element: XMLElements.Element?, _ name: String) -> Double? {
        element?.attributes["data-\(name)"].flatMap(Double.init)
    }

    @Test func everyChartIsSVGWithViewBoxTitleAxesAndLegend() throws {
        let files = try Self.files()
        let charts = files.keys.filter { $0.hasSuffix(".svg") }.sorted()
        #expect(
            charts == [
                "meeting-ns-per-frame-client.svg", "meeting-ns-per-frame-meeting.svg", "meeting-realtime.svg", "ns-per-frame.svg",
                "swift-vs-c.svg", "throughput.svg",
            ])
        for name in charts {
            let svg = try #require(XMLElements.parse(files[name]!), "\(name) parses")
            let root = try #require(svg.elements.first)
            #expect(root.name == "svg", "\(name) root")
            #expect(root.attributes["viewBox"]?.split(separator: " ").count == 4, "\(name) viewBox")
            #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg", "\(name) namespace")
            #expect(svg.texts(class: "axis-title").count == 2, "\(name) has both axis titles")
            #expect(svg.texts(class: "tick").count >= 4, "\(name) has tick labels")
            #expect(!svg.texts(class: "legend-entry").isEmpty, "\(name) has a legend")
        }
    }

    @Test func throughputHasOnePointPerRecordWithItsValue() throws {
        let svg = try Self.svg("throughput.svg")
        let records = ReportFixtures.framesDocument().measurements
        #expect(svg.named("circle").filter { $0.attributes["class"] == "point" }.count == records.count)
        for r in records {
            let point = Self.point(
                svg, ["backend": r.backend, "operation": r.operation!, "implementation": r.implementation, "x": String(r.frameSize!)])
            let y = try #require(Self.value(point, "y"), "point for \(r.backend) \(r.operation!) \(r.frameSize!) \(r.implementation)")
            #expect(abs(y - r.bytesPerSecond / 1e6) <= 1e-9 * y)
        }
        #expect(svg.texts(class: "axis-title").contains { $0.hasPrefix("frame size (bytes") })
        #expect(svg.texts(class: "axis-title").contains { $0.hasPrefix("throughput (MB/s") })
        let legend = svg.texts(class: "legend-entry")
        for entry in ["openssl seal", "openssl seal · C ref", "openssl open", "sodium seal", "sodium open · C ref"] {
            #expect(legend.contains(entry), "legend has \(entry)")
        }
        // The C reference is dashed; the Swift lines are not.
        let dashed = svg.named("polyline").filter { $0.attributes["stroke-dasharray"] != nil }
        #expect(dashed.count == 4)
    }

    @Test func nsPerFrameHasP50PointsAndP99Bands() throws {
        let svg = try Self.svg("ns-per-frame.svg")
        let swift = ReportFixtures.framesDocument().measurements.filter { $0.implementation == "swift" }
        #expect(svg.named("circle").filter { $0.attributes["class"] == "point" }.count == swift.count)
        for r in swift {
            let point = Self.point(svg, ["backend": r.backend, "operation": r.operation!, "x": String(r.frameSize!)])
            #expect(Self.value(point, "y") == r.nsPerFrame.p50)
            #expect(Self.value(point, "p99") == r.nsPerFrame.p99)
        }
        #expect(svg.named("polygon").filter { $0.attributes["class"] == "band" }.count == 4)
        #expect(svg.texts(class: "legend-entry").contains("shaded: p50 to p99"))
    }

    @Test func swiftOverCHasTheReferenceRatios() throws {
        let svg = try Self.svg("swift-vs-c.svg")
        for r in ReportFixtures.framesDocument().measurements where r.implementation == "swift" {
            let point = Self.point(svg, ["backend": r.backend, "operation": r.operation!, "x": String(r.frameSize!)])
            #expect(Self.value(point, "y") == r.referenceRatio)
        }
        #expect(svg.named("line").contains { $0.attributes["data-rule"] == "1" })
    }

    @Test func meetingChartsPlotRealtimeFactorAndCostAgainstParticipants() throws {
        let realtime = try Self.svg("meeting-realtime.svg")
        let costs = [
            "client": try Self.svg("meeting-ns-per-frame-client.svg"), "meeting": try Self.svg("meeting-ns-per-frame-meeting.svg"),
        ]
        for r in ReportFixtures.meetingDocument().measurements {
            let cost = try #require(costs[r.mode!])
            let match = ["backend": r.backend, "mode": r.mode!, "x": String(r.participants!)]
            #expect(Self.value(Self.point(realtime, match), "y") == r.realtimeFactor)
            #expect(Self.value(Self.point(cost, match), "y") == r.nsPerFrame.p50)
            #expect(Self.value(Self.point(cost, match), "p99") == r.nsPerFrame.p99)
        }
        #expect(realtime.texts(class: "axis-title").contains("participants (log scale)"))
        #expect(realtime.texts(class: "legend-entry").contains("openssl client"))
        #expect(realtime.texts(class: "legend-entry").contains("real time (1×)"))
        // Ticks are the participant counts measured.
        #expect(ReportFixtures.participantCounts.allSatisfy { realtime.texts(class: "tick").contains(String($0)) })
    }

    @Test func backendsKeepTheirColourAcrossCharts() throws {
        let throughput = try Self.svg("throughput.svg"), realtime = try Self.svg("meeting-realtime.svg")
        let openssl = Self.point(throughput, ["backend": "openssl", "operation": "seal", "implementation": "swift"])?.attributes["fill"]
        let sodium = Self.point(throughput, ["backend": "sodium", "operation": "seal", "implementation": "swift"])?.attributes["fill"]
        #expect(openssl != nil && openssl != sodium)
        #expect(Self.point(realtime, ["backend": "openssl", "mode": "meeting"])?.attributes["fill"] == openssl)
        #expect(Self.point(realtime, ["backend": "sodium", "mode": "meeting"])?.attributes["fill"] == sodium)
    }

    @Test func overheadLayersAreStackedBarsWithTheirValues() throws {
        let data = try ReportFixtures.overheadJSON()
        let directory = try ReportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/overhead.json"
        try data.write(to: URL(fileURLWithPath: path))
        let input = try ReportInput.read(path: path)
        #expect(input.document.measurements.allSatisfy { $0.layer != nil })
        let files = Report.render([input])
        let text = try #require(files.first { $0.name == "overhead.svg" }?.contents)
        let svg = try #require(XMLElements.parse(text))
        let segments = svg.named("rect").filter { $0.attributes["class"] == "segment" }
        #expect(segments.count == 16)
        for backend in ["openssl", "sodium"] {
            for size in [64, 1200] {
                for layer in OverheadFigure.layerOrder {
                    let segment = segments.first {
                        $0.attributes["data-backend"] == backend && $0.attributes["data-operation"] == "seal"
                            && $0.attributes["data-frame-size"] == String(size) && $0.attributes["data-layer"] == layer
                    }
                    #expect(segment?.attributes["data-value"].flatMap(Double.init) == ReportFixtures.layerNs(backend, size, layer))
                }
            }
        }
        #expect(svg.texts(class: "legend-entry") == OverheadFigure.layerOrder)
        #expect(svg.texts(class: "axis-title").contains("ns per frame"))
        // With seal and open bars side by side, each backend's name once per panel (64 B,
        // 1200 B) under its pair of bars, each operation under its bar.
        var both = input.document
        both.measurements += input.document.measurements.map { record -> MeasurementRecord in
            var open = record
            open.operation = "open"
            return open
        }
        let paired = try #require(
            Report.render([ReportInput(name: "both.json", document: both)]).first { $0.name == "overhead.svg" }?.contents)
        let pairedSVG = try #require(XMLElements.parse(paired))
        #expect(pairedSVG.named("rect").filter { $0.attributes["class"] == "segment" }.count == 32)
        #expect(pairedSVG.texts(class: "tick").filter { $0 == "openssl" }.count == 2)
        #expect(pairedSVG.texts(class: "tick").filter { $0 == "sodium" }.count == 2)
        #expect(pairedSVG.named("text").filter { $0.text == "open" }.count == 4)
    }

    @Test func chartsAreSkippedWithoutTheirSuites() {
        let names = Report.render([ReportInput(name: "m.json", document: ReportFixtures.meetingDocument())]).map(\.name)
        #expect(
            names == [
                "report.md", "report.html", "meeting-realtime.svg", "meeting-ns-per-frame-client.svg", "meeting-ns-per-frame-meeting.svg",
            ])
    }

    @Test func logTicksCoverTheDataWithRoundNumbers() {
        let (domain, ticks) = ChartScale.logTicks(low: 26.8, high: 3835)
        #expect(domain.lowerBound <= 26.8 && domain.upperBound >= 3835)
        #expect(ticks == [20, 50, 100, 200, 500, 1000, 2000, 5000])
        let (_, linear) = ChartScale.linearTicks(low: 0.989, high: 1.051)
        #expect(linear.first! <= 0.989 && linear.last! >= 1.051 && linear.count >= 4 && linear.count <= 9)
    }
}

@Suite struct ReportPacedLatencyTests {
    @Test func pacedRunsGetALatencyChartWithTheDeadline() throws {
        var document = ReportFixtures.meetingDocument()
        for index in document.measurements.indices {
            let n = Double(document.measurements[index].participants!)
            document.measurements[index].extra = [
                "latencyP50Ms": 0.1 * n, "latencyP90Ms": 0.15 * n, "latencyP99Ms": 0.3 * n, "latencyP999Ms": 0.5 * n,
                "latencyMaxMs": n, "deadlineMs": 20, "missedDeadlineFraction": 0,
            ]
        }
        let files = Report.render([ReportInput(name: "paced.json", document: document)])
        var charts: [String: XMLElements] = [:]
        for mode in ["client", "meeting"] {
            let text = try #require(files.first { $0.name == "meeting-latency-\(mode).svg" }).contents
            let svg = try #require(XMLElements.parse(text))
            charts[mode] = svg
        }
        for r in document.measurements {
            let svg = try #require(charts[r.mode!])
            let point = ReportChartTests.point(svg, ["backend": r.backend, "mode": r.mode!, "x": String(r.participants!)])
            #expect(ReportChartTests.value(point, "y") == r.extra!["latencyP50Ms"])
            #expect(ReportChartTests.value(point, "p99") == r.extra!["latencyP99Ms"])
        }
        for svg in charts.values {
            #expect(svg.named("line").contains { $0.attributes["data-rule"] == "20" })
            #expect(svg.texts(class: "legend-entry").contains("deadline (20 ms)"))
            #expect(svg.texts(class: "axis-title").contains("latency (ms, p50, log scale)"))
        }
    }
}

@Suite struct ScatterLayoutTests {
    @Test func labelsInATightClusterNeitherOverlapNorStrayFar() {
        // Sixteen points within 40 px on one row, as a suite chooser's GCM suites cluster.
        let points = (0..<16).map { (x: 200 + Double($0) * 2.5, y: 100.0) }
        let labels = points.enumerated().map {
            PointLabelLayout.Label(text: $0.offset % 2 == 0 ? "4" : "5", x: $0.element.x, y: $0.element.y)
        }
        let placed = PointLabelLayout.place(labels, markers: points, plot: (78, 44, 630, 380))
        #expect(placed.count == labels.count)
        for i in placed.indices {
            for j in placed.indices where j > i { #expect(placed[i].box.overlap(placed[j].box) == 0, "\(i) and \(j) overlap") }
            #expect(abs(placed[i].x - 220) < 60 && abs(placed[i].y - 100) < 40)
        }
        // A lone point keeps the usual spot: right of and above its marker.
        let alone = PointLabelLayout.place([.init(text: "3", x: 300, y: 200)], markers: [(300, 200)], plot: (78, 44, 630, 380))
        #expect(
            alone == [PointLabelLayout.Placement(text: "3", x: 306, y: 194, box: .init(left: 306, top: 184, right: 312.5, bottom: 196))])
    }

    @Test func aMarginKeepsTheLargestValueOffTheBorder() {
        let plain = ChartScale(
            axis: ChartAxis(title: "y", logarithmic: false, includesZero: true), values: [3, 8], pixels: 44...380, inverted: true)
        #expect(plain.pixel(8) == 44)
        let padded = ChartScale(
            axis: ChartAxis(title: "y", logarithmic: false, includesZero: true, margin: true), values: [3, 8], pixels: 44...380,
            inverted: true)
        #expect(padded.domain.lowerBound == 0 && padded.domain.upperBound > 8 && padded.pixel(8) > 44)
        let log = ChartScale(
            axis: ChartAxis(title: "x", logarithmic: true, margin: true), values: [20, 200], pixels: 78...630, inverted: false)
        #expect(log.pixel(20) > 78 && log.pixel(200) < 630)
    }
}

@Suite struct FramesSweepTests {
    @Test func theSweepChartsOneSuiteAndTheFirstRecordOfEachSize() throws {
        // A run as `framebench run` writes one: the sweep (suite 5), then every suite at
        // 1200 B for the suite chooser, suite 5 among them a second time with another value.
        var document = ReportFixtures.framesDocument()
        let sweep = document.measurements
        for suite in [1, 4, 5] {
            var again = ReportFixtures.framesRecord("openssl", "seal", 1200, "swift", scale: 1.5 + Double(suite))
            again.cipherSuite = suite
            document.measurements.append(again)
        }
        let picked = FramesSweep.records(document.measurements)
        #expect(picked.count == sweep.count)
        #expect(zip(picked, sweep).allSatisfy { $0.nsPerFrame.p50 == $1.nsPerFrame.p50 && $0.frameSize == $1.frameSize })

        let rendered = Report.render([ReportInput(name: "run.json", document: document)])
        let text = try #require(rendered.first { $0.name == "throughput.svg" }).contents
        let svg = try #require(XMLElements.parse(text))
        let points = svg.named("circle").filter {
            $0.attributes["class"] == "point" && $0.attributes["data-backend"] == "openssl" && $0.attributes["data-operation"] == "seal"
                && $0.attributes["data-implementation"] == "swift"
        }
        #expect(points.map { $0.attributes["data-x"] } == ReportFixtures.sizes.map(String.init))
        let first = try #require(
            sweep.first { $0.backend == "openssl" && $0.operation == "seal" && $0.frameSize == 1200 && $0.implementation == "swift" })
        #expect(ReportChartTests.value(points.first { $0.attributes["data-x"] == "1200" }, "y") == first.bytesPerSecond / 1e6)

        // Only other suites measured (frames --suites 4): the lowest is the sweep.
        let suite4 = sweep.map { record -> MeasurementRecord in
            var copy = record
            copy.cipherSuite = 4
            return copy
        }
        #expect(FramesSweep.records(suite4).count == sweep.count)
    }
}

@Suite struct ChartLegendTests {
    @Test func theChartGrowsToHoldEveryLegendRow() throws {
        let series = (0..<34).map { i in
            ChartSeries(name: "series \(i)", color: "#336699", points: [ChartPoint(x: 1, y: Double(i), tooltip: "")])
        }
        let chart = LineChart(
            title: "many", xAxis: ChartAxis(title: "x", logarithmic: false), yAxis: ChartAxis(title: "y", logarithmic: false),
            series: series)
        let svg = try #require(XMLElements.parse(chart.render(standalone: true)))
        let height = try #require(svg.elements.first?.attributes["height"].flatMap(Double.init))
        let entries = svg.named("text").filter { $0.attributes["class"] == "legend-entry" }
        #expect(entries.count == 34)
        let lowest = try #require(entries.compactMap { $0.attributes["y"].flatMap(Double.init) }.max())
        #expect(lowest < height, "the last legend row (y \(lowest)) is inside the \(height) px chart")
        let few = LineChart(
            title: "few", xAxis: ChartAxis(title: "x", logarithmic: false), yAxis: ChartAxis(title: "y", logarithmic: false),
            series: Array(series.prefix(3)))
        #expect(few.height == LineChart.minimumHeight)
    }
}
