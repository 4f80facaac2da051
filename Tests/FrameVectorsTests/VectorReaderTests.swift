import Foundation
import FrameTestSupport
import FrameVectors
import Testing

/// The vector readers reject malformed input with messages that name the file and record.
@Suite struct VectorReaderTests {
    @Test func wycheproofMissingFieldNamesTheRecord() {
        let json = """
            {"algorithm":"AES-GCM","testGroups":[{"ivSize":96,"keySize":256,"tagSize":128,"tests":[
            {"tcId":7,"key":"00","iv":"00","aad":"","msg":"","ct":"","result":"valid"}]}]}
            """
        #expect(
            throws: VectorFileError.malformed(path: "x.json", record: "testGroups[0].tests[0] (tcId 7)", reason: "missing field \"tag\"")
        ) {
            try WycheproofReader.parse(Data(json.utf8), path: "x.json")
        }
    }

    @Test func wycheproofBadHexAndWrongAlgorithm() {
        let badHex = """
            {"algorithm":"AES-GCM","testGroups":[{"ivSize":96,"keySize":256,"tagSize":128,"tests":[
            {"tcId":1,"key":"zz","iv":"00","aad":"","msg":"","ct":"","tag":"","result":"valid"}]}]}
            """
        #expect(throws: VectorFileError.self) { try WycheproofReader.parse(Data(badHex.utf8), path: "b.json") }
        do {
            _ = try WycheproofReader.parse(Data(badHex.utf8), path: "b.json")
        } catch {
            #expect("\(error)".contains("b.json: testGroups[0].tests[0] (tcId 1): field \"key\" is not hex"))
        }
        let other = #"{"algorithm":"AES-EAX","testGroups":[]}"#
        #expect(
            throws: VectorFileError.malformed(path: "o.json", record: "document", reason: "algorithm is \"AES-EAX\", expected \"AES-GCM\"")
        ) {
            try WycheproofReader.parse(Data(other.utf8), path: "o.json")
        }
        #expect(throws: VectorFileError.self) { try WycheproofReader.parse(Data("{".utf8), path: "t.json") }
    }

    @Test func wycheproofUnsupportedParametersAreSkippedNotPassed() throws {
        let json = """
            {"algorithm":"AES-GCM","testGroups":[
            {"ivSize":128,"keySize":256,"tagSize":128,"tests":[{"tcId":1,"key":"\(String(repeating: "00", count: 32))","iv":"\(String(repeating: "00", count: 16))","aad":"","msg":"","ct":"","tag":"\(String(repeating: "00", count: 16))","result":"valid"}]},
            {"ivSize":96,"keySize":256,"tagSize":96,"tests":[{"tcId":2,"key":"\(String(repeating: "00", count: 32))","iv":"\(String(repeating: "00", count: 12))","aad":"","msg":"","ct":"","tag":"\(String(repeating: "00", count: 12))","result":"valid"}]},
            {"ivSize":96,"keySize":192,"tagSize":128,"tests":[{"tcId":3,"key":"\(String(repeating: "00", count: 24))","iv":"\(String(repeating: "00", count: 12))","aad":"","msg":"","ct":"","tag":"\(String(repeating: "00", count: 16))","result":"valid"}]}
            ]}
            """
        let file = try WycheproofReader.parse(Data(json.utf8), path: "s.json")
        for backend in TestBackends.available {
            let report = VectorRunner.run(file, on: backend)
            #expect(report.tally == .init(passed: 0, failed: 0, skipped: 3))
        }
    }

    @Test func nistRecordErrorsNameTheLine() {
        let missingTag = """
            [Keylen = 256]
            [IVlen = 96]
            [Taglen = 128]

            Count = 0
            Key = 00
            IV = 00
            PT =
            AAD =
            CT =
            """
        #expect(throws: VectorFileError.malformed(path: "n.rsp", record: "line 5 (Count = 0)", reason: "missing Tag")) {
            try NISTReader.parse(missingTag, path: "n.rsp")
        }
        let badHex = "Count = 3\nKey = 0g\n"
        #expect(throws: VectorFileError.malformed(path: "n.rsp", record: "line 1 (Count = 3)", reason: "Key is not hex (line 2)")) {
            try NISTReader.parse(badHex, path: "n.rsp")
        }
        #expect(throws: VectorFileError.malformed(path: "n.rsp", record: "document", reason: "no CAVP records (Count = …) found")) {
            try NISTReader.parse("# nothing\n", path: "n.rsp")
        }
        #expect(throws: VectorFileError.missing(path: "/nonexistent/x.rsp")) {
            try NISTReader.read(path: "/nonexistent/x.rsp")
        }
    }

    @Test func nistFailRecordIsAnInvalidVector() throws {
        let text = """
            [Taglen = 128]
            Count = 1
            Key = \(String(repeating: "00", count: 32))
            IV = \(String(repeating: "00", count: 12))
            CT =
            AAD =
            Tag = 530f8afbc74536b9a963b4f1c4cb738a
            FAIL
            """
        let file = try NISTReader.parse(text, path: "f.rsp")
        #expect(file.vectors.count == 1)
        #expect(file.vectors[0].expectation == .invalid)
        for backend in TestBackends.available {
            #expect(VectorRunner.run(file, on: backend).tally == .init(passed: 1, failed: 0, skipped: 0))
        }
    }
}
