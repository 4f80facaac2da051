import Foundation
import Testing

/// The typed command-line options: every bad value, conflict or misplaced option is refused
/// before anything is measured, with a message naming the option, the usage, exit 2 and no
/// results file; good values of every shape (lists, `max`, enums) are accepted.
@Suite struct CLITypedOptionTests {
    @Test(arguments: [
        (["frames", "--sizes", "64,x"], "'64,x' is invalid for '--sizes"),
        (["frames", "--sizes", "64,,1200"], "is invalid for '--sizes"),
        (["frames", "--sizes=64,-5"], "frame size -5 is outside"),
        (["frames", "--count", "10", "--seconds", "1"], "--count and --seconds conflict"),
        (["frames", "--operations", "seal,sign"], "'seal,sign' is invalid for '--operations"),
        (["frames", "--threads", "0"], "'0' is invalid for '--threads"),
        (["frames", "--seed", "-1"], "--seed"),
        (["frames", "--backend", "nope"], "unknown backend 'nope'"),
        (["frames", "--json", "--output", "x.json"], "--json and --output conflict"),
        (["overhead", "--receiver-keys", "ten"], "'ten' is invalid for '--receiver-keys"),
        (["overhead", "--count", "5", "--seconds", "0.1"], "--count and --seconds conflict"),
        (["overhead", "--working-set", "l3"], "'l3' is invalid for '--working-set"),
        (["overhead", "--working-set", "hot,"], "is invalid for '--working-set"),
        (["meeting", "--mode", "webinar"], "'webinar' is invalid for '--mode"),
        (["meeting", "--key-sizes", "100"], "--key-sizes applies to the key-count study"),
        (["meeting", "--deadline-ms", "10"], "--deadline-ms applies to paced runs"),
        (["meeting", "--participants", "201"], "201"),
        (["meeting", "--trace", "no-such-trace.csv"], "--trace"),
        (["compare", "a.json", "b.json", "--threshold", "2000"], "--threshold: 2000 is not a percentage"),
        (["compare", "a.json", "b.json", "--false-alarm", "0"], "--false-alarm: 0 is not a percentage"),
        (["compare", "a.json", "b.json", "--metric", "fastest"], "'fastest' is invalid for '--metric"),
        (["report", "a.json", "--resamples", "5"], "--resamples: 5 is not a whole number from 100"),
        (["run", "--backend", "nope"], "unknown backend 'nope'"),
    ])
    func badOptionsExit2BeforeMeasuring(arguments: [String], message: String) throws {
        let directory = try makeTemporaryDirectory("typed-options")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try CLIProcess.run(arguments, in: directory, timeout: 60)
        #expect(run.status == 2, "\(arguments): exit \(run.status): \(run.stderr)")
        #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("Usage: framebench"), "\(arguments): the usage follows the error: \(run.stderr)")
        #expect(run.stdout.isEmpty, "\(arguments): \(run.stdout)")
        let left = try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".std") }
        #expect(left.isEmpty, "\(arguments) left \(left)")
    }

    /// Lists with blanks, repeated operations, `--threads max` and enum values all parse into
    /// the configuration the run records.
    @Test func goodValuesOfEveryShapeAreAccepted() throws {
        let directory = try makeTemporaryDirectory("typed-options-good")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try CLIProcess.run(
            [
                "frames", "--backend", "openssl", "--sizes", "64, 128", "--operations", "open,seal,open", "--count", "200",
                "--warmup", "0", "--batch-size", "10", "--threads", "1", "--seed", "7", "--json",
            ],
            in: directory, timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let configuration = try #require(document?["configuration"] as? [String: Any], "\(run.stdout.prefix(400))")
        #expect(configuration["frameSizes"] as? [Int] == [64, 128])
        #expect(configuration["operations"] as? [String] == ["open", "seal"])
        #expect(configuration["seed"] as? Int == 7)
        #expect(configuration["framesPerCase"] as? Int == 200)
    }
}
