import Foundation
import FrameCrypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RunEnvironment {
    /// The environment of this process, read now: `/proc/cpuinfo`, `/etc/os-release`,
    /// `uname`, the backends' libraries, and git in the current directory. Runs
    /// subprocesses and reads files: call it before measuring, never during.
    package static func current(commandLine: [String] = CommandLine.arguments) -> RunEnvironment {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let (model, flags) = parseCPUInfo(cpuinfo)
        let osRelease = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        let commit = runGit(["rev-parse", "HEAD"])
        let status = commit == nil ? nil : runGit(["status", "--porcelain", "--untracked-files=no"])
        var environment = RunEnvironment(
            cpuModel: model,
            cpuFlags: Dictionary(uniqueKeysWithValues: recordedCPUFlags.map { ($0, flags.contains($0)) }),
            logicalCores: ProcessInfo.processInfo.activeProcessorCount,
            os: operatingSystem(prettyName: osReleaseValue("PRETTY_NAME", in: osRelease)),
            swiftCompiler: swiftCompiler,
            buildConfiguration: buildConfiguration,
            backends: BackendRegistry.all.map(CodePathProbe.probed),
            gitCommit: commit,
            gitDirty: status.map { !$0.isEmpty },
            commandLine: commandLine)
        environment.floorUnavailableReason = FloorReference.unavailableReason
        return environment
    }

    /// The first `model name` and the first `flags` line's flags in `/proc/cpuinfo` text.
    static func parseCPUInfo(_ text: String) -> (model: String?, flags: Set<String>) {
        var model: String?
        var flags: Set<String>?
        for line in text.split(separator: "\n") where model == nil || flags == nil {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            if key == "model name", model == nil { model = value }
            if key == "flags", flags == nil { flags = Set(value.split(separator: " ").map(String.init)) }
        }
        return (model, flags ?? [])
    }

    /// `KEY=value` or `KEY="value"` from os-release text.
    static func osReleaseValue(_ key: String, in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(key + "=") {
            var value = line.dropFirst(key.count + 1)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return String(value)
        }
        return nil
    }

    private static func operatingSystem(prettyName: String?) -> OperatingSystem {
        var names = utsname()
        _ = uname(&names)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        return OperatingSystem(
            name: prettyName, kernel: field(names.sysname), kernelRelease: field(names.release),
            machine: field(names.machine))
    }

    /// git's trimmed standard output, or `nil` when git is missing or fails.
    private static func runGit(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
