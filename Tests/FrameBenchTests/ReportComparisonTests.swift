import Foundation
import Testing

@testable import FrameBench

@Suite struct ReportComparisonTests {
    static var options: ReportOptions {
        var options = ReportOptions()
        options.comparison.resamples = 2000
        return options
    }

    /// Baseline: the frames fixture. Candidate: openssl seal 1200 B through Swift 10 % slower,
    /// sodium open 64 B through Swift 1 % slower, everything else the same.
    static func files() -> [String: String] {
        let baseline = ReportFixtures.framesDocument()
        let candidate = ReportFixtures.framesDocument { r in
            guard r.implementation == "swift" else { return 1 }
            if r.backend == "openssl", r.operation == "seal", r.frameSize == 1200 { return 1.10 }
            if r.backend == "sodium", r.operation == "open", r.frameSize == 64 { return 1.01 }
            return 1
        }
        let files = Report.render(
            [ReportInput(name: "base.json", document: baseline), ReportInput(name: "cand.json", document: candidate)],
            options: options)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
    }

    /// A Bonferroni level of 0.99966 must not be printed as a "100 %" interval.
    @Test func intervalLevelsNeverRoundUpTo100Percent() {
        #expect(ReportFormat.confidencePercent(0.95) == "95")
        #expect(ReportFormat.confidencePercent(0.999) == "99.9")
        #expect(ReportFormat.confidencePercent(0.99966) == "99.97")
        #expect(ReportFormat.confidencePercent(0.999_996) == "99.9996")
    }

    @Test func aTenPercentRegressionIsRedAndAOnePercentChangeIsNot() throws {
        let files = Self.files()
        let text = try #require(files["compare-run2-vs-run1.svg"])
        let svg = try #require(XMLElements.parse(text))
        let points = svg.named("circle").filter { $0.attributes["class"] == "point" }
        #expect(points.count == ReportFixtures.framesDocument().measurements.count)
        let regressed = try #require(points.first { $0.attributes["data-label"] == "frames openssl seal 1200 B" })
        #expect(regressed.attributes["data-verdict"] == "regression")
        #expect(regressed.attributes["fill"] == ReportPalette.regression)
        let ratio = try #require(regressed.attributes["data-ratio"].flatMap(Double.init))
        #expect(abs(ratio - 1.10) < 1e-9)
        let low = try #require(regressed.attributes["data-low"].flatMap(Double.init))
        #expect(low > 1.05)
        let small = try #require(points.first { $0.attributes["data-label"] == "frames sodium open 64 B" })
        #expect(small.attributes["data-verdict"] != "regression")
        #expect(small.attributes["fill"] != ReportPalette.regression)
        #expect(points.filter { $0.attributes["data-verdict"] == "regression" }.count == 1)
        #expect(points.filter { $0.attributes["fill"] == ReportPalette.regression }.count == 1)
        #expect(svg.texts(class: "legend-entry").contains { $0.hasPrefix("regression (> 5% slower") })
        #expect(svg.texts(class: "axis-title").contains { $0.hasPrefix("candidate / baseline") })
    }

    @Test func pagesNameTheRegressionInTheTableAndSummary() throws {
        let files = Self.files()
        let markdown = try #require(files["report.md"]), html = try #require(files["report.html"])
        #expect(markdown.contains("**1 regression**"))
        #expect(html.contains("<strong>1 regression</strong>"))
        #expect(markdown.contains("Largest regression: frames openssl seal 1200 B, +10.0%"))
        #expect(markdown.contains("| **frames openssl seal 1200 B** | **ns/frame** |"))
        #expect(html.contains("<tr class=\"regression\"><td>frames openssl seal 1200 B</td>"))
        #expect(!html.contains("<tr class=\"regression\"><td>frames sodium open 64 B</td>"))
        // Both runs keep their own charts.
        #expect(files["run1-throughput.svg"] != nil && files["run2-throughput.svg"] != nil)
    }

    @Test func identicalRunsShowNoRegression() throws {
        let document = ReportFixtures.framesDocument()
        let files = Report.render(
            [ReportInput(name: "a.json", document: document), ReportInput(name: "b.json", document: document)],
            options: Self.options)
        let text = try #require(files.first { $0.name == "compare-run2-vs-run1.svg" }).contents
        let svg = try #require(XMLElements.parse(text))
        #expect(!svg.named("circle").contains { $0.attributes["data-verdict"] == "regression" })
        #expect(files[0].contents.contains("**0 regressions**"))
    }

    @Test func runsWithNothingInCommonSayWhy() {
        let files = Report.render(
            [
                ReportInput(name: "f.json", document: ReportFixtures.framesDocument()),
                ReportInput(name: "m.json", document: ReportFixtures.meetingDocument()),
            ], options: Self.options)
        #expect(!files.contains { $0.name.hasPrefix("compare-") })
        #expect(files[0].contents.contains("not compared:"))
    }
}
