import Foundation

/// The records of a vector file, for checking the in-repo copy (`Tests/Vectors`) against the
/// full originals record for record. The trim criteria here are written independently of
/// `scripts/trim-vectors.py`, which made the copy.
enum VectorRecords {
    /// One test record: `id` names it in messages, `text` is all it holds (with the parameters
    /// of its group or section), `kept` says whether it meets the trim criteria.
    struct Record: Hashable {
        let id: String
        let text: String
        let kept: Bool
    }

    /// What is wrong with a trimmed copy: a record not in the original identically, one that
    /// does not meet the criteria, one of the original's that meets them but is missing, or a
    /// duplicate. Empty when the copy is exactly the original's records that meet the criteria.
    static func problems(trimmed: [Record], full: [Record]) -> [String] {
        var problems: [String] = []
        let fullSet = Set(full)
        let trimmedSet = Set(trimmed)
        if trimmedSet.count != trimmed.count { problems.append("the copy repeats a record") }
        for record in trimmed {
            if !fullSet.contains(record) { problems.append("\(record.id): not in the original as it is here") }
            if !record.kept { problems.append("\(record.id): does not meet the trim criteria") }
        }
        for record in full where record.kept && !trimmedSet.contains(record) {
            problems.append("\(record.id): meets the trim criteria but is not in the copy (or differs)")
        }
        return problems
    }

    // MARK: NIST CAVP .rsp

    /// The comment lines before the first section, and every `Count = …` record with the
    /// section's `[Name = value]` lines. Kept: `IVlen = 96` and `Taglen = 128`.
    static func nist(_ text: String) -> (header: String, records: [Record]) {
        var header: [Substring] = []
        var parameters: [(String, Substring)] = []
        var records: [Record] = []
        var current: [Substring] = []
        var inSections = false

        func finish() {
            guard !current.isEmpty else { return }
            let section = parameters.map { $0.1 }.joined(separator: " ")
            let value = { (name: String) in parameters.first { $0.0 == name }.map { String($0.1) } }
            let kept = value("IVlen") == "[IVlen = 96]" && value("Taglen") == "[Taglen = 128]"
            records.append(Record(id: "\(section) \(current[0])", text: section + "\n" + current.joined(separator: "\n"), kept: kept))
            current = []
        }

        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("[") {
                finish()
                inSections = true
                let name = String(line.dropFirst().prefix { $0 != " " && $0 != "=" && $0 != "]" })
                parameters.removeAll { $0.0 == name }
                parameters.append((name, line))
            } else if !inSections {
                header.append(line)
            } else if line.isEmpty {
                finish()
            } else {
                current.append(line)
            }
        }
        finish()
        return (header.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines), records)
    }

    // MARK: Wycheproof JSON

    /// The document's fields other than `testGroups` and `numberOfTests` (canonical JSON), its
    /// `numberOfTests`, and every test with its group's fields. Kept: `ivSize` 96, `tagSize` 128,
    /// `keySize` 128 or 256.
    static func wycheproof(_ data: Data) throws -> (document: String, numberOfTests: Int, records: [Record]) {
        guard var root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let groups = root.removeValue(forKey: "testGroups") as? [[String: Any]],
            let count = root.removeValue(forKey: "numberOfTests") as? Int
        else { throw Malformed() }
        var records: [Record] = []
        for group in groups {
            var fields = group
            guard let tests = fields.removeValue(forKey: "tests") as? [[String: Any]],
                let keySize = fields["keySize"] as? Int, let ivSize = fields["ivSize"] as? Int,
                let tagSize = fields["tagSize"] as? Int
            else { throw Malformed() }
            let groupText = try canonical(fields)
            let kept = ivSize == 96 && tagSize == 128 && (keySize == 128 || keySize == 256)
            for test in tests {
                let id = "keySize \(keySize) ivSize \(ivSize) tagSize \(tagSize) tcId \(test["tcId"] as? Int ?? -1)"
                records.append(Record(id: id, text: groupText + "\n" + (try canonical(test)), kept: kept))
            }
        }
        return (try canonical(root), count, records)
    }

    struct Malformed: Error {}

    private static func canonical(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
