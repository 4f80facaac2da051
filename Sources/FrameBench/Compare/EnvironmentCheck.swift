/// Whether runs were made where their times can be compared.
///
/// Refused (each a reason `framebench compare` exits 2): a different CPU model, CPU
/// flags, architecture, build configuration, Swift compiler, or crypto library version;
/// a different suite, run mode or AAD size. Only noted: a different kernel or operating
/// system release, core count, or git commit (that is the point of comparing).
enum EnvironmentCheck {
    /// The differences between `reference` and each of `others`, each described once as
    /// `what: reference value (in FILE) vs other value (in FILE)`.
    static func differences(
        _ documents: [(path: String, document: ResultsDocument)]
    ) -> (refusals: [String], notes: [String]) {
        guard let (firstPath, first) = documents.first else { return ([], []) }
        var refusals: [String] = []
        var notes: [String] = []
        func check(_ what: String, refuse: Bool, _ value: (ResultsDocument) -> String) {
            let expected = value(first)
            if let (path, other) = documents.first(where: { value($0.document) != expected }) {
                let line = "\(what): \(expected) (\(firstPath)) vs \(value(other)) (\(path))"
                if refuse { refusals.append(line) } else { notes.append(line) }
            }
        }
        let env = \ResultsDocument.environment
        check("CPU model", refuse: true) { $0[keyPath: env].cpuModel ?? "unknown" }
        check("CPU flags", refuse: true) { flags($0[keyPath: env].cpuFlags) }
        check("architecture", refuse: true) { $0[keyPath: env].os.machine }
        check("build configuration", refuse: true) { $0[keyPath: env].buildConfiguration }
        check("Swift compiler", refuse: true) { $0[keyPath: env].swiftCompiler }
        refusals += libraryDifferences(documents)
        check("suite", refuse: true) { $0.configuration.suite }
        check("run mode", refuse: true) { $0.configuration.runMode }
        check("AAD bytes per frame", refuse: true) { $0.configuration.aadBytes.map(String.init) ?? "-" }
        check("logical cores", refuse: false) { String($0[keyPath: env].logicalCores) }
        check("operating system", refuse: false) {
            "\($0[keyPath: env].os.name ?? "unknown") \($0[keyPath: env].os.kernelRelease)"
        }
        check("seconds per case", refuse: false) { $0.configuration.secondsPerCase.map { "\($0)" } ?? "-" }
        check("frames per case", refuse: false) { $0.configuration.framesPerCase.map(String.init) ?? "-" }
        if let debug = documents.first(where: { $0.document.environment.buildConfiguration != "release" }) {
            notes.append(
                "\(debug.path) is a \(debug.document.environment.buildConfiguration) build: its times say little about release performance")
        }
        return (refusals, notes)
    }

    /// For each backend measured in more than one run, a line if its library or version
    /// differs between them.
    private static func libraryDifferences(_ documents: [(path: String, document: ResultsDocument)]) -> [String] {
        var seen: [String: (path: String, library: String)] = [:]
        var lines: [String] = []
        for (path, document) in documents {
            let measured = Set(document.measurements.map(\.backend))
            for info in document.environment.backends where measured.contains(info.name) {
                let library = "\(info.library) \(info.version)"
                if let first = seen[info.name] {
                    if first.library != library, !lines.contains(where: { $0.hasPrefix("crypto library of \(info.name):") }) {
                        lines.append("crypto library of \(info.name): \(first.library) (\(first.path)) vs \(library) (\(path))")
                    }
                } else {
                    seen[info.name] = (path, library)
                }
            }
        }
        return lines
    }

    private static func flags(_ flags: [String: Bool]) -> String {
        flags.keys.sorted().map { "\($0)=\(flags[$0]! ? "yes" : "no")" }.joined(separator: " ")
    }

    /// Warnings about runs stopped early (Ctrl-C, SIGTERM), which hold only some cases.
    static func incompleteNotes(_ documents: [(path: String, document: ResultsDocument)], side: String) -> [String] {
        documents.filter { !$0.document.isComplete }.map { run in
            "the \(side) run \(run.path) is INCOMPLETE (stopped early\(run.document.interruptedBy.map { " by \($0)" } ?? "")): it holds only \(run.document.measurements.count) measurements"
        }
    }

    /// Remarks on injected synthetic overhead, which a gate self-test uses on purpose.
    static func syntheticOverheadNotes(_ documents: [(path: String, document: ResultsDocument)], side: String) -> [String] {
        let injected = Set(documents.compactMap { $0.document.configuration.extra?["syntheticOverheadNs"] })
        guard !injected.isEmpty else { return [] }
        return [
            "the \(side) runs inject synthetic overhead (\(injected.sorted().joined(separator: ", ")) ns per Swift frame): a gate self-test, not a real measurement"
        ]
    }
}
