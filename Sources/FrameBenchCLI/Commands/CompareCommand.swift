import ArgumentParser
import Foundation
import FrameBench

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two sets of results and fail on a significant slowdown beyond a threshold.",
        discussion: """
            BASELINE and CANDIDATE are each a results file or a directory of results files (one \
            file per run; 3 or more runs per side, made side by side, are what the gate is \
            designed for: see scripts/gate-compare.sh). Cases are matched by suite, \
            implementation, backend, operation, frame size or participants, and mode. Each \
            case's change comes with a bootstrap interval on the ratio of medians (runs \
            resampled, then repetitions; seeded, so the same files always give the same \
            answer) and a Mann–Whitney p-value. A Swift case is judged by default on its \
            ratio to the interleaved C reference, which cancels the machine's drift; the C \
            rows are then its controls. A case is a regression when its interval lies wholly \
            above no change and its slowdown exceeds --threshold. Exit status: 0 no \
            regression, 1 regression, 2 bad input (unreadable file, wrong schema, nothing to \
            match, different CPU, build configuration, compiler or library versions).
            """)

    @Argument(help: "The baseline: a results .json file or a directory of them.")
    var baseline: String

    @Argument(help: "The candidate: a results .json file or a directory of them.")
    var candidate: String

    @Option(help: "Smallest slowdown that fails, in percent (default: 3).")
    var threshold: Double?

    @Option(help: "What judges a case: auto (Swift cases vs their C reference, else ns/frame), absolute (ns/frame), relative.")
    var metric: ComparisonMetric = .automatic

    @Option(help: "Chance of a false alarm across all judged cases, in percent (default: 5).")
    var falseAlarm: Double?

    @Option(help: "Bootstrap resamples per case (default: 10000).")
    var resamples: Int?

    @Flag(help: "Compare even when CPU, build or library versions differ (they are listed as notes).")
    var allowEnvironmentMismatch = false

    @Flag(help: "Print the comparison as JSON instead of a table.")
    var json = false

    func validate() throws {
        try OptionRules.percentage(threshold, "--threshold", in: 0..<1000, example: "3")
        try OptionRules.percentage(falseAlarm, "--false-alarm", in: 0..<50, example: "5", excludingZero: true)
        try OptionRules.resamples(resamples)
    }

    func run() throws {
        var options = ComparisonOptions()
        if let threshold { options.threshold = threshold / 100 }
        if let falseAlarm { options.familyErrorRate = falseAlarm / 100 }
        if let resamples { options.resamples = resamples }
        options.metric = metric
        options.allowEnvironmentMismatch = allowEnvironmentMismatch

        let report: ComparisonReport
        do {
            let base = try ResultsComparison.loadSide(baseline)
            let cand = try ResultsComparison.loadSide(candidate)
            report = try ResultsComparison.compare(baseline: base, candidate: cand, options: options)
        } catch {
            throw failure("\(error)")
        }
        if json {
            FileHandle.standardOutput.write(try report.json())
        } else {
            print(report.text)
        }
        if !report.passed { throw ExitCode(CLIExit.failed) }
    }
}
