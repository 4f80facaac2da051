import Foundation
import FrameCrypto
import FrameTestSupport
import FrameVectors
import Testing

/// The in-repo copy (`Tests/Vectors`) against the full originals (`../shared/vectors` or
/// `$FRAMEBENCH_VECTORS`), record for record, and the readers on the records the copy leaves
/// out. Skipped, with the reason, where the originals are absent; under `CI=true` their absence
/// fails instead (``SharedVectors/requireFolder()``).
@Suite(SharedVectors.condition)
struct TrimmedVectorsTests {
    @Test(arguments: ["gcmEncryptExtIV128.rsp", "gcmEncryptExtIV256.rsp", "gcmDecrypt128.rsp", "gcmDecrypt256.rsp"])
    func nistCopyIsTheOriginalsRecordsWithA96BitIVAnd128BitTag(file name: String) throws {
        try SharedVectors.requireFolder()
        let full = VectorRecords.nist(try String(contentsOfFile: SharedVectors.path("nist/" + name), encoding: .ascii))
        let copy = VectorRecords.nist(try String(contentsOfFile: TestVectors.path("nist/" + name), encoding: .ascii))
        #expect(full.records.count == 7875)
        #expect(copy.records.count == 375)
        #expect(copy.header == full.header)
        let problems = VectorRecords.problems(trimmed: copy.records, full: full.records)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func wycheproofCopyIsTheOriginalsAES128And256GroupsWithA96BitIV() throws {
        try SharedVectors.requireFolder()
        let full = try VectorRecords.wycheproof(
            try Data(contentsOf: URL(fileURLWithPath: SharedVectors.path("wycheproof/aes_gcm_test.json"))))
        let copy = try VectorRecords.wycheproof(
            try Data(contentsOf: URL(fileURLWithPath: TestVectors.path("wycheproof/aes_gcm_test.json"))))
        #expect(full.records.count == 316 && full.numberOfTests == 316)
        #expect(copy.records.count == 133 && copy.numberOfTests == 133)
        #expect(copy.document == full.document, "header, notes, algorithm and schema as in the original")
        let problems = VectorRecords.problems(trimmed: copy.records, full: full.records)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test(arguments: ["test-vectors.json", "test-vectors-head.json", "test-vectors-aes256.json"])
    func sframeFilesAreWhole(file name: String) throws {
        try SharedVectors.requireFolder()
        let full = try Data(contentsOf: URL(fileURLWithPath: SharedVectors.path("sframe/" + name)))
        let copy = try Data(contentsOf: URL(fileURLWithPath: TestVectors.path("sframe/" + name)))
        #expect(copy == full)
    }

    /// The full Wycheproof file: everything AES-128/256-GCM with a 96-bit IV and a 128-bit tag
    /// cannot express (other key sizes, IV lengths), and AES-128 on a backend without it, is
    /// skipped, never passed.
    @Test(arguments: TestBackends.available.map { $0.info.name })
    func fullWycheproofFileSkipsWhatThePrimitiveCannotExpress(backend name: String) throws {
        try SharedVectors.requireFolder()
        let file = try WycheproofReader.read(path: SharedVectors.path("wycheproof/aes_gcm_test.json"))
        #expect(file.vectors.count == 316)
        // SOURCES.md: one group is AES-256 with a 96-bit IV and a 128-bit tag (tcId 91…156, 39 valid,
        // 27 invalid), one AES-128 (tcId 1…67, 40 valid, 27 invalid).
        #expect(file.vectors.filter { $0.unsupportedReason == nil }.count == 133)
        let backend = try BackendRegistry.backend(named: name)
        let report = VectorRunner.run(file, on: backend)
        let expected =
            BackendRegistry.implements(backend, .aes128GCM)
            ? VectorTally(passed: 133, failed: 0, skipped: 183) : VectorTally(passed: 66, failed: 0, skipped: 250)
        #expect(report.tally == expected)
    }

    /// The full NIST files: of 7875 records, the 375 with a 96-bit IV and a 128-bit tag run; the
    /// rest (IVs of 8…1024 bits, tags of 32…120 bits) are skipped.
    @Test(arguments: ["nist/gcmEncryptExtIV256.rsp", "nist/gcmDecrypt256.rsp"])
    func fullNISTFilesSkipOtherIVAndTagLengths(file relative: String) throws {
        try SharedVectors.requireFolder()
        let file = try NISTReader.read(path: SharedVectors.path(relative))
        #expect(file.vectors.count == 7875)
        #expect(file.vectors.filter { $0.unsupportedReason == nil }.count == 375)
        let backend = try #require(TestBackends.available.first)
        let report = VectorRunner.run(file, on: backend)
        #expect(report.tally == VectorTally(passed: 375, failed: 0, skipped: 7500))
    }
}
