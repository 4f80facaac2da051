import Foundation

/// One results document to report on, with the name it is shown under.
package struct ReportInput: Sendable, Equatable {
    /// The name shown in headings and tables: the results file's name, such as
    /// `frames-20261121T161408Z.json`.
    package var name: String
    /// The document.
    package var document: ResultsDocument

    /// An input named `name`.
    package init(name: String, document: ResultsDocument) {
        self.name = name
        self.document = document
    }

    /// Reads and validates the results file at `path` (``ResultsFile/read(path:)``), named
    /// after its last path component.
    ///
    /// - Throws: ``ResultsFileError`` as ``ResultsFile/read(path:)`` does.
    package static func read(path: String) throws(ResultsFileError) -> ReportInput {
        let document = try ResultsFile.decode(ResultsFile.contents(of: path), path: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return ReportInput(name: name, document: document)
    }
}
