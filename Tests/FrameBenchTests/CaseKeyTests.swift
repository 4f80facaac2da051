import Testing

@testable import FrameBench

@Suite struct CaseKeyTests {
    static func meeting(threads: Int?, paced: Bool?) -> MeasurementRecord {
        var record = MeasurementRecord(
            suite: "meeting", implementation: "swift", backend: "openssl", frames: 10, bytes: 1000,
            seconds: 0.01, nsPerFrame: PercentileSummary(values: [1, 2, 3]), samples: [1, 2, 3],
            samplesKind: "repetitionRealtimeFactor")
        record.participants = 200
        record.mode = "meeting"
        record.threads = threads
        record.paced = paced
        return record
    }

    @Test func threadCountAndPacingSeparateCases() {
        let one = CaseKey(Self.meeting(threads: 1, paced: false))
        let two = CaseKey(Self.meeting(threads: 2, paced: false))
        let paced = CaseKey(Self.meeting(threads: 1, paced: true))
        #expect(Set([one, two, paced]).count == 3)
        #expect(one < two && one < paced)
        #expect(two.label == "meeting swift openssl 200 participants meeting 2 threads")
        #expect(paced.label == "meeting swift openssl 200 participants meeting paced")
    }

    @Test func anAbsentThreadCountIsOneThreadAndAbsentPacingIsUnpaced() {
        #expect(CaseKey(Self.meeting(threads: nil, paced: nil)) == CaseKey(Self.meeting(threads: 1, paced: false)))
        #expect(CaseKey(Self.meeting(threads: nil, paced: nil)).label == "meeting swift openssl 200 participants meeting")
    }
}
