import Foundation
import FrameBench
import FuzzSupport

runLibFuzzer { data, size in fuzz(data ?? emptyFuzzInput, size) }

/// Fuzzes reading a results file (`ResultsFile.decode`, what `ResultsFile.read` does after
/// loading the file) with arbitrary bytes.
///
/// Oracles: it returns or throws `ResultsFileError.corrupt` / `.unsupportedSchemaVersion`
/// naming the path it was given (never traps, never hangs); a document it returns has the
/// current schema version, can be written again (`ResultsFile.encode`), and reads back equal.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = "fuzz.json"
    let bytes = Data(bytes: data, count: size)
    switch Result(catching: { () throws(ResultsFileError) in try ResultsFile.decode(bytes, path: path) }) {
    case let .failure(error):
        switch error {
        case let .corrupt(named, _), let .unsupportedSchemaVersion(named, _, _):
            fuzzCheck(named == path, "the error names \(named), not \(path)")
        default:
            fuzzCheck(false, "decoding threw \(error)")
        }
        fuzzLog("refused: \(error)")
    case let .success(document):
        fuzzCheck(document.schemaVersion == ResultsDocument.currentSchemaVersion, "read schema \(document.schemaVersion)")
        let written: Data
        do {
            written = try ResultsFile.encode(document)
        } catch {
            return fail("a document that reads cannot be written: \(error)")
        }
        let again = Result(catching: { () throws(ResultsFileError) in try ResultsFile.decode(written, path: path) })
        fuzzCheck(again == .success(document), "the document does not read back equal after writing: \(again)")
        fuzzLog("read \(document.measurements.count) measurements")
    }
    return 0
}

func fail(_ message: String) -> CInt {
    fuzzCheck(false, message)
    return 0
}
