import Foundation
import Testing

@testable import FrameBench
@testable import FrameCrypto

/// No key or derived secret a run used ever reaches its output: stdout and stderr text,
/// the results JSON and CSV, the report's Markdown, HTML and SVG files. The secrets searched
/// for are the run's own: the frames suite's key, derived from the seed exactly as the suite
/// derives it, and — recorded as they are wiped (debug builds' `SecretAudit`) — every meeting
/// key, sender base key, SFrame secret and key, and identity key the meeting suite made.
@Suite struct SecretLeakTests {
    /// Every regular file under `directory`.
    static func files(under directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var out: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = "\(directory)/\(name)"
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { out.append(path) }
        }
        return out
    }

    /// Secrets worth searching for: not all-zero buffers that were never filled.
    static func searchable(_ secrets: [[UInt8]]) -> [[UInt8]] {
        secrets.filter { $0.count >= 16 && Set($0).count >= 8 }
    }

    @Test func theSearchFindsASecretInEachForm() {
        let secret: [UInt8] = (0..<32).map { UInt8($0 * 7 + 3) }
        let hex = secret.map { String(format: "%02x", $0) }.joined()
        for output in [Data(secret), Data("key=\(hex)".utf8), Data(hex.uppercased().utf8), Data(Data(secret).base64EncodedString().utf8)] {
            #expect(SecretSearch.findings(of: [secret], in: [output]).count >= 1)
        }
        #expect(SecretSearch.findings(of: [secret], in: [Data("nothing here".utf8)]).isEmpty)
    }

    #if DEBUG
    @Test func noSecretOfAnInProcessRunReachesItsOutputs() throws {
        let directory = try makeTemporaryDirectory("secrets")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The run job's own suites, shortened: the keys come from the same code at any length.
        let job = RunJob(quick: true, seed: 0x5EC2E7)
        var frames = job.frames
        frames.frameSizes = [64, 1200]
        frames.length = .seconds(0.02)
        frames.warmupSeconds = 0
        frames.repetitions = 2
        var meeting = job.meetings[0].configuration
        meeting.participants = [5]
        meeting.seconds = 1
        meeting.warmupSeconds = 0.1
        meeting.repetitions = 2

        SecretAudit.start()
        // The control: a meeting key made while recording is recorded when it goes.
        var control: [UInt8] = []
        do {
            let key = MeetingKey.generate(meetingID: .random(), epoch: 1)
            control = key.exposedForTesting()
        }
        var lines: [String] = []
        var records = try FramesSuite.run(frames) { lines.append("frames: \($0)") }
        records += try MeetingSuite.run(meeting) { step in
            lines.append(step.status)
            if let line = step.finished { lines.append("meeting: \(line)") }
        }
        let recorded = SecretAudit.stop()
        #expect(recorded.contains(control), "the audit missed a meeting key")
        let meetingRecord = try #require(records.first { $0.suite == "meeting" })
        #expect((meetingRecord.extra?["rekeys"] ?? 0) >= 1, "the meeting did not rekey")

        // The frames suite's key, as the suite derives it from the seed.
        let secrets = Self.searchable(recorded) + [FramesSuite.inputs(frames).key]
        #expect(secrets.count >= 20, "only \(secrets.count) secrets recorded")

        // Everything `framebench run` would print and write.
        var document = ResultsDocument(
            createdAt: "2026-01-01T00:00:00Z", environment: RunEnvironment.current(),
            configuration: job.runConfiguration(backendNames: ["all"]), measurements: records)
        document.peakRSSBytes = PeakMemory.residentBytes()
        let json = directory + "/run.json"
        try ResultsFile.write(document, to: ResultsFile.prepare(path: json, suite: "run", force: false))
        try Report.write(document: document, resultsPath: json)
        let text = lines + [RunSummary.render(records), FramesReport.table(records), MeetingReport.table(records)]
        var outputs = [Data(text.joined(separator: "\n").utf8)]
        let files = Self.files(under: directory)
        #expect(files.contains { $0.hasSuffix(".svg") } && files.contains { $0.hasSuffix("report.html") })
        for file in files { outputs.append(try Data(contentsOf: URL(fileURLWithPath: file))) }
        let findings = SecretSearch.findings(of: secrets, in: outputs)
        #expect(findings.isEmpty, "\(findings.prefix(5))")
    }
    #endif

    @Test func theFramesKeyNeverReachesTheCLIsOutputs() throws {
        let directory = try makeTemporaryDirectory("secrets-cli")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = FramesSuiteConfiguration()
        configuration.seed = 0x5EC2E8
        let key = FramesSuite.inputs(configuration).key
        let json = directory + "/frames.json"
        let frames = try CLIProcess.run(
            ["frames", "--sizes", "64,1200", "--seconds", "0.02", "--warmup", "0", "--seed", String(configuration.seed), "--output", json],
            in: directory)
        #expect(frames.exited && frames.status == 0, "\(frames.stderr)")
        #expect(try ResultsFile.read(path: json).configuration.seed == configuration.seed)
        let report = try CLIProcess.run(["report", json], in: directory)
        #expect(report.exited && report.status == 0, "\(report.stderr)")
        let outputs = try Self.files(under: directory).map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(outputs.count >= 8)
        #expect(SecretSearch.findings(of: [key], in: outputs).isEmpty)
    }
}
