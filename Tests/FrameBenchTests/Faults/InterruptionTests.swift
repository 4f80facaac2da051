import Foundation
import Testing

@testable import FrameBench

#if canImport(Glibc)
import Glibc
import FrameVectors
#endif

/// Ctrl-C, SIGTERM and SIGKILL against the real `framebench` process: a stopped run leaves a
/// valid results file marked incomplete with every case finished before the signal, a
/// second signal quits at once without leaving a partial file, and a killed run leaves the
/// destination absent or complete — never truncated.
@Suite struct InterruptionTests {
    /// Lines the progress display logs for finished steps (`frames: [1/6] …`, `meeting: N=…`).
    static func finishedLines(_ stderr: String, prefix: String) -> Int {
        stderr.split(separator: "\n").filter { $0.hasPrefix(prefix) }.count
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalDuringRunLeavesTheCasesSoFarMarkedIncomplete(_ signal: Int32) throws {
        let directory = try makeTemporaryDirectory("interrupt")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let json = directory + "/run.json"
        let run = try CLIProcess(["run", "--quick", "--seed", "31", "--output", json, "--no-report"], in: directory)
        let started = run.wait(until: { Self.finishedLines(run.stderr, prefix: "frames: [") >= 1 }, timeout: 180)
        try #require(started, "no frames group finished: \(run.stderr)")
        run.send(signal)
        try run.wait(timeout: 180)

        let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
        #expect(run.exited && run.status == 128 + signal, "exit \(run.status): \(run.stderr)")
        let document = try ResultsFile.read(path: json)
        #expect(document.complete == false && document.interruptedBy == name)
        #expect(!document.isComplete)
        // Exactly the steps reported finished are in the file.
        let groups = Set(document.measurements.filter { $0.suite == "frames" }.map { "\($0.operation ?? "") \($0.frameSize ?? 0)" })
        #expect(groups.count == Self.finishedLines(run.stderr, prefix: "frames: ["))
        let meetingCases = Set(
            document.measurements.filter { $0.suite == "meeting" }.map {
                "\($0.participants ?? 0) \($0.mode ?? "") \($0.paced ?? false)"
            })
        #expect(meetingCases.count <= Self.finishedLines(run.stderr, prefix: "meeting: "))
        #expect(groups.count >= 1 && document.measurements.count >= 2)
        let csv = try String(contentsOfFile: ResultsFile.csvPath(for: json), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == document.measurements.count + 1)
        #expect(run.stdout.contains("incomplete, stopped by \(name)") && run.stdout.contains(json))
        // The results, nothing else: no temporary file left.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".std") }
        #expect(Set(names) == ["run.json", "run.csv"])
        // Nor does the interrupted run's output hold its key (derived from the seed as the
        // frames suite derives it).
        var frames = RunJob(quick: true, seed: 31).frames
        frames.seed = 31
        let key = FramesSuite.inputs(frames).key
        let outputs = try [json, ResultsFile.csvPath(for: json), run.stdoutPath, run.stderrPath].map {
            try Data(contentsOf: URL(fileURLWithPath: $0))
        }
        #expect(SecretSearch.findings(of: [key], in: outputs).isEmpty)
    }

    @Test func aSignalDuringMeetingStopsAfterTheCurrentCase() throws {
        let directory = try makeTemporaryDirectory("interrupt-meeting")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let json = directory + "/meeting.json"
        let run = try CLIProcess(
            [
                "meeting", "--participants", "8,16,24,32,40,48", "--mode", "meeting", "--seconds", "2", "--repetitions", "4",
                "--output", json,
            ], in: directory)
        let started = run.wait(until: { Self.finishedLines(run.stderr, prefix: "meeting: ") >= 1 }, timeout: 180)
        try #require(started, "no meeting case finished: \(run.stderr)")
        run.send(SIGINT)
        try run.wait(timeout: 180)
        #expect(run.exited && run.status == 130, "exit \(run.status): \(run.stderr)")
        let document = try ResultsFile.read(path: json)
        #expect(document.complete == false && document.interruptedBy == "SIGINT")
        let cases = Set(document.measurements.map { $0.participants ?? 0 })
        #expect(cases.count == Self.finishedLines(run.stderr, prefix: "meeting: ") && cases.count < 6)
    }

    @Test func aSecondSignalQuitsAtOnceWithoutAPartialFile() throws {
        let directory = try makeTemporaryDirectory("interrupt-twice")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let json = directory + "/run.json"
        let run = try CLIProcess(["run", "--quick", "--output", json, "--no-report"], in: directory)
        let started = run.wait(until: { Self.finishedLines(run.stderr, prefix: "frames: [") >= 1 }, timeout: 180)
        try #require(started, "no frames group finished: \(run.stderr)")
        run.send(SIGINT)
        usleep(1_000)
        run.send(SIGINT)
        try run.wait(timeout: 60)
        #expect(run.exited && run.status == 130)
        // Either nothing (the usual case: the second signal came before the write) or a
        // whole file; never a temporary one left behind.
        if FileManager.default.fileExists(atPath: json) {
            #expect(try ResultsFile.read(path: json).complete == false)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".std") }
        #expect(names.allSatisfy { !$0.hasSuffix(".tmp") }, "left behind: \(names)")
    }

    /// The arguments of the random-moment runs; the control below runs them to the end.
    static let shortFramesRun = ["frames", "--sizes", "64,1200", "--operations", "seal", "--seconds", "0.05", "--warmup", "0"]

    @Test func theShortFramesRunCompletesWithoutASignal() throws {
        let directory = try makeTemporaryDirectory("unsignalled")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let json = directory + "/frames.json"
        let run = try CLIProcess.run(Self.shortFramesRun + ["--output", json], in: directory, timeout: 120)
        #expect(run.exited && run.status == 0, "exit \(run.status): \(run.stderr)")
        #expect(try ResultsFile.read(path: json).isComplete)
    }

    @Test func killedAtRandomMomentsTheDestinationIsAbsentOrWhole() throws {
        var random = SeededRandom(seed: 0xC0FFEE)
        var interrupted = 0
        for round in 0..<6 {
            let directory = try makeTemporaryDirectory("kill")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let json = directory + "/frames.json"
            let signal = [SIGKILL, SIGINT, SIGTERM][round % 3]
            let delay = Double(random.next() % 1500) / 1000
            let run = try CLIProcess(Self.shortFramesRun + ["--output", json], in: directory)
            // The moment is random from when the CLI is ready to handle a signal: one sent
            // before it installs its handlers would kill it without a trace of the handling.
            // A CLI that fails at start-up never gets there.
            let ready = run.waitForSignalHandlers(timeout: 60)
            if !ready { try run.wait(timeout: 60) }
            try #require(ready, "round \(round): framebench ended before installing its signal handlers: exit \(run.status): \(run.stderr)")
            usleep(UInt32(delay * 1_000_000))
            run.send(signal)
            try run.wait(timeout: 120)
            let detail: Comment =
                "round \(round): signal \(signal) after \(delay) s, exit \(run.status) (\(run.exited ? "exited" : "killed")): \(run.stderr)"
            // The exit status: killed by SIGKILL, 130/143 after a handled SIGINT/SIGTERM, or
            // 0 when the run had finished before the signal came; never anything else.
            let finishedFirst = run.exited && run.status == 0
            let handled = signal == SIGKILL ? !run.exited && run.status == SIGKILL : run.exited && run.status == 128 + signal
            #expect(finishedFirst || handled, detail)
            if handled { interrupted += 1 }
            if finishedFirst || (handled && signal != SIGKILL) {
                // A handled signal writes what was finished (docs/robustness.md); a finished run, everything.
                #expect(FileManager.default.fileExists(atPath: json), detail)
            }
            if FileManager.default.fileExists(atPath: json) {
                // Whole and valid: complete, or marked incomplete by a handled signal.
                let document = try ResultsFile.read(path: json)
                #expect(document.isComplete || signal != SIGKILL, detail)
                #expect(document.isComplete || !finishedFirst, detail)
            }
            if FileManager.default.fileExists(atPath: ResultsFile.csvPath(for: json)) {
                let csv = try String(contentsOfFile: ResultsFile.csvPath(for: json), encoding: .utf8)
                #expect(csv.hasPrefix(ResultsCSV.columns.joined(separator: ",")) && csv.hasSuffix("\n"), detail)
            }
            if signal != SIGKILL {
                // Handled signals remove their temporary files; SIGKILL cannot.
                let names = try FileManager.default.contentsOfDirectory(atPath: directory)
                #expect(names.allSatisfy { !$0.hasSuffix(".tmp") }, detail)
            }
        }
        // At least the early moments land inside the run: the test interrupts something.
        #expect(interrupted >= 1, "every round finished before its signal")
    }
}
