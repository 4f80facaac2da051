import ArgumentParser
import FrameBench
import FrameCrypto
import FrameVectors

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check backends against built-in known answers and public test-vector files.",
        discussion: """
            Runs the built-in known-answer tests, then every given file, against each selected \
            backend (default: every available one). Vectors that AES-128/256-GCM with a 96-bit \
            nonce and a 128-bit tag cannot express, or whose algorithm the backend does not \
            implement, are counted as skipped, never as passed. Exits 1 on any failed vector and \
            2 when a file is missing or malformed. SFrame files (RFC 9605 test-vectors.json shape, \
            with the later aes_256_ctr_hmac and sframe_aes_256_ctr_hmac arrays) must reproduce \
            every header encoding, every AES-CTR + HMAC AEAD entry and, for every cipher suite \
            1-8, every intermediate of the key schedule and the protected frame; a suite a \
            backend does not implement is shown as n/a. Counts are printed per suite and backend.
            """)

    @Option(name: .customLong("backend"), help: "A backend to check (repeatable; default: all available).")
    var backends: [String] = []

    @Option(name: .customLong("wycheproof"), help: "A Wycheproof AEAD test file, aead_test_schema_v1 (repeatable).")
    var wycheproofFiles: [String] = []

    @Option(name: .customLong("nist"), help: "A NIST CAVP GCM .rsp file, encrypt or decrypt (repeatable).")
    var nistFiles: [String] = []

    @Option(name: .customLong("sframe"), help: "An SFrame test-vector file in RFC 9605's test-vectors.json shape (repeatable).")
    var sframeFiles: [String] = []

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
        let sframe: [SFrameVectors]
        do {
            files += try wycheproofFiles.map { (path) throws(VectorFileError) in try WycheproofReader.read(path: path) }
            files += try nistFiles.map { (path) throws(VectorFileError) in try NISTReader.read(path: path) }
            sframe = try sframeFiles.map { (path) throws(VectorFileError) in try SFrameVectors.read(path: path) }
        } catch {
            throw failure("\(error)")
        }

        var total = VectorTally()
        for file in files {
            for backend in selected {
                let report = VectorRunner.run(file, on: backend)
                total.add(report.tally)
                printReport(
                    "\(file.kind.rawValue) \(file.path) [\(report.backend)]", report.tally, report.failures,
                    report.skipReasons)
            }
        }
        var matrix = SFrameSuiteMatrix(backends: selected)
        for vectors in sframe {
            for backend in selected {
                let report = SFrameVectorRunner.run(vectors, on: backend)
                total.add(report.tally)
                matrix.add(report, implements: { BackendRegistry.implements(backend, $0) })
                printReport(
                    "sframe \(vectors.path) [\(report.backend)]", report.tally, report.failures, report.skipReasons)
                for line in SFrameSuiteMatrix.suiteLines(report, implements: { BackendRegistry.implements(backend, $0) }) {
                    print("  \(line)")
                }
            }
        }
        if !sframe.isEmpty { print(matrix.table) }
        print(total.summary)
        if total.failed > 0 { throw ExitCode(CLIExit.failed) }
    }

    /// One file and backend's line, then its failures (the first few unless verbose) and,
    /// when verbose, why vectors were skipped.
    private func printReport(
        _ title: String, _ tally: VectorTally, _ failures: [(id: String, reason: String)], _ skipReasons: [String: Int]
    ) {
        print("\(title): \(tally.summary)")
        for (id, reason) in failures.prefix(verbose ? .max : 5) {
            print("  FAILED \(id): \(reason)")
        }
        if !verbose && failures.count > 5 { print("  … and \(failures.count - 5) more (--verbose)") }
        if verbose {
            for (reason, count) in skipReasons.sorted(by: { $0.key < $1.key }) {
                print("  skipped \(count): \(reason)")
            }
        }
    }
}
