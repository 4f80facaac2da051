/// Why a results file could not be written or read.
public enum ResultsFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists and overwriting was not asked for.
    case alreadyExists(path: String)
    /// The directory is missing or not writable, or writing failed; `reason` says which.
    case notWritable(path: String, reason: String)
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not valid JSON, or not a results document.
    case corrupt(path: String, reason: String)
    /// The document's schema version is not the one this build reads.
    case unsupportedSchemaVersion(path: String, found: Int?, supported: Int)

    public var description: String {
        switch self {
        case let .alreadyExists(path):
            "\(path) already exists; pass --force to overwrite it"
        case let .notWritable(path, reason):
            "cannot write results to \(path): \(reason)"
        case let .unreadable(path, reason):
            "cannot read \(path): \(reason)"
        case let .corrupt(path, reason):
            "\(path) is not a valid results file: \(reason)"
        case let .unsupportedSchemaVersion(path, found, supported):
            if let found {
                "\(path) has schema version \(found); this FrameBench reads version \(supported)"
            } else {
                "\(path) has no schemaVersion field (not a FrameBench results file?); this FrameBench reads version \(supported)"
            }
        }
    }
}
