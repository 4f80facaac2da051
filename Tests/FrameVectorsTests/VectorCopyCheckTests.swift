import Foundation
import FrameTestSupport
import Testing

/// The checks behind ``TrimmedVectorsTests`` catch what they are there for, with no files
/// outside the repository: a missing vectors folder fails under CI and skips elsewhere, and the
/// record comparison reports a dropped, altered or extra record.
@Suite struct VectorCopyCheckTests {
    @Test func missingFolderFailsUnderCIAndSkipsElsewhere() {
        typealias A = SharedVectors.Availability
        #expect(A.decide(directory: "/v", exists: true, ci: true) == .run)
        #expect(A.decide(directory: "/v", exists: true, ci: false) == .run)
        guard case .fail(let message) = A.decide(directory: "/nowhere/vectors", exists: false, ci: true) else {
            Issue.record("CI with no vectors folder must fail, not skip")
            return
        }
        #expect(message.contains("CI=true") && message.contains("/nowhere/vectors") && message.contains("FRAMEBENCH_VECTORS"))
        guard case .skip(let reason) = A.decide(directory: "/nowhere/vectors", exists: false, ci: false) else {
            Issue.record("outside CI a missing folder is a skip")
            return
        }
        #expect(reason.contains("/nowhere/vectors"))
        #expect(A.decide(directory: "/v", exists: false, ci: false).skips)
        #expect(!A.decide(directory: "/v", exists: false, ci: true).skips, "the test must run, and fail")
    }

    @Test func ciIsReadFromTheEnvironmentAsCIServicesSetIt() {
        typealias A = SharedVectors.Availability
        #expect(A.isCI(["CI": "true"]) && A.isCI(["CI": "TRUE"]) && A.isCI(["CI": "1"]))
        #expect(!A.isCI([:]) && !A.isCI(["CI": "false"]) && !A.isCI(["CI": ""]))
    }

    @Test func requireThrowsOnlyWhenTheFolderMustBeThere() {
        // This process's own decision: require() throws exactly when it is `.fail`.
        if case .fail = SharedVectors.availability {
            #expect(throws: SharedVectors.Missing.self) { try SharedVectors.requireFolder() }
        } else {
            #expect(throws: Never.self) { try SharedVectors.requireFolder() }
        }
    }

    @Test func nistComparisonReportsDroppedAlteredAndExtraRecords() throws {
        let text = try String(contentsOfFile: TestVectors.path("nist/gcmDecrypt256.rsp"), encoding: .ascii)
        let copy = VectorRecords.nist(text)
        #expect(copy.records.count == 375 && copy.records.allSatisfy(\.kept))
        #expect(VectorRecords.problems(trimmed: copy.records, full: copy.records).isEmpty)

        let dropped = Array(copy.records.dropLast())
        #expect(VectorRecords.problems(trimmed: dropped, full: copy.records).count == 1)

        // One hex digit of one record's tag changed.
        let altered = VectorRecords.nist(
            text.replacingOccurrences(
                of: "Tag = 15e051a5e4a5f5da6cea92e2ebee5bac", with: "Tag = 15e051a5e4a5f5da6cea92e2ebee5bad"))
        let problems = VectorRecords.problems(trimmed: altered.records, full: copy.records)
        #expect(problems.count == 2, "\(problems)")  // not in the original; the original's record missing

        // A record from a 120-bit-tag section does not meet the criteria.
        let other = VectorRecords.nist("[Keylen = 256]\n[IVlen = 96]\n[PTlen = 0]\n[AADlen = 0]\n[Taglen = 120]\n\nCount = 0\nKey = 00\n")
        #expect(other.records.count == 1 && !other.records[0].kept)
        #expect(
            VectorRecords.problems(trimmed: copy.records + other.records, full: copy.records + other.records)
                == ["\(other.records[0].id): does not meet the trim criteria"])
    }

    @Test func wycheproofComparisonReportsAlteredTestsAndOtherGroups() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestVectors.path("wycheproof/aes_gcm_test.json")))
        let copy = try VectorRecords.wycheproof(data)
        #expect(copy.records.count == 133 && copy.records.allSatisfy(\.kept))
        #expect(VectorRecords.problems(trimmed: copy.records, full: copy.records).isEmpty)
        let text = String(decoding: data, as: UTF8.self)
        let altered = try VectorRecords.wycheproof(Data(text.replacingOccurrences(of: "\"tcId\": 91,", with: "\"tcId\": 9100,").utf8))
        #expect(altered.records.contains { $0.id.hasSuffix("tcId 9100") })
        #expect(VectorRecords.problems(trimmed: altered.records, full: copy.records).count == 2)
        let group192 = try VectorRecords.wycheproof(Data(text.replacingOccurrences(of: "\"keySize\": 256", with: "\"keySize\": 192").utf8))
        #expect(group192.records.filter { !$0.kept }.count == 66)
    }
}
