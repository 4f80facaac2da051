import Foundation
import FrameCrypto
import Testing

@testable import FrameBench

/// `framebench report` on runs from two machines: a machine comparison with the differences
/// named, never regressions; row labels that tell every case apart; a 2-thread meeting as a
/// series of its own.
@Suite struct ReportMachineComparisonTests {
    static var options: ReportOptions {
        var options = ReportOptions()
        options.comparison.resamples = 2000
        return options
    }

    /// The frames fixture, and the same measured on another CPU (with VAES) and OpenSSL:
    /// openssl through Swift 10 % slower against its C reference, sodium 10 % faster.
    static func files() -> [String: String] {
        let baseline = ReportFixtures.framesDocument()
        var candidate = ReportFixtures.framesDocument { r in
            guard r.implementation == "swift" else { return 1 }
            return r.backend == "openssl" ? 1.10 : 0.90
        }
        candidate.environment.cpuModel = "AMD EPYC 7B12"
        candidate.environment.cpuFlags["vaes"] = true
        candidate.environment.backends[0] = BackendInfo(
            name: "openssl", library: "OpenSSL libcrypto", version: "3.0.19", summary: "", availability: .available)
        let files = Report.render(
            [ReportInput(name: "xeon.json", document: baseline), ReportInput(name: "epyc.json", document: candidate)],
            options: options)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
    }

    @Test func runsFromTwoMachinesAreAMachineComparisonWithTheDifferencesNamed() throws {
        let files = Self.files()
        let markdown = try #require(files["report.md"]), html = try #require(files["report.html"])
        #expect(markdown.contains("## Machine comparison: run 2 against run 1"))
        #expect(markdown.contains("CPU: Test CPU @ 3.0GHz (run 1) vs AMD EPYC 7B12 (run 2)"))
        #expect(markdown.contains("CPU flags: vaes only on run 2"))
        #expect(markdown.contains("openssl library: OpenSSL libcrypto 3.0.99 (run 1) vs OpenSSL libcrypto 3.0.19 (run 2)"))
        #expect(!markdown.contains("sodium library:"), "libsodium's version is the same on both")
        #expect(markdown.contains("not regressions"))
        // Nothing is called a regression, in the summary, the table or the chart.
        #expect(!markdown.contains(" regression**") && !markdown.contains("Largest regression"))
        #expect(!html.contains("<tr class=\"regression\">") && !html.contains("<tr class=\"improvement\">"))
        #expect(markdown.contains("| frames openssl seal 1200 B | ns/frame | 400 | 440 | 1.100 |"))
        #expect(markdown.contains("| slower on the candidate's machine |") && markdown.contains("| faster on the candidate's machine |"))
        #expect(!markdown.contains("allowed mismatch"), "the differences are named once, not as overridden refusals")

        let chart = try #require(files["compare-run2-vs-run1.svg"])
        let svg = try #require(XMLElements.parse(chart))
        let points = svg.named("circle").filter { $0.attributes["class"] == "point" }
        #expect(!points.isEmpty)
        #expect(
            !points.contains { $0.attributes["fill"] == ReportPalette.regression || $0.attributes["fill"] == ReportPalette.improvement })
        #expect(!points.contains { $0.attributes["data-verdict"] == "regression" })
        #expect(
            points.contains {
                $0.attributes["data-verdict"] == "machine-regression" && $0.attributes["fill"] == ComparisonFigure.machineSlower
            })
        #expect(!svg.texts(class: "legend-entry").contains { $0.hasPrefix("regression") })
        #expect(svg.texts(class: "legend-entry").contains { $0.hasPrefix("slower on the candidate's machine") })
    }

    @Test func runsFromOneMachineStayARegressionComparison() throws {
        let document = ReportFixtures.framesDocument()
        let input = ReportInput(name: "a.json", document: document)
        let comparison = ReportComparison(baseline: input, candidate: input, options: Self.options)
        #expect(!comparison.isMachineComparison)
        #expect(comparison.summary().contains("**0 regressions**"))
        var other = document
        other.environment.logicalCores = 4
        let notes = ReportComparison(baseline: input, candidate: ReportInput(name: "b.json", document: other), options: Self.options)
        #expect(!notes.isMachineComparison, "a core count alone is noted, as compare notes it")
        #expect(notes.machines.other == ["logical cores: 2 (run 1) vs 4 (run 2)"])
    }

    /// Every case of the committed reference run (frames with threads, overhead layers, key
    /// counts, paced and unpaced meetings on 1 and 2 threads) gets a label of its own.
    @Test func everyRowLabelOfAReferenceRunIsDistinct() throws {
        let results = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("results")
        // results/<machine class>/run-<UTC time>.json (results/README.md)
        let runs = try FileManager.default.subpathsOfDirectory(atPath: results.path)
            .filter { $0.split(separator: "/").last.map { $0.hasPrefix("run-") && $0.hasSuffix(".json") } ?? false }
        #expect(!runs.isEmpty)
        for run in runs {
            let document = try ResultsFile.read(path: results.appendingPathComponent(run).path)
            let keys = Set(document.measurements.map(CaseKey.init))
            let labels = Set(keys.map { ReportComparison.label($0) })
            #expect(labels.count == keys.count, "\(run): \(keys.count) cases, \(labels.count) labels")
            #expect(keys.contains { $0.threads == 2 } && keys.contains { $0.paced == true } && keys.contains { $0.layer != nil })
        }
        var twoThreads = CaseKey(ReportFixtures.framesRecord("openssl", "open", 1200, "swift"))
        #expect(ReportComparison.label(twoThreads) == "frames openssl open 1200 B")
        twoThreads.threads = 2
        #expect(ReportComparison.label(twoThreads) == "frames openssl open 1200 B · 2 threads")
    }

    /// The 200-participant meeting on 2 threads is a series of its own (square marker, named
    /// in the legend), not a second point of the 1-thread line at the same participant count.
    @Test func aTwoThreadMeetingIsItsOwnSeriesInTheRealTimeChart() throws {
        var document = ReportFixtures.meetingDocument()
        var twoThreads = ReportFixtures.meetingRecord("openssl", "meeting", 200)
        twoThreads.threads = 2
        twoThreads.realtimeFactor = twoThreads.realtimeFactor.map { $0 * 1.7 }
        document.measurements.append(twoThreads)
        let files = Report.render([ReportInput(name: "m.json", document: document)])
        let chart = try #require(files.first { $0.name == "meeting-realtime.svg" })
        let svg = try #require(XMLElements.parse(chart.contents))
        let points = svg.elements.filter { $0.attributes["class"] == "point" }
        var seen: [String: Set<String>] = [:]
        for point in points {
            let series = point.attributes["data-series"] ?? "", x = point.attributes["data-x"] ?? ""
            #expect(seen[series, default: []].insert(x).inserted, "\(series) has two points at x = \(x)")
        }
        let square = try #require(points.first { $0.attributes["data-series"] == "openssl meeting · 2 threads" })
        #expect(square.name == "rect" && square.attributes["data-threads"] == "2")
        #expect(svg.texts(class: "legend-entry").contains("openssl meeting · 2 threads"))
    }
}
