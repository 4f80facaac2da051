import Foundation
import FrameBench
import Testing

/// Inputs that are not results files, and usage errors: named for what they are, exit 2.
@Suite struct CLIUsageErrorTests {
    static func scratch() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("framebench-usage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aDeviceIsNotARegularFileNotAPermissionProblem() {
        #expect(throws: ResultsFileError.unreadable(path: "/dev/null", reason: "not a regular file (a character device)")) {
            try ResultsFile.read(path: "/dev/null")
        }
        #expect(throws: ResultsFileError.unreadable(path: "/dev/null", reason: "not a regular file (a character device)")) {
            try ReportInput.read(path: "/dev/null")
        }
    }

    @Test func compareOfDevNullSaysItIsNotARegularFile() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try CLIProcess.run(["compare", "/dev/null", "/dev/null"], in: directory, timeout: 60)
        #expect(run.status == 2)
        #expect(run.stderr.contains("/dev/null: not a regular file (a character device)"), "\(run.stderr)")
        #expect(!run.stderr.contains("permission denied"), "\(run.stderr)")
    }

    @Test func compareOfAnEmptyFileSaysItIsEmpty() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #require(FileManager.default.createFile(atPath: "\(directory)/empty.json", contents: Data()))
        let run = try CLIProcess.run(["compare", "empty.json", "empty.json"], in: directory, timeout: 60)
        #expect(run.status == 2)
        #expect(run.stderr.contains("the file is empty"), "\(run.stderr)")
    }

    /// A `validate()` failure exits 2 with its message, as an unknown option and every other
    /// bad input do (ArgumentParser alone would exit 64).
    @Test(arguments: [
        (["vectors", "--count=-1"], "--count must not be negative (got -1)"),
        (["vectors", "--count", "-1"], "--count"),
        (["vectors", "--no-such-option"], "Unknown option '--no-such-option'"),
        (["frames", "--no-such-option"], "Unknown option '--no-such-option'"),
    ])
    func usageErrorsExit2(arguments: [String], message: String) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try CLIProcess.run(arguments, in: directory, timeout: 60)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: framebench"), "the usage follows the error: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func helpStillExits0() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try CLIProcess.run(["vectors", "--help"], in: directory, timeout: 60)
        #expect(run.status == 0)
        #expect(run.stdout.contains("--count"))
    }
}
