import ArgumentParser
import FrameBench
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The default job: a sweep of the frames and meeting suites over every available backend.",
        discussion: """
            Frames: each backend × 64 B, 1200 B, 64 KiB × seal, open, beside the C reference. \
            Overhead: each backend × 100 B, 1200 B, 64 KiB × seal, open, layer by layer (C \
            library, Swift backend, SFrame, harness). Key counts: SFrame open with 1 to 400 live \
            receive keys. \
            Meeting: each backend × 2–200 participants × client and meeting mode, unpaced, the \
            200-participant meeting on 1 and 2 threads interleaved; one paced 50-participant \
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

    @Option(parsing: .unconditional, help: "Seed of every workload and payload (default: 1).")
    var seed: String?

    @OptionGroup var results: ResultsOutputOptions

    @Flag(help: "Do not write the report (Markdown, SVG charts, HTML) beside the results.")
    var noReport = false

    func run() throws {
        var job = RunJob(quick: quick, backends: backends)
        if let seed {
            guard let value = UInt64(seed) else { throw failure("--seed: '\(seed)' is not a non-negative whole number") }
            job.seed = value
        }
        let backendNames: [String]
        do {
            backendNames = try job.validate()
        } catch {
            throw failure("\(error)")
        }
        let destination = try results.prepare(suite: "run")
        if let destination, !noReport {
            do {
                try Report.checkDestination(Report.defaultDirectory(forResultsAt: destination.jsonPath), force: results.force)
            } catch {
                throw failure("\(error)")
            }
        }
        let stop = SignalStop.install()
        let environment = RunEnvironment.current()
        let createdAt = ISO8601DateFormatter().string(from: Date())
        let started = Date()
        let bar = ProgressBar()
        let records: [MeasurementRecord]
        do {
            records = try job.run(stop: stop) { fraction, status, line in
                if let line { bar.log(line) }
                bar.update(fraction, status)
            }
        } catch {
            bar.finish()
            throw failure("measurement failed: \(error)", code: CLIExit.failed)
        }
        bar.finish()
        var document = ResultsDocument(
            createdAt: createdAt, environment: environment,
            configuration: job.runConfiguration(backendNames: backendNames), measurements: records)
        document.peakRSSBytes = PeakMemory.residentBytes()
        // A signal after the last case skipped nothing: the file is complete then.
        let interrupted = stop.skippedWork ? stop.signalName : nil
        if let interrupted { document.markIncomplete(interruptedBy: interrupted) }
        let elapsed = Int(Date().timeIntervalSince(started).rounded())
        var summary = RunSummary.render(records) + "\n\n(\(records.count) measurements in \(elapsed) s)"
        if let interrupted { summary += "\nINCOMPLETE: stopped by \(interrupted); only the cases finished before are recorded" }
        try results.deliver(document, text: summary, to: destination)
        // Stopped: the results are saved; the report is left for `framebench report`.
        if let status = stop.exitStatus { throw ExitCode(status) }
        if let destination, !noReport {
            do {
                let report = try Report.write(document: document, resultsPath: destination.jsonPath, force: results.force)
                print("report:  \(report.html) (and report.md, \(report.charts.count) SVG charts in \(report.directory))")
            } catch {
                throw failure("the results are saved, but the report could not be written: \(error)", code: CLIExit.failed)
            }
        }
    }
}
