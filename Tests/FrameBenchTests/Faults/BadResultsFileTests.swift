import Foundation
import Testing

@testable import FrameBench

/// Reading a corrupt, truncated, wrong-version or incomplete results file: the reader and
/// the CLI's `compare` and `report` name the problem (exit 2) or warn about an incomplete run.
@Suite struct BadResultsFileTests {
    static func validJSON() throws -> Data {
        try ResultsFile.encode(ResultsFileTests.sampleDocument())
    }

    /// Bad files, each with the words its error must contain.
    static func badFiles() throws -> [(name: String, data: Data, expected: [String])] {
        let valid = try validJSON()
        var object = try JSONSerialization.jsonObject(with: valid) as! [String: Any]
        object["schemaVersion"] = 99
        let wrongVersion = try JSONSerialization.data(withJSONObject: object)
        object["schemaVersion"] = 1
        object.removeValue(forKey: "measurements")
        let missing = try JSONSerialization.data(withJSONObject: object)
        return [
            (
                "truncated.json", valid.prefix(valid.count / 2),
                ["truncated.json is not a valid results file: not valid JSON: the file ends", "(truncated?) at line"]
            ),
            (
                "garbage.json", Data("{\"schemaVersion\": 1, oops}".utf8),
                ["not valid JSON: expected a quoted field name in an object at line 1, column 22"]
            ),
            ("wrong-version.json", wrongVersion, ["has schema version 99; this FrameBench reads version 1"]),
            ("missing-field.json", missing, ["missing field 'measurements'"]),
            ("empty.json", Data(), ["not valid JSON: the file is empty"]),
        ]
    }

    @Test func theReaderNamesEachProblem() throws {
        let directory = try makeTemporaryDirectory("bad")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, data, expected) in try Self.badFiles() {
            let path = "\(directory)/\(name)"
            try data.write(to: URL(fileURLWithPath: path))
            do {
                _ = try ResultsFile.read(path: path)
                Issue.record("\(name) was read without an error")
            } catch {
                for words in expected { #expect("\(error)".contains(words), "\(name): \(error)") }
            }
        }
        #expect(throws: ResultsFileError.unreadable(path: "\(directory)/none.json", reason: "no such file")) {
            try ResultsFile.read(path: "\(directory)/none.json")
        }
    }

    @Test func compareAndReportRefuseABadFileNamingTheProblem() throws {
        let directory = try makeTemporaryDirectory("bad-cli")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let good = directory + "/good.json"
        try Self.validJSON().write(to: URL(fileURLWithPath: good))
        for (name, data, expected) in try Self.badFiles() {
            let path = "\(directory)/\(name)"
            try data.write(to: URL(fileURLWithPath: path))
            let compare = try CLIProcess.run(["compare", good, path], in: directory)
            #expect(compare.exited && compare.status == 2, "compare \(name): \(compare.status)")
            let report = try CLIProcess.run(["report", path, "--out", directory + "/report-\(name)"], in: directory)
            #expect(report.exited && report.status == 2, "report \(name): \(report.status)")
            for words in expected {
                #expect(compare.stderr.contains(words), "compare \(name): \(compare.stderr)")
                #expect(report.stderr.contains(words), "report \(name): \(report.stderr)")
            }
        }
    }

    @Test func compareAndReportFlagAnIncompleteFile() throws {
        let directory = try makeTemporaryDirectory("incomplete-cli")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var document = ResultsFileTests.sampleDocument()
        let complete = directory + "/complete.json"
        try ResultsFile.encode(document).write(to: URL(fileURLWithPath: complete))
        document.markIncomplete(interruptedBy: "SIGINT")
        let incomplete = directory + "/incomplete.json"
        try ResultsFile.encode(document).write(to: URL(fileURLWithPath: incomplete))
        // Old readers' view: the same schema version, two optional fields.
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: incomplete))) as! [String: Any]
        #expect(
            object["schemaVersion"] as? Int == 1 && object["complete"] as? Bool == false && object["interruptedBy"] as? String == "SIGINT")
        #expect(try ResultsFile.read(path: complete).isComplete)

        let compare = try CLIProcess.run(["compare", complete, incomplete, "--allow-environment-mismatch"], in: directory)
        #expect(
            compare.stdout.contains("candidate run \(incomplete) is INCOMPLETE (stopped early by SIGINT)"),
            "\(compare.stdout)\(compare.stderr)")
        let report = try CLIProcess.run(["report", incomplete, "--out", directory + "/report"], in: directory)
        #expect(report.exited && report.status == 0, "\(report.stderr)")
        #expect(report.stderr.contains("warning: \(incomplete) is INCOMPLETE (stopped early by SIGINT)"))
        let markdown = try String(contentsOfFile: directory + "/report/report.md", encoding: .utf8)
        #expect(markdown.contains("incomplete.json is INCOMPLETE"))
    }
}
