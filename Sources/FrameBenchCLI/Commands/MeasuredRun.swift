import ArgumentParser
import Foundation
import FrameBench

/// What every measuring command (`frames`, `overhead`, `meeting`, `run`) does around its
/// measurement, in one place.
///
/// ``begin(suite:results:)`` checks the output before anything is measured (a usage error
/// exits 2), installs the Ctrl-C/SIGTERM handling (``SignalStop``) and notes the machine and
/// the start time. ``measure(_:)`` runs the suite, turning a failure into exit 1.
/// ``finish(configuration:records:summary:unfinished:)`` builds the results document
/// (peak RSS, marked incomplete when a signal skipped work), delivers it, and ends with the
/// signal's exit status when one stopped the run.
struct MeasuredRun {
    /// Where the results go (`nil` with `--json`).
    let destination: ResultsDestination?
    /// The output options the command was given.
    let results: ResultsOutputOptions
    /// Set by the first SIGINT or SIGTERM; the suites stop at the next case boundary.
    let stop: StopRequest
    private let environment: RunEnvironment
    private let createdAt: String
    private let started = Date()

    /// Checks that the results for `suite` can be written (exit 2 otherwise), then installs
    /// the signal handling and records the environment and the start time.
    static func begin(suite: String, results: ResultsOutputOptions) throws -> MeasuredRun {
        let destination = try results.prepare(suite: suite)
        return MeasuredRun(
            destination: destination, results: results, stop: SignalStop.install(),
            environment: RunEnvironment.current(), createdAt: ISO8601DateFormatter().string(from: Date()))
    }

    private init(
        destination: ResultsDestination?, results: ResultsOutputOptions, stop: StopRequest,
        environment: RunEnvironment, createdAt: String
    ) {
        self.destination = destination
        self.results = results
        self.stop = stop
        self.environment = environment
        self.createdAt = createdAt
    }

    /// Whole seconds since ``begin(suite:results:)``.
    var elapsedSeconds: Int { Int(Date().timeIntervalSince(started).rounded()) }

    /// Runs the measurement; an error it throws is reported and exits 1.
    func measure<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            throw failure("measurement failed: \(error)", code: CLIExit.failed)
        }
    }

    /// The results document for `records`: the environment and start time from
    /// ``begin(suite:results:)``, the peak RSS, and the incomplete mark when a signal made the
    /// suite skip work.
    func document(configuration: RunConfiguration, records: [MeasurementRecord]) -> ResultsDocument {
        var document = ResultsDocument(
            createdAt: createdAt, environment: environment, configuration: configuration, measurements: records)
        document.peakRSSBytes = PeakMemory.residentBytes()
        // A signal after the last case skipped nothing: the file is complete then.
        if stop.skippedWork, let interrupted = stop.signalName {
            document.markIncomplete(interruptedBy: interrupted)
        }
        return document
    }

    /// Delivers `document` with the text `summary` (stdout, or stderr with `--json`), saying
    /// on stderr when it is incomplete and what `unfinished` names (the cases, the groups) was
    /// kept. A failed write exits 1.
    func deliver(_ document: ResultsDocument, summary: String, unfinished: String = "cases") throws {
        if let interrupted = document.interruptedBy, !document.isComplete {
            FileHandle.standardError.write(
                Data("INCOMPLETE: stopped by \(interrupted); only the \(unfinished) finished before are recorded\n".utf8))
        }
        try results.deliver(document, text: summary, to: destination)
    }

    /// Ends the command with the signal's exit status (130 for SIGINT, 143 for SIGTERM) when
    /// one stopped the run; returns otherwise.
    func exitIfStopped() throws {
        if let status = stop.exitStatus { throw ExitCode(status) }
    }
}
