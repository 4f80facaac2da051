public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a run's results go: a JSON document and a CSV file beside it.
public struct ResultsDestination: Sendable, Equatable {
    /// The JSON document's path.
    public let jsonPath: String
    /// The CSV file's path: the JSON path with its extension replaced by `.csv`.
    public let csvPath: String
    /// Whether existing files may be replaced (`--force`).
    public let overwrite: Bool
}

/// Writing results atomically and reading them back.
///
/// A file is written to a temporary file in the destination's directory, flushed to
/// disk, then moved into place in one step (`rename`, or `link` when overwriting is not
/// allowed, which fails if the name appeared in the meantime). A reader therefore sees
/// either no file or a whole one, and a failure leaves nothing behind.
public enum ResultsFile {
    /// `directory/suite-YYYYMMDDTHHMMSSZ.json`, with `-2`, `-3`, … added if that exists.
    public static func defaultPath(suite: String, date: Date = Date(), directory: String = "results") -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let stem = "\(directory)/\(suite)-\(formatter.string(from: date))"
        var candidate = stem + ".json"
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) || FileManager.default.fileExists(atPath: csvPath(for: candidate)) {
            candidate = "\(stem)-\(n).json"
            n += 1
        }
        return candidate
    }

    /// `path` with its extension replaced by `.csv` (or `.csv` appended).
    public static func csvPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        return directory + (dot.map { String(name[..<$0]) } ?? name) + ".csv"
    }

    /// Checks, before anything is measured, that results can be written to `path` (or to
    /// a new default path under `results/`, created if missing): the directory exists
    /// and accepts a file, and neither the JSON nor the CSV file exists unless `force`.
    ///
    /// - Throws: ``ResultsFileError/alreadyExists(path:)`` or
    ///   ``ResultsFileError/notWritable(path:reason:)``.
    public static func prepare(path: String?, suite: String, force: Bool) throws(ResultsFileError) -> ResultsDestination {
        let jsonPath: String
        if let path {
            jsonPath = path
        } else {
            do {
                try FileManager.default.createDirectory(atPath: "results", withIntermediateDirectories: true)
            } catch {
                throw .notWritable(path: "results", reason: "cannot create the directory")
            }
            jsonPath = defaultPath(suite: suite)
        }
        let destination = ResultsDestination(jsonPath: jsonPath, csvPath: csvPath(for: jsonPath), overwrite: force)
        guard destination.csvPath != destination.jsonPath else {
            throw .notWritable(path: jsonPath, reason: "the JSON file needs a name other than the CSV's; use a .json extension")
        }
        for file in [destination.jsonPath, destination.csvPath] {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) {
                if isDirectory.boolValue { throw .notWritable(path: file, reason: "it is a directory") }
                if !force { throw .alreadyExists(path: file) }
            }
        }
        try AtomicFile.probe(directoryOf: jsonPath)
        return destination
    }

    /// Writes `document` as pretty-printed JSON and its measurements as CSV, each
    /// atomically. If the JSON cannot be written, the CSV just written is removed.
    public static func write(_ document: ResultsDocument, to destination: ResultsDestination) throws(ResultsFileError) {
        let json: Data
        do {
            json = try encode(document)
        } catch {
            throw .notWritable(path: destination.jsonPath, reason: "cannot encode: \(error)")
        }
        try AtomicFile.write(Data(ResultsCSV.render(document.measurements).utf8), to: destination.csvPath, overwrite: destination.overwrite)
        do {
            try AtomicFile.write(json, to: destination.jsonPath, overwrite: destination.overwrite)
        } catch {
            unlink(destination.csvPath)
            throw error
        }
    }

    /// The document as pretty-printed JSON with sorted keys, ending in a newline.
    public static func encode(_ document: ResultsDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document) + Data("\n".utf8)
    }

    /// The document in the file at `path`.
    ///
    /// - Throws: ``ResultsFileError/unreadable(path:reason:)``,
    ///   ``ResultsFileError/corrupt(path:reason:)`` or
    ///   ``ResultsFileError/unsupportedSchemaVersion(path:found:supported:)``.
    public static func read(path: String) throws(ResultsFileError) -> ResultsDocument {
        try decode(contents(of: path), path: path)
    }

    /// The bytes of the file at `path`: a device such as `/dev/null` is named as not a regular
    /// file, not as a permission problem. Pipes are read like files (`<(…)` works) and named
    /// only when they give nothing.
    ///
    /// - Throws: ``ResultsFileError/unreadable(path:reason:)``: no such file, permission
    ///   denied, or not a regular file.
    static func contents(of path: String) throws(ResultsFileError) -> Data {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            if let kind = nonRegularKind(path) { throw .unreadable(path: path, reason: "not a regular file (\(kind))") }
            throw .unreadable(path: path, reason: readFailure(error))
        }
        if data.isEmpty, let kind = nonRegularKind(path) {
            throw .unreadable(path: path, reason: "not a regular file (\(kind)) and it gave no data")
        }
        return data  // an empty regular file: `decode` says "not valid JSON: the file is empty"
    }

    /// What `path` (symbolic links followed) is when it is not a regular file; nil for a
    /// regular file or one that cannot be examined.
    static func nonRegularKind(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a pipe"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a directory"
        default: return "not a file"
        }
    }

    /// The document in `data`; `path` names it in errors.
    public static func decode(_ data: Data, path: String) throws(ResultsFileError) -> ResultsDocument {
        struct VersionOnly: Decodable { let schemaVersion: Int? }
        // Foundation's decoder never sees JSON nested deeper than 512 levels (its own limit,
        // which it reports as an error): it traps (SIGILL, no message) on containers left open
        // exactly 513 deep (swift-corelibs-foundation with Swift 6.3.1; found by
        // FuzzResultsReader, inputs in Fuzz/Corpus/FuzzResultsReader/crash-513-*.json).
        if let deep = JSONSyntaxError.nestingTooDeep(in: Array(data)) { throw .corrupt(path: path, reason: "not valid JSON: \(deep)") }
        let version: Int?
        do {
            version = try JSONDecoder().decode(VersionOnly.self, from: data).schemaVersion
        } catch {
            if let syntax = JSONSyntaxError.find(in: Array(data)) { throw .corrupt(path: path, reason: "not valid JSON: \(syntax)") }
            throw .corrupt(path: path, reason: describe(error))
        }
        guard version == ResultsDocument.currentSchemaVersion else {
            throw .unsupportedSchemaVersion(path: path, found: version, supported: ResultsDocument.currentSchemaVersion)
        }
        do {
            return try JSONDecoder().decode(ResultsDocument.self, from: data)
        } catch {
            throw .corrupt(path: path, reason: describe(error))
        }
    }

    /// Why reading failed, in the words of `strerror` where Foundation knows the code.
    static func readFailure(_ error: any Error) -> String {
        switch (error as? CocoaError)?.code {
        case .fileReadNoSuchFile?: "no such file"
        case .fileReadNoPermission?: "permission denied"
        case .fileReadCorruptFile?, .fileReadUnknown?:
            ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) }
                ?? (error as NSError).localizedDescription
        default: (error as NSError).localizedDescription
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            // The underlying parser error says where (line and column) and what it expected.
            let detail = context.underlyingError.map { ($0 as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\($0)" }
            return "not valid JSON (\(detail ?? context.debugDescription))"
        case DecodingError.keyNotFound(let key, let context):
            return "missing field '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
