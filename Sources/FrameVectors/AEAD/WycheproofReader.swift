public import Foundation
import FrameCrypto

/// Reads Wycheproof AEAD test files (`aead_test_schema_v1`): `testGroups[]`, each with
/// `keySize`, `ivSize`, `tagSize` and `tests[]` of `tcId`, `key`, `iv`, `aad`, `msg`, `ct`,
/// `tag` (hex) and `result` (`valid`, `invalid` or `acceptable`).
public enum WycheproofReader {
    /// Parses the file at `path`.
    ///
    /// - Throws: ``VectorFileError`` naming the file and the record (`testGroups[2].tests[5]
    ///   (tcId 17)`) that is missing a field or holds a bad value.
    public static func read(path: String) throws(VectorFileError) -> VectorFile {
        try parse(VectorFile.contents(of: path), path: path)
    }

    /// Parses Wycheproof JSON already in memory; `path` is used in messages.
    public static func parse(_ data: Data, path: String) throws(VectorFileError) -> VectorFile {
        let root = try VectorFile.jsonObject(data, path: path)
        if let algorithm = root["algorithm"] as? String, algorithm != "AES-GCM" {
            throw .malformed(path: path, record: "document", reason: "algorithm is \"\(algorithm)\", expected \"AES-GCM\"")
        }
        guard let groups = root["testGroups"] as? [[String: Any]] else {
            throw .malformed(path: path, record: "document", reason: "no \"testGroups\" array")
        }
        var vectors: [AEADVector] = []
        for (g, group) in groups.enumerated() {
            let groupName = "testGroups[\(g)]"
            let field = Fields(path: path, record: groupName, object: group)
            let tagSize = try field.int("tagSize")
            guard let tests = group["tests"] as? [[String: Any]] else {
                throw .malformed(path: path, record: groupName, reason: "no \"tests\" array")
            }
            for (t, test) in tests.enumerated() {
                let tcId = (test["tcId"] as? Int).map { " (tcId \($0))" } ?? ""
                let record = Fields(path: path, record: "\(groupName).tests[\(t)]\(tcId)", object: test)
                let result = try record.string("result")
                guard let expectation = AEADVector.Expectation(rawValue: result) else {
                    throw .malformed(path: path, record: record.record, reason: "unknown result \"\(result)\"")
                }
                vectors.append(
                    AEADVector(
                        id: "tcId \(try record.int("tcId"))",
                        key: try record.hex("key"), iv: try record.hex("iv"), aad: try record.hex("aad"),
                        plaintext: try record.hex("msg"), ciphertext: try record.hex("ct"), tag: try record.hex("tag"),
                        declaredTagBits: tagSize, expectation: expectation))
            }
        }
        return VectorFile(kind: .wycheproof, path: path, vectors: vectors)
    }

    /// Typed field access that names the record in every error.
    private struct Fields {
        let path: String
        let record: String
        let object: [String: Any]

        func string(_ name: String) throws(VectorFileError) -> String {
            guard let value = object[name] else {
                throw .malformed(path: path, record: record, reason: "missing field \"\(name)\"")
            }
            guard let text = value as? String else {
                throw .malformed(path: path, record: record, reason: "field \"\(name)\" is not a string")
            }
            return text
        }

        func int(_ name: String) throws(VectorFileError) -> Int {
            guard let value = object[name] else {
                throw .malformed(path: path, record: record, reason: "missing field \"\(name)\"")
            }
            guard let number = value as? Int else {
                throw .malformed(path: path, record: record, reason: "field \"\(name)\" is not an integer")
            }
            return number
        }

        func hex(_ name: String) throws(VectorFileError) -> [UInt8] {
            let text = try string(name)
            guard let bytes = Hex.decode(text) else {
                throw .malformed(path: path, record: record, reason: "field \"\(name)\" is not hex: \"\(text.prefix(40))\"")
            }
            return bytes
        }
    }
}
