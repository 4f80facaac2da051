/// A vector file that cannot be used: missing, unreadable, or not in the expected format.
/// Every message names the file and, where there is one, the record.
public enum VectorFileError: Error, Equatable, CustomStringConvertible {
    /// No file at `path`.
    case missing(path: String)
    /// The file exists but could not be read, and why.
    case unreadable(path: String, reason: String)
    /// A record of the file is missing a field or holds a bad value, and which.
    case malformed(path: String, record: String, reason: String)

    /// The message, naming the file and, where there is one, the record.
    public var description: String {
        switch self {
        case let .missing(path): "\(path): no such file"
        case let .unreadable(path, reason): "\(path): cannot read: \(reason)"
        case let .malformed(path, record, reason): "\(path): \(record): \(reason)"
        }
    }
}
