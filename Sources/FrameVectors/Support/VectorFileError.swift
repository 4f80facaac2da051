import Foundation

/// A vector file that cannot be used: missing, unreadable, or not in the expected format.
/// Every message names the file and, where there is one, the record.
public enum VectorFileError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case malformed(path: String, record: String, reason: String)

    public var description: String {
        switch self {
        case let .missing(path): "\(path): no such file"
        case let .unreadable(path, reason): "\(path): cannot read: \(reason)"
        case let .malformed(path, record, reason): "\(path): \(record): \(reason)"
        }
    }
}

/// A parsed vector file: its kind, its path, and its vectors in file order.
public struct VectorFile: Sendable {
    /// The format a file was read as.
    public enum Kind: String, Sendable {
        case builtIn = "built-in"
        case wycheproof
        case nist
    }

    public var kind: Kind
    /// The path as given, or `built-in`.
    public var path: String
    public var vectors: [AEADVector]

    public init(kind: Kind, path: String, vectors: [AEADVector]) {
        self.kind = kind
        self.path = path
        self.vectors = vectors
    }
}


extension VectorFile {
    /// The bytes of `path`, or a ``VectorFileError`` saying why not.
    static func contents(of path: String) throws(VectorFileError) -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)")
        }
    }
}
