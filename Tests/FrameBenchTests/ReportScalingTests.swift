import Foundation
import Testing

@testable import FrameBench

/// The scaling chart: efficiency against threads, from frames records on more than one thread.
@Suite struct ReportScalingTests {
    /// 1-thread frames records as a `--threads 1,2,4` run writes them, plus scaling records for
    /// openssl, sodium and swift-crypto (no C reference) at 1200 B.
    static func document() -> ResultsDocument {
        var records = ReportFixtures.framesDocument().measurements
        for backend in ["openssl", "sodium", "swift-crypto"] {
            for operation in ["seal", "open"] {
                var single = ReportFixtures.framesRecord(backend, operation, 1200, "swift")
                single.threads = 1
                if backend == "swift-crypto" { single.referenceRatio = nil }
                records.append(single)
                for threads in [2, 4] {
                    var record = ReportFixtures.framesRecord(backend, operation, 1200, "swift")
                    record.threads = threads
                    record.referenceRatio = nil
                    let efficiency = efficiency(backend, operation, threads)
                    record.frames = 1_000_000 * threads
                    record.seconds = 1 / efficiency
                    record.framesPerSecond = Double(record.frames) / record.seconds
                    record.extra = [
                        "speedup": efficiency * Double(threads), "efficiency": efficiency,
                        "singleThreadFramesPerSecond": 1_000_000, "singleThreadNsPerFrameP99": 1500,
                    ]
                    records.append(record)
                }
            }
        }
        return ReportFixtures.document(suite: "frames", records)
    }

    static func efficiency(_ backend: String, _ operation: String, _ threads: Int) -> Double {
        (backend == "openssl" ? 0.97 : backend == "sodium" ? 0.99 : 0.8) - (operation == "open" ? 0.01 : 0) - 0.02 * Double(threads)
    }

    static func rendered() -> [String: String] {
        let files = Report.render([ReportInput(name: "scaling.json", document: document())])
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
    }

    @Test func scalingChartIsValidSVGWithOnePointPerThreadCount() throws {
        let files = Self.rendered()
        let text = try #require(files["scaling.svg"], "scaling.svg written")
        let svg = try #require(XMLElements.parse(text), "well-formed")
        let root = try #require(svg.elements.first)
        #expect(root.name == "svg" && root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(svg.texts(class: "axis-title").contains { $0.hasPrefix("threads") })
        #expect(svg.texts(class: "axis-title").contains { $0.hasPrefix("efficiency") })
        let points = svg.named("circle").filter { $0.attributes["class"] == "point" }
        // 3 backends × 2 operations × (the 1-thread reference + 2 and 4 threads).
        #expect(points.count == 3 * 2 * 3)
        for backend in ["openssl", "sodium", "swift-crypto"] {
            for operation in ["seal", "open"] {
                for threads in [1, 2, 4] {
                    let point = ReportChartTests.point(svg, ["backend": backend, "operation": operation, "x": String(threads)])
                    let y = try #require(ReportChartTests.value(point, "y"), "\(backend) \(operation) \(threads) threads")
                    #expect(abs(y - (threads == 1 ? 1 : Self.efficiency(backend, operation, threads))) < 1e-9)
                }
            }
        }
        let legend = svg.texts(class: "legend-entry")
        #expect(legend.contains("swift-crypto open") && legend.contains("linear scaling"))
    }

    @Test func scalingRecordsStayOutOfTheFrameSizeChartsAndTheReportHasTheTable() throws {
        let files = Self.rendered()
        // The throughput chart draws only 1-thread records, one point per series and size:
        // the scaling group's own 1-thread records at 1200 B repeat the sweep's for openssl
        // and sodium (FramesSweep keeps the sweep's), and add swift-crypto's.
        let throughputText = try #require(files["throughput.svg"])
        let throughput = try #require(XMLElements.parse(throughputText))
        let single = Self.document().measurements.filter { $0.suite == "frames" && ($0.threads ?? 1) == 1 }
        let series = Set(single.map { "\($0.backend) \($0.operation!) \($0.implementation) \($0.frameSize!)" })
        #expect(series.count == single.count - 4)
        #expect(throughput.named("circle").filter { $0.attributes["class"] == "point" }.count == series.count)
        // swift-crypto has no C reference: no Swift/C point, and no zero.
        let ratioText = try #require(files["swift-vs-c.svg"])
        let ratio = try #require(XMLElements.parse(ratioText))
        #expect(ReportChartTests.point(ratio, ["backend": "swift-crypto"]) == nil)
        let markdown = try #require(files["report.md"])
        #expect(markdown.contains("Multi-core scaling: efficiency against threads"))
        #expect(markdown.contains("| swift-crypto seal | 4 |"))
    }
}
