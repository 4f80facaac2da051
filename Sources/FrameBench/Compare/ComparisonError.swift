/// Why two sets of results could not be compared. Every case is bad input: `framebench
/// compare` exits 2 and prints ``description``.
package enum ComparisonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file could not be read, is not a results document, or has another schema version.
    case unreadable(ResultsFileError)
    /// The path is neither a results file nor a directory holding any (`*.json`).
    case noResults(path: String)
    /// No case of the baseline is in the candidate (or a side measured nothing).
    case nothingToMatch(baseline: [String], candidate: [String])
    /// The runs were not made on comparable machines or builds; each entry says what
    /// differs and how.
    case environmentMismatch([String])
    /// The runs were asked to measure differently in a way that changes the numbers.
    case configurationMismatch([String])

    package var description: String {
        switch self {
        case let .unreadable(error):
            "\(error)"
        case let .noResults(path):
            "\(path): no results file (expected a .json results file or a directory of them)"
        case let .nothingToMatch(baseline, candidate):
            "nothing to compare: no case is in both sides (baseline: \(Self.list(baseline)); candidate: \(Self.list(candidate)))"
        case let .environmentMismatch(differences):
            "the runs' environments differ, so their times are not comparable:\n  "
                + differences.joined(separator: "\n  ")
                + "\n(pass --allow-environment-mismatch to compare anyway)"
        case let .configurationMismatch(differences):
            "the runs measured differently:\n  " + differences.joined(separator: "\n  ")
        }
    }

    private static func list(_ labels: [String]) -> String {
        guard !labels.isEmpty else { return "no measurements" }
        return labels.prefix(4).joined(separator: ", ") + (labels.count > 4 ? ", … \(labels.count) in all" : "")
    }
}
