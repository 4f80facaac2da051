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

    /// What mounting a 16 KiB tmpfs came to.
    enum MountOutcome: Equatable {
        case mounted
        /// mount(2) refused for want of privilege (`EPERM`: not root, or root without
        /// CAP_SYS_ADMIN, as in an unprivileged container): the test cannot run here.
        case notPermitted(String)
        /// Any other error: a real failure, never a skip.
        case failed(String)

        var skipsTheTest: Bool {
            if case .notPermitted = self { true } else { false }
        }

        init(errno code: Int32) {
            let reason = "mount(2) of a tmpfs failed: \(String(cString: strerror(code))) (errno \(code))"
            self = code == EPERM ? .notPermitted(reason) : .failed(reason)
        }
    }

    /// Mounts a 16 KiB tmpfs at `path` with mount(2) (as on the CI machine, root with
    /// CAP_SYS_ADMIN), so the error is the system's own, not `mount`'s exit status.
    static func mountTinyFileSystem(at path: String) -> MountOutcome {
        mount("tmpfs", path, "tmpfs", 0, "size=16k") == 0 ? .mounted : MountOutcome(errno: errno)
    }

    @Test func onlyARefusalForWantOfPrivilegeSkipsTheFullDiskTest() {
        #expect(MountOutcome(errno: EPERM) == .notPermitted("mount(2) of a tmpfs failed: Operation not permitted (errno \(EPERM))"))
        for code in [ENOENT, ENODEV, ENOTDIR, EACCES, EBUSY, EINVAL] {
            #expect(!MountOutcome(errno: code).skipsTheTest, "errno \(code) would skip the full-disk test instead of failing it")
        }
        // A mount point that does not exist is a failure (as root with CAP_SYS_ADMIN; without
        // the privilege mount(2) refuses before it looks at the path).
        let outcome = Self.mountTinyFileSystem(at: "/nonexistent-\(UUID().uuidString)")
        #expect(outcome != .mounted)
        if case let .failed(reason) = outcome { #expect(reason.contains("No such file or directory"), "\(reason)") }
    }

    @Test(.enabled(if: geteuid() == 0, "mounting a 16 KiB tmpfs to fill needs root"))
    func aFullDiskIsAClearErrorAndLeavesNothingBehind() throws {
        let directory = try makeTemporaryDirectory("full")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        switch Self.mountTinyFileSystem(at: directory) {
        case .mounted: break
        case let .notPermitted(reason):
            try Test.cancel("skipped: mounting a 16 KiB tmpfs to fill needs CAP_SYS_ADMIN, which this root lacks: \(reason)")
        case let .failed(reason):
            Issue.record(Comment(rawValue: reason))
            return
        }
        defer { umount2(directory, 0) }
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
