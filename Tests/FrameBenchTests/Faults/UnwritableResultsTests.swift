import Foundation
import Testing
@testable import FrameBench

#if canImport(Glibc)
import Glibc
#endif

/// Results that cannot be written: a directory that refuses files even to root, a path
/// under a regular file, and a full disk. Each is an error naming the path and the
/// system's reason, and nothing partial is left behind.
@Suite struct UnwritableResultsTests {
    /// `/proc/self` exists and is a directory, yet refuses new files even to root (chmod
    /// would not stop root, which the tests run as).
    static let refusingDirectory = "/proc/self"

    @Test func aDirectoryThatRefusesFilesIsAClearErrorBeforeMeasuring() throws {
        let path = Self.refusingDirectory + "/results.json"
        do {
            _ = try ResultsFile.prepare(path: path, suite: "frames", force: false)
            Issue.record("\(path) was accepted")
        } catch {
            guard case let .notWritable(errorPath, reason) = error else { Issue.record("\(error)"); return }
            #expect(errorPath == path && !reason.isEmpty)
            #expect("\(error)".hasPrefix("cannot write results to \(path): "), "\(error)")
        }
        // The CLI says so and exits 2 before measuring anything.
        let directory = try makeTemporaryDirectory("unwritable")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try CLIProcess.run(["frames", "--sizes", "64", "--seconds", "0.01", "--output", path], in: directory)
        #expect(run.exited && run.status == 2)
        #expect(run.stderr.contains("error: cannot write results to \(path): "), "\(run.stderr)")
        #expect(!run.stderr.contains("frames: ["))
    }

    @Test func aPathUnderARegularFileIsAClearError() throws {
        let directory = try makeTemporaryDirectory("under-file")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/plain"
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        #expect {
            try ResultsFile.prepare(path: file + "/results.json", suite: "frames", force: false)
        } throws: { error in
            "\(error)" == "cannot write results to \(file)/results.json: directory \(file) does not exist"
        }
    }

    /// Mounts a 16 KiB tmpfs at `path` (needs root with CAP_SYS_ADMIN, as on the CI
    /// machine); `false` when that is not allowed.
    static func mountTinyFileSystem(at path: String) -> Bool {
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=16k", "tmpfs", path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { return false }
        mount.waitUntilExit()
        return mount.terminationStatus == 0
    }

    @Test(.enabled(if: geteuid() == 0, "mounting a 16 KiB tmpfs to fill needs root"))
    func aFullDiskIsAClearErrorAndLeavesNothingBehind() throws {
        let directory = try makeTemporaryDirectory("full")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #require(Self.mountTinyFileSystem(at: directory), "mount -t tmpfs failed")
        defer { _ = try? Process.run(URL(fileURLWithPath: "/bin/umount"), arguments: [directory]).waitUntilExit() }
        var document = ResultsFileTests.sampleDocument()
        // Far more than 16 KiB of JSON.
        document.measurements[0].samples = (0..<20_000).map { Double($0) + 0.123456 }
        let path = directory + "/results.json"
        let destination = try ResultsFile.prepare(path: path, suite: "frames", force: false)
        do {
            try ResultsFile.write(document, to: destination)
            Issue.record("the write into a 16 KiB file system succeeded")
        } catch {
            #expect("\(error)" == "cannot write results to \(path): No space left on device", "\(error)")
        }
        // Neither the results nor a temporary file: the CSV written first was removed too.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [])
    }
}
