import Foundation

extension ResultsComparison {
    /// The runs of one side: the results file at `path`, or every `*.json` results file
    /// directly inside the directory at `path` (in name order), each one run.
    ///
    /// - Throws: ``ComparisonError/noResults(path:)`` when the path is missing or the
    ///   directory holds no `.json` file, ``ComparisonError/unreadable(_:)`` when a file
    ///   is not a results document of the supported schema.
    package static func loadSide(_ path: String) throws(ComparisonError) -> [Run] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(.unreadable(path: path, reason: "no such file or directory"))
        }
        let files: [String]
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let directory = path.hasSuffix("/") ? String(path.dropLast()) : path
            files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { "\(directory)/\($0)" }
            guard !files.isEmpty else { throw .noResults(path: path) }
        } else {
            files = [path]
        }
        var runs: [Run] = []
        for file in files {
            do {
                runs.append((file, try ResultsFile.read(path: file)))
            } catch {
                throw .unreadable(error)
            }
        }
        return runs
    }
}
