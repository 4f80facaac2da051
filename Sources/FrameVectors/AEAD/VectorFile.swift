import Foundation

/// A parsed vector file: its kind, its path, and its vectors in file order.
public struct VectorFile: Sendable {
    /// The format a file was read as.
    public enum Kind: String, Sendable {
        /// ``KnownAnswerTests``, compiled in.
        case builtIn = "built-in"
        /// Wycheproof JSON (`aes_gcm_test.json`).
        case wycheproof
        /// NIST CAVP `.rsp`.
        case nist
    }

    /// The format the file was read as.
    public var kind: Kind
    /// The path as given, or `built-in`.
    public var path: String
    /// The vectors, in file order.
    public var vectors: [AEADVector]

    /// A file of `kind` at `path` holding `vectors`.
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

    /// `data` as a JSON object, or a ``VectorFileError`` naming `path`: not valid JSON, or
    /// valid JSON that is not an object.
    static func jsonObject(_ data: Data, path: String) throws(VectorFileError) -> [String: Any] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .malformed(path: path, record: "document", reason: "not valid JSON (\(error.localizedDescription))")
        }
        guard let root = object as? [String: Any] else {
            throw .malformed(path: path, record: "document", reason: "not a JSON object")
        }
        return root
    }
}
