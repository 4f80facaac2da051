import Foundation
import FrameBench
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `overhead` shares the measured-run envelope: Ctrl-C stops it after the current group and
/// saves the groups measured so far, marked incomplete (it used to ignore the signal until
/// every group had run).
@Suite struct OverheadInterruptionTests {
    @Test func aSignalDuringOverheadKeepsTheFinishedGroupsMarkedIncomplete() throws {
        let directory = try makeTemporaryDirectory("interrupt-overhead")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let json = directory + "/overhead.json"
        let run = try CLIProcess(
            [
                "overhead", "--backend", "openssl", "--sizes", "100,1200,4096,16384,65536", "--seconds", "0.5",
                "--no-harness", "--output", json,
            ], in: directory)
        let finished = { run.stderr.split(separator: "\n").filter { $0.hasPrefix("overhead: [") && $0.hasSuffix(" ns") }.count }
        let started = run.wait(until: { finished() >= 1 }, timeout: 180)
        try #require(started, "no overhead group finished: \(run.stderr)")
        run.send(SIGINT)
        try run.wait(timeout: 180)
        #expect(run.exited && run.status == 130, "exit \(run.status): \(run.stderr)")
        let document = try ResultsFile.read(path: json)
        #expect(document.complete == false && document.interruptedBy == "SIGINT")
        let groups = Set(document.measurements.map { "\($0.operation ?? "") \($0.frameSize ?? 0)" })
        #expect(groups.count == finished() && groups.count < 10, "\(groups) against \(finished()) finished lines")
        #expect(run.stderr.contains("INCOMPLETE: stopped by SIGINT"), "\(run.stderr)")
    }
}
