import Foundation

/// One results document to report on, with the name it is shown under.
public struct ReportInput: Sendable, Equatable {
    /// The name shown in headings and tables: the results file's name, such as
    /// `frames-20261121T161408Z.json`.
    public var name: String
    /// The document.
    public var document: ResultsDocument
    /// The `layer` of each measurement (same order as `document.measurements`), for the
    /// overhead chart. ``MeasurementRecord`` has no `layer` property yet, so
    /// ``read(path:)`` picks the field up from the JSON; empty when unknown.
    public var layers: [String?]

    /// An input named `name`; `layers` as described above.
    public init(name: String, document: ResultsDocument, layers: [String?] = []) {
        self.name = name
        self.document = document
        self.layers = layers
    }

    /// The layer of measurement `index`, if known.
    func layer(at index: Int) -> String? {
        index < layers.count ? layers[index] : nil
    }

    /// Reads and validates the results file at `path` (``ResultsFile/read(path:)``), named
    /// after its last path component.
    ///
    /// - Throws: ``ResultsFileError`` as ``ResultsFile/read(path:)`` does.
    public static func read(path: String) throws(ResultsFileError) -> ReportInput {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        let document = try ResultsFile.decode(data, path: path)
        struct Layers: Decodable {
            struct Row: Decodable { let layer: String? }
            let measurements: [Row]
        }
        let layers = (try? JSONDecoder().decode(Layers.self, from: data))?.measurements.map(\.layer) ?? []
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return ReportInput(name: name, document: document, layers: layers)
    }
}
