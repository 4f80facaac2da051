import ArgumentParser
import Foundation
import FrameBench

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The default job: a sweep of the frames and meeting suites over every available backend.",
        discussion: """
            Frames: each backend × 64 B, 1200 B, 64 KiB × seal, open, beside the C reference. \
            Overhead: each backend × 100 B, 1200 B, 64 KiB × seal, open, layer by layer (C \
            library, Swift backend, SFrame, harness), every layer on rings of the llc working set \
            and (but with --quick) the hot one. Key counts: SFrame open with 1 to 400 live \
            receive keys. \
            Meeting: each backend × 2–200 participants × client and meeting mode, unpaced, the \
            200-participant meeting on 1 and 2 threads and per frame and per packet, interleaved; \
            one paced 50-participant \
            meeting. About two minutes \
            on a 2-vCPU VM; --quick about 40 s. A progress bar goes to stderr, a summary to stdout, and the \
            results to results/run-<UTC time>.json and .csv (or --output), written atomically, \
            with a report (report.html, report.md and SVG charts) in results/run-<UTC time>-report/. \
            Exits 2 on bad input, before measuring.
            """)

    @Flag(help: "The shorter variant, about 40 s: shorter cases, fewer participant counts.")
    var quick = false

    @Option(name: .customLong("backend"), help: "A backend to measure (repeatable; default: all available).")
    var backends: [String] = []

    @Option(
        help: """
            What one seal covers in the meeting parts: frame, packet or both comma-separated \
            (default: frame, and the 200-participant meeting both, interleaved).
            """)
    var granularity: CommaSeparated<Granularity>?

    @Option(help: "Packet granularity: bytes per protected packet, SFrame header and tag included (default: 1200).")
    var mtu: Int?

    @Option(help: "Seed of every workload and payload (default: 1).")
    var seed: UInt64?

    @OptionGroup var results: ResultsOutputOptions

    @Flag(help: "Do not write the report (Markdown, SVG charts, HTML) beside the results.")
    var noReport = false

    func validate() throws {
        _ = try OptionRules.checking { try makeJob().validate() }
    }

    func run() throws {
        let job = makeJob()
        let backendNames = try OptionRules.checking { try job.validate() }
        let measured = try MeasuredRun.begin(suite: "run", results: results)
        if let destination = measured.destination, !noReport {
            try OptionRules.checking {
                try Report.checkDestination(Report.defaultDirectory(forResultsAt: destination.jsonPath), force: results.force)
            }
        }
        let bar = ProgressBar()
        defer { bar.finish() }
        let records = try measured.measure {
            try job.run(stop: measured.stop) { fraction, status, line in
                if let line { bar.log(line) }
                bar.update(fraction, status)
            }
        }
        bar.finish()
        let document = measured.document(
            configuration: job.runConfiguration(backendNames: backendNames), records: records)
        let summary = RunSummary.render(records) + "\n\n(\(records.count) measurements in \(measured.elapsedSeconds) s)"
        try measured.deliver(document, summary: summary)
        // Stopped: the results are saved; the report is left for `framebench report`.
        try measured.exitIfStopped()
        if let destination = measured.destination, !noReport {
            do {
                let report = try Report.write(document: document, resultsPath: destination.jsonPath, force: results.force)
                print("report:  \(report.html) (and report.md, \(report.charts.count) SVG charts in \(report.directory))")
            } catch {
                throw failure("the results are saved, but the report could not be written: \(error)", code: CLIExit.failed)
            }
        }
    }

    /// The job the options describe.
    private func makeJob() -> RunJob {
        var job = RunJob(quick: quick, backends: backends)
        if let seed { job.seed = seed }
        if let granularity { job.granularities = granularity.values }
        if let mtu { job.packetBudget = PacketBudget(mtu: mtu) }
        return job
    }
}
