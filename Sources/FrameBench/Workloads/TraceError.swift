/// Why a trace could not be read.
public enum TraceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or is not UTF-8 text.
    case unreadable(path: String, reason: String)
    /// A line that does not follow the format; `line` counts from 1.
    case malformedLine(line: Int, reason: String)
    /// The trace holds no frame.
    case empty

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read trace \(path): \(reason)"
        case let .malformedLine(line, reason): "trace line \(line): \(reason)"
        case .empty: "the trace holds no frames"
        }
    }
}
