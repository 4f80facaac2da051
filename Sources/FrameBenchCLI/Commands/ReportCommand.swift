import ArgumentParser
import Foundation
import FrameBench

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Turn results files into charts (SVG), a Markdown report and a self-contained HTML page.",
        discussion: """
            Charts: throughput and ns per frame against frame size, the Swift/C ratio, the \
            per-layer overhead (when measured), real-time factor and latency against \
            participants; each with the table of its numbers. With two or more files, each \
            later file is compared against the first (the statistics of `framebench compare`) \
            in a dot-and-whisker chart with regressions in red. The report directory (default: \
            beside the first file, named after it with -report) appears all at once; an \
            existing one is replaced only with --force. Exits 2 on bad input. See docs/report.md.
            """)

    @Argument(help: "Results files (.json); the first is the baseline of any comparison.")
    var results: [String]

    @Option(help: "The report directory (default: <first results file without .json>-report).")
    var out: String?

    @Flag(help: "Replace an existing report directory.")
    var force = false

    @Option(help: "Smallest change called a regression or improvement, in percent (default: 5).")
    var threshold: Double?

    @Option(help: "Bootstrap resamples per compared case (default: 10000).")
    var resamples: Int?

    func validate() throws {
        if results.isEmpty { throw ValidationError("give at least one results file") }
        try OptionRules.percentage(threshold, "--threshold", in: 0..<1000, example: "5")
        try OptionRules.resamples(resamples)
    }

    func run() throws {
        guard let first = results.first else { throw failure("give at least one results file") }
        var options = ReportOptions()
        if let threshold { options.comparison.threshold = threshold / 100 }
        if let resamples { options.comparison.resamples = resamples }
        let directory = out ?? Report.defaultDirectory(forResultsAt: first)
        var inputs: [ReportInput] = []
        do {
            try Report.checkDestination(directory, force: force)
            for path in results { inputs.append(try ReportInput.read(path: path)) }
        } catch {
            throw failure("\(error)")
        }
        for (path, input) in zip(results, inputs) where !input.document.isComplete {
            let signal = input.document.interruptedBy.map { " by \($0)" } ?? ""
            FileHandle.standardError.write(
                Data(
                    "warning: \(path) is INCOMPLETE (stopped early\(signal)); the report shows only its \(input.document.measurements.count) measurements\n"
                        .utf8))
        }
        let written: Report.Written
        do {
            written = try Report.write(inputs, to: directory, force: force, options: options)
        } catch {
            throw failure("\(error)", code: CLIExit.failed)
        }
        print("report: \(written.html)")
        print("markdown: \(written.markdown)")
        for chart in written.charts { print("chart: \(chart)") }
    }
}
