import ArgumentParser
import Foundation
import FrameBench

/// Where a measuring command's results go, shared by `frames`, `meeting`, `overhead` and
/// `run`: files under `results/` (or `--output`), written atomically, or the document on
/// stdout with `--json`.
struct ResultsOutputOptions: ParsableArguments {
    @Flag(help: "Print the results document to stdout (the text summary goes to stderr) instead of writing files.")
    var json = false

    @Option(help: "Write the JSON here (and the CSV beside it, extension .csv).")
    var output: String?

    @Flag(help: "Overwrite existing output files (and, for run, the report directory beside them).")
    var force = false

    func validate() throws {
        try OptionRules.exclusive(json ? true : nil, "--json", output, "--output")
    }

    /// Checks the options and, unless `--json`, that the files for `suite` can be written:
    /// the destination, or `nil` with `--json`. Call before measuring; bad input exits 2.
    func prepare(suite: String) throws -> ResultsDestination? {
        if json && output != nil { throw failure("--json prints to stdout; it cannot be combined with --output") }
        if json { return nil }
        do {
            return try ResultsFile.prepare(path: output, suite: suite, force: force)
        } catch {
            throw failure("\(error)")
        }
    }

    /// With `--json`, `text` to stderr and the document to stdout; otherwise `text` to
    /// stdout, the files written to `destination`, and a line saying where (and whether the
    /// run was stopped early). A failed write exits 1.
    func deliver(_ document: ResultsDocument, text: String, to destination: ResultsDestination?) throws {
        if json {
            FileHandle.standardError.write(Data((text + "\n").utf8))
            FileHandle.standardOutput.write(try ResultsFile.encode(document))
            return
        }
        print(text)
        guard let destination else { return }
        do {
            try ResultsFile.write(document, to: destination)
        } catch {
            throw failure("\(error)", code: CLIExit.failed)
        }
        let state = document.isComplete ? "" : " (incomplete, stopped by \(document.interruptedBy ?? "a signal"))"
        print("results\(state): \(destination.jsonPath), \(destination.csvPath)")
    }
}
