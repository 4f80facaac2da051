import Foundation

/// One results document to report on, with the name it is shown under.
public struct ReportInput: Sendable, Equatable {
    /// The name shown in headings and tables: the results file's name, such as
    /// `frames-20261121T161408Z.json`.
    public var name: String
    /// The document.
    public var document: ResultsDocument

    /// An input named `name`.
    public init(name: String, document: ResultsDocument) {
        self.name = name
        self.document = document
    }

    /// Reads and validates the results file at `path` (``ResultsFile/read(path:)``), named
    /// after its last path component.
    ///
    /// - Throws: ``ResultsFileError`` as ``ResultsFile/read(path:)`` does.
    public static func read(path: String) throws(ResultsFileError) -> ReportInput {
        let document = try ResultsFile.decode(ResultsFile.contents(of: path), path: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return ReportInput(name: name, document: document)
    }
}
