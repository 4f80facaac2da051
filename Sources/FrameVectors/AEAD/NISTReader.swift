import FrameCrypto

/// Reads NIST CAVP GCM response files (`gcmEncryptExtIV*.rsp`, `gcmDecrypt*.rsp`):
/// `[Keylen = …]`, `[IVlen = …]`, `[PTlen = …]`, `[AADlen = …]`, `[Taglen = …]` section
/// headers, then records of `Count`, `Key`, `IV`, `PT`, `AAD`, `CT`, `Tag` (hex). A decrypt
/// record either gives `PT` or says `FAIL`, and a `FAIL` record must be rejected.
public enum NISTReader {
    /// Parses the file at `path`.
    ///
    /// - Throws: ``VectorFileError`` naming the file and the record (`line 1234 (Count = 5)`).
    public static func read(path: String) throws(VectorFileError) -> VectorFile {
        let data = try VectorFile.contents(of: path)
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses CAVP text already in memory; `path` is used in messages.
    public static func parse(_ text: String, path: String) throws(VectorFileError) -> VectorFile {
        var vectors: [AEADVector] = []
        var section: [String: Int] = [:]
        var record: Record?

        func finish(_ record: Record?) throws(VectorFileError) {
            guard let record else { return }
            vectors.append(try record.vector(path: path, section: section))
        }

        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmed(of: " \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), let (name, value) = Self.assignment(line.dropFirst().dropLast()),
                    let number = Int(value)
                else {
                    throw .malformed(path: path, record: "line \(lineNumber)", reason: "bad section header \"\(line)\"")
                }
                try finish(record)
                record = nil
                section[name] = number
                continue
            }
            if line == "FAIL" {
                guard record != nil else {
                    throw .malformed(path: path, record: "line \(lineNumber)", reason: "FAIL outside a record")
                }
                record?.fail = true
                continue
            }
            guard let (name, value) = Self.assignment(Substring(line)) else {
                throw .malformed(path: path, record: "line \(lineNumber)", reason: "expected \"Name = value\", got \"\(line.prefix(40))\"")
            }
            if name == "Count" {
                try finish(record)
                record = Record(line: lineNumber, count: value)
                continue
            }
            guard record != nil else {
                throw .malformed(path: path, record: "line \(lineNumber)", reason: "\"\(name)\" outside a record (no Count before it)")
            }
            guard let bytes = Hex.decode(value) else {
                throw .malformed(path: path, record: record!.name, reason: "\(name) is not hex (line \(lineNumber))")
            }
            record?.fields[name] = bytes
        }
        try finish(record)
        if vectors.isEmpty {
            throw .malformed(path: path, record: "document", reason: "no CAVP records (Count = …) found")
        }
        return VectorFile(kind: .nist, path: path, vectors: vectors)
    }

    /// `Name = value` split at the first `=`, both sides trimmed.
    private static func assignment(_ text: Substring) -> (String, String)? {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        let name = text[..<eq].trimmed(of: " \t")
        let value = text[text.index(after: eq)...].trimmed(of: " \t")
        return name.isEmpty ? nil : (name, value)
    }

    private struct Record {
        let line: Int
        let count: String
        var fields: [String: [UInt8]] = [:]
        var fail = false

        var name: String { "line \(line) (Count = \(count))" }

        func vector(path: String, section: [String: Int]) throws(VectorFileError) -> AEADVector {
            func field(_ key: String) throws(VectorFileError) -> [UInt8] {
                guard let value = fields[key] else {
                    throw .malformed(path: path, record: name, reason: "missing \(key)")
                }
                return value
            }
            let plaintext: [UInt8]
            if fail {
                if fields["PT"] != nil {
                    throw .malformed(path: path, record: name, reason: "both PT and FAIL")
                }
                plaintext = []
            } else {
                plaintext = try field("PT")
            }
            let tag = try field("Tag")
            return AEADVector(
                id: name, key: try field("Key"), iv: try field("IV"), aad: try field("AAD"),
                plaintext: plaintext, ciphertext: try field("CT"), tag: tag,
                declaredTagBits: section["Taglen"] ?? tag.count * 8,
                expectation: fail ? .invalid : .valid)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set`.
    func trimmed(of set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        var view = Substring(self).unicodeScalars[...]
        while let first = view.first, scalars.contains(first) { view = view.dropFirst() }
        while let last = view.last, scalars.contains(last) { view = view.dropLast() }
        return String(String.UnicodeScalarView(view))
    }
}
