/// Why a report could not be written.
package enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No results documents were given.
    case noInputs
    /// The report directory exists and overwriting was not asked for.
    case alreadyExists(path: String)
    /// The path exists but is not a report directory, so even `--force` will not replace it.
    case notAReportDirectory(path: String)
    /// A directory or file could not be created or written; `reason` says why.
    case notWritable(path: String, reason: String)

    package var description: String {
        switch self {
        case .noInputs:
            "no results files given"
        case let .alreadyExists(path):
            "\(path) already exists; pass --force to replace it"
        case let .notAReportDirectory(path):
            "\(path) exists and is not a report directory (no report.md or report.html, or other files in it); choose another --out"
        case let .notWritable(path, reason):
            "cannot write \(path): \(reason)"
        }
    }
}
