import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `framebench` executable, which `swift build` and `swift test` put beside
/// the test bundle, with its output captured in files.
struct CLIProcess {
    /// The `framebench` executable next to this test bundle.
    static func executable() throws -> String {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        // On macOS the bundle's executable sits inside .xctest/Contents/MacOS.
        while !directory.path.isEmpty, directory.path != "/" {
            let candidate = directory.appendingPathComponent("framebench").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw CLIProcessError(description: "no framebench executable beside the test bundle \(bundle.path); build it first (swift build)")
    }

    let process = Process()
    let stdoutPath: String
    let stderrPath: String

    /// Starts `framebench arguments…` in `directory`, output to files there.
    init(_ arguments: [String], in directory: String) throws {
        let name = UUID().uuidString.prefix(8)
        stdoutPath = "\(directory)/.stdout-\(name)"
        stderrPath = "\(directory)/.stderr-\(name)"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: try Self.executable())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Runs `framebench arguments…` to the end.
    static func run(_ arguments: [String], in directory: String, timeout: Double = 300) throws -> CLIProcess {
        let run = try CLIProcess(arguments, in: directory)
        try run.wait(timeout: timeout)
        return run
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits until `condition` holds (checked every 20 ms) or the process ends; `false` on
    /// timeout or when it ended first.
    func wait(until condition: () -> Bool, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            if !process.isRunning { return condition() }
            usleep(20_000)
        }
        return false
    }

    /// The signals the process catches, from `SigCgt` in `/proc/PID/status`; nil once it
    /// has ended.
    var caughtSignals: UInt64? {
        guard process.isRunning,
            let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") })
        else { return nil }
        return UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
    }

    /// Waits until the process has installed its SIGINT and SIGTERM handlers; `false` when
    /// it ended first (a CLI that fails at start-up never does) or after `timeout` seconds.
    func waitForSignalHandlers(timeout: Double) -> Bool {
        let wanted: UInt64 = 1 << UInt64(SIGINT - 1) | 1 << UInt64(SIGTERM - 1)
        return wait(until: { (caughtSignals ?? 0) & wanted == wanted }, timeout: timeout) && process.isRunning
    }

    /// Waits for the process to end; kills it and throws after `timeout` seconds.
    func wait(timeout: Double) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw CLIProcessError(description: "framebench \(process.arguments ?? []) did not end within \(timeout) s")
            }
            usleep(20_000)
        }
        process.waitUntilExit()
    }

    /// The exit status, or the number of the signal that killed it.
    var status: Int32 { process.terminationStatus }
    /// Whether it exited (rather than was killed by a signal).
    var exited: Bool { process.terminationReason == .exit }
}

struct CLIProcessError: Error, CustomStringConvertible {
    var description: String
}

/// A fresh directory under the system's temporary directory.
func makeTemporaryDirectory(_ label: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("framebench-\(label)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
