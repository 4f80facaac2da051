import Foundation
import FrameCrypto
import Testing

@testable import FrameBench

@Suite struct ResultsFileTests {
    /// This machine's environment, probed once: the code-path probe times libraries, so two
    /// probes differ in their evidence's figures.
    static let environment = RunEnvironment.current(commandLine: ["framebench", "frames"])

    static func sampleDocument() -> ResultsDocument {
        var record = MeasurementRecord(
            suite: "frames", implementation: "swift", backend: "openssl", frames: 1000, bytes: 64_000,
            seconds: 0.0001, nsPerFrame: PercentileSummary(p50: 99, p90: 110, p99: 150, p999: 300, max: 900, mean: 101),
            samples: [98.5, 99.25, 100], samplesKind: "repetitionMedianNsPerFrame")
        record.operation = "seal"
        record.frameSize = 64
        record.batchSize = 200
        record.batches = 5
        record.referenceRatio = 1.05
        var meeting = MeasurementRecord(
            suite: "meeting", implementation: "swift", backend: "sodium", frames: 10, bytes: 1000, seconds: 1,
            nsPerFrame: PercentileSummary(values: [1, 2, 3]), samples: [], samplesKind: "none")
        meeting.participants = 8
        meeting.mode = "sfu, \"quoted\""
        meeting.realtimeFactor = 120.5
        let environment = Self.environment
        var configuration = FramesSuiteConfiguration().runConfiguration(backendNames: ["openssl"])
        configuration.extra = ["note": "test"]
        return ResultsDocument(
            createdAt: "2026-01-01T00:00:00Z", environment: environment, configuration: configuration,
            measurements: [record, meeting])
    }

    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("framebench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func jsonRoundTripsAndCarriesTheSchema() throws {
        let document = Self.sampleDocument()
        let data = try ResultsFile.encode(document)
        #expect(try ResultsFile.decode(data, path: "x") == document)
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(object["schemaVersion"] as? Int == 1)
        #expect(Set(object.keys) == ["schemaVersion", "createdAt", "environment", "configuration", "measurements"])
        let environment = object["environment"] as! [String: Any]
        for key in ["cpuModel", "cpuFlags", "logicalCores", "os", "swiftCompiler", "buildConfiguration", "backends", "commandLine"] {
            #expect(environment[key] != nil, "environment.\(key)")
        }
        #expect(Set((environment["cpuFlags"] as! [String: Bool]).keys) == Set(RunEnvironment.recordedCPUFlags))
        let measurement = (object["measurements"] as! [[String: Any]])[0]
        for key in [
            "suite", "backend", "operation", "frameSize", "frames", "bytes", "seconds", "framesPerSecond",
            "bytesPerSecond", "nsPerFrame", "samples",
        ] {
            #expect(measurement[key] != nil, "measurement.\(key)")
        }
        #expect(Set((measurement["nsPerFrame"] as! [String: Double]).keys) == ["p50", "p90", "p99", "p999", "max", "mean"])
    }

    @Test func wrongSchemaVersionAndCorruptJSONAreClearErrors() throws {
        var object = try JSONSerialization.jsonObject(with: ResultsFile.encode(Self.sampleDocument())) as! [String: Any]
        object["schemaVersion"] = 2
        let wrong = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: ResultsFileError.unsupportedSchemaVersion(path: "f.json", found: 2, supported: 1)) {
            try ResultsFile.decode(wrong, path: "f.json")
        }
        #expect(throws: ResultsFileError.unsupportedSchemaVersion(path: "f.json", found: nil, supported: 1)) {
            try ResultsFile.decode(Data("{}".utf8), path: "f.json")
        }
        #expect {
            try ResultsFile.decode(Data("{\"schemaVersion\": 1, \"createdAt\": ".utf8), path: "f.json")
        } throws: { error in
            if case .corrupt(path: "f.json", _) = error as? ResultsFileError { true } else { false }
        }
        #expect {
            try ResultsFile.decode(Data("{\"schemaVersion\": 1}".utf8), path: "f.json")
        } throws: { error in
            if case let .corrupt(_, reason) = error as? ResultsFileError { reason.contains("missing field") } else { false }
        }
    }

    /// Foundation's decoder traps (SIGILL) on exactly 513 unclosed `[`, the crash
    /// FuzzResultsReader found: deep nesting is refused before the decoder sees it, with the
    /// place; within the limit nothing changes (512 unclosed `[` are still named a truncated
    /// document), and brackets inside strings do not count.
    @Test func nestingBeyond512IsRefusedBeforeTheDecoderSeesIt() throws {
        for (count, closed) in [(513, false), (513, true), (600, false), (4096, false)] {
            let text = String(repeating: "[", count: count) + (closed ? String(repeating: "]", count: count) : "")
            #expect(
                throws: ResultsFileError.corrupt(
                    path: "deep.json", reason: "not valid JSON: nesting deeper than 512 levels at line 1, column 513")
            ) {
                try ResultsFile.decode(Data(text.utf8), path: "deep.json")
            }
        }
        // Objects count as well: the second input the fuzzer found nests 14 objects and
        // 499 arrays, with whitespace between.
        let mixed = String(repeating: "{\"a\":\t", count: 14) + String(repeating: "[ ", count: 499)
        #expect(
            throws: ResultsFileError.corrupt(
                path: "deep.json", reason: "not valid JSON: nesting deeper than 512 levels at line 1, column 1081")
        ) {
            try ResultsFile.decode(Data(mixed.utf8), path: "deep.json")
        }
        // Brackets inside strings, escaped quotes included, are not nesting.
        let quoted = "{\"schemaVersion\": 1, \"x\": \"" + String(repeating: "[\\\"", count: 600) + "\"}"
        #expect(JSONSyntaxError.nestingTooDeep(in: Array(quoted.utf8)) == nil)
        #expect {
            try ResultsFile.decode(Data(String(repeating: "[", count: 512).utf8), path: "deep.json")
        } throws: { error in
            if case let .corrupt(_, reason) = error as? ResultsFileError { reason.contains("truncated") } else { false }
        }
    }

    @Test func writesAtomicallyAndRefusesToOverwriteWithoutForce() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/run.json"
        let destination = try ResultsFile.prepare(path: path, suite: "frames", force: false)
        #expect(destination.csvPath == directory + "/run.csv")
        try ResultsFile.write(Self.sampleDocument(), to: destination)
        #expect(try ResultsFile.read(path: path) == Self.sampleDocument())
        // Only the two files: no temporary left behind.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory)) == ["run.json", "run.csv"])

        #expect(throws: ResultsFileError.alreadyExists(path: path)) {
            try ResultsFile.prepare(path: path, suite: "frames", force: false)
        }
        // Even when the file appears between prepare and write, it is not replaced.
        #expect(throws: ResultsFileError.self) { try ResultsFile.write(Self.sampleDocument(), to: destination) }
        let forced = try ResultsFile.prepare(path: path, suite: "frames", force: true)
        var changed = Self.sampleDocument()
        changed.createdAt = "2027-01-01T00:00:00Z"
        try ResultsFile.write(changed, to: forced)
        #expect(try ResultsFile.read(path: path).createdAt == "2027-01-01T00:00:00Z")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory)) == ["run.json", "run.csv"])
    }

    @Test func unwritablePathIsAnErrorBeforeAnythingIsWritten() throws {
        #expect {
            try ResultsFile.prepare(path: "/nonexistent-dir/run.json", suite: "frames", force: false)
        } throws: { error in
            if case .notWritable = error as? ResultsFileError { true } else { false }
        }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: ResultsFileError.notWritable(path: directory, reason: "it is a directory")) {
            try ResultsFile.prepare(path: directory, suite: "frames", force: true)
        }
    }

    @Test func csvHasOneRowPerMeasurementWithTheDocumentedColumns() {
        let csv = ResultsCSV.render(Self.sampleDocument().measurements)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[0] == ResultsCSV.columns.joined(separator: ","))
        #expect(ResultsCSV.columns.prefix(5) == ["suite", "implementation", "backend", "operation", "frameSize"])
        let first = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(first.count == ResultsCSV.columns.count)
        let column = { (name: String) in first[ResultsCSV.columns.firstIndex(of: name)!] }
        #expect(column("backend") == "openssl" && column("frameSize") == "64" && column("nsPerFrameP50") == "99.0")
        #expect(column("participants") == "" && column("referenceRatio") == "1.05")
        #expect(lines[2].contains("\"sfu, \"\"quoted\"\"\""))
    }

    @Test func csvPathReplacesTheExtension() {
        #expect(ResultsFile.csvPath(for: "a/b.json") == "a/b.csv")
        #expect(ResultsFile.csvPath(for: "b") == "b.csv")
        #expect(ResultsFile.csvPath(for: "dir.v2/out") == "dir.v2/out.csv")
        #expect(ResultsFile.csvPath(for: "/r/.hidden") == "/r/.hidden.csv")
    }
}
