import Foundation
import Testing

@testable import FrameBench

@Suite struct ReportWriteTests {
    static let input = ReportInput(name: "frames.json", document: ReportFixtures.framesDocument())

    @Test func writesEveryFileIntoANewDirectoryAndNothingElse() throws {
        let parent = try ReportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let written = try Report.write([Self.input], to: "\(parent)/out")
        #expect(written.directory == "\(parent)/out")
        let names = try FileManager.default.contentsOfDirectory(atPath: written.directory).sorted()
        #expect(names == ["ns-per-frame.svg", "report.html", "report.md", "swift-vs-c.svg", "throughput.svg"])
        #expect(
            written.charts.map { $0.split(separator: "/").last.map(String.init)! } == [
                "throughput.svg", "ns-per-frame.svg", "swift-vs-c.svg",
            ])
        #expect(try String(contentsOfFile: written.markdown, encoding: .utf8).hasPrefix("# FrameBench report"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    @Test func refusesToOverwriteWithoutForceAndReplacesWithIt() throws {
        let parent = try ReportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let target = "\(parent)/out"
        try Report.write([Self.input], to: target)
        #expect(throws: ReportError.alreadyExists(path: target)) { try Report.write([Self.input], to: target) }
        #expect(throws: ReportError.alreadyExists(path: target)) { try Report.checkDestination(target, force: false) }
        try "stale".write(toFile: "\(target)/old-chart.svg", atomically: true, encoding: .utf8)
        try Report.write([Self.input], to: target, force: true)
        #expect(!FileManager.default.fileExists(atPath: "\(target)/old-chart.svg"))
        #expect(FileManager.default.fileExists(atPath: "\(target)/report.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    @Test func neverReplacesADirectoryThatIsNotAReport() throws {
        let parent = try ReportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try "keep me".write(toFile: "\(parent)/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: ReportError.notAReportDirectory(path: parent)) { try Report.write([Self.input], to: parent, force: true) }
        #expect(try String(contentsOfFile: "\(parent)/notes.txt", encoding: .utf8) == "keep me")
        let file = "\(parent)/notes.txt"
        #expect(throws: ReportError.notAReportDirectory(path: file)) { try Report.write([Self.input], to: file, force: true) }
        #expect(throws: ReportError.noInputs) { try Report.write([], to: "\(parent)/x") }
    }

    @Test func defaultDirectoryIsBesideTheResultsFile() throws {
        #expect(Report.defaultDirectory(forResultsAt: "results/run-20261121T161408Z.json") == "results/run-20261121T161408Z-report")
        #expect(Report.defaultDirectory(forResultsAt: "/tmp/a.b/frames") == "/tmp/a.b/frames-report")
        let parent = try ReportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let written = try Report.write(document: Self.input.document, resultsPath: "\(parent)/run-1.json")
        #expect(written.html == "\(parent)/run-1-report/report.html")
        #expect(try String(contentsOfFile: written.html, encoding: .utf8).contains("run-1.json"))
    }

    @Test func readsResultsFilesAndRefusesBadOnes() throws {
        let parent = try ReportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let path = "\(parent)/frames.json"
        try ResultsFile.encode(Self.input.document).write(to: URL(fileURLWithPath: path))
        let input = try ReportInput.read(path: path)
        #expect(input.name == "frames.json" && input.document == Self.input.document)
        try Data("{".utf8).write(to: URL(fileURLWithPath: "\(parent)/bad.json"))
        #expect(throws: ResultsFileError.self) { try ReportInput.read(path: "\(parent)/bad.json") }
    }
}
