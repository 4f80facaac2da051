import ArgumentParser
import FrameBench
import FrameCrypto

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check backends against built-in known answers and public test-vector files.",
        discussion: """
            Runs the built-in known-answer tests, then every given file, against each selected \
            backend (default: every available one). Vectors that AES-256-GCM with a 96-bit nonce \
            and a 128-bit tag cannot express are counted as skipped, never as passed. Exits 1 on \
            any failed vector and 2 when a file is missing or malformed.
            """)

    @Option(name: .customLong("backend"), help: "A backend to check (repeatable; default: all available).")
    var backends: [String] = []

    @Option(name: .customLong("wycheproof"), help: "A Wycheproof AEAD test file, aead_test_schema_v1 (repeatable).")
    var wycheproofFiles: [String] = []

    @Option(name: .customLong("nist"), help: "A NIST CAVP GCM .rsp file, encrypt or decrypt (repeatable).")
    var nistFiles: [String] = []

    @Flag(help: "List every failed vector, not just the first few per file.")
    var verbose = false

    func run() throws {
        let selected: [AEADBackend]
        do {
            selected = try BackendRegistry.select(backends)
        } catch {
            throw failure("\(error)")
        }
        var files = [KnownAnswerTests.file]
        do {
            files += try wycheproofFiles.map { (path) throws(VectorFileError) in try WycheproofReader.read(path: path) }
            files += try nistFiles.map { (path) throws(VectorFileError) in try NISTReader.read(path: path) }
        } catch {
            throw failure("\(error)")
        }

        var total = VectorTally()
        for file in files {
            for backend in selected {
                let report = VectorRunner.run(file, on: backend)
                total.add(report.tally)
                print("\(file.kind.rawValue) \(file.path) [\(report.backend)]: \(report.tally.summary)")
                for (id, reason) in report.failures.prefix(verbose ? .max : 5) {
                    print("  FAILED \(id): \(reason)")
                }
                if !verbose && report.failures.count > 5 { print("  … and \(report.failures.count - 5) more (--verbose)") }
                if verbose {
                    for (reason, count) in report.skipReasons.sorted(by: { $0.key < $1.key }) {
                        print("  skipped \(count): \(reason)")
                    }
                }
            }
        }
        print(total.summary)
        if total.failed > 0 { throw ExitCode(CLIExit.failed) }
    }
}
