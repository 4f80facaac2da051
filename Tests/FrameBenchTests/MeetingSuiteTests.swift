import Foundation
import FrameCrypto
import Testing

@testable import FrameBench

@Suite struct MeetingSuiteTests {
    let backend = BackendRegistry.available[0]

    @Test func meetingModeSealsEveryFrameAndOpensEveryForwardedFrame() throws {
        let c = MeetingFixtures.configuration(seconds: 0.5, warmup: 0.1, churn: 2)
        let schedule = MeetingScheduleBuilder.build(participants: 8, configuration: c)
        let expected = MeetingFixtures.workCounts(schedule, mode: .meeting)
        let record = try #require(try MeetingSuite.runCase(participants: 8, mode: .meeting, backends: [backend], configuration: c).first)
        #expect(record.extra?["seals"] == Double(expected.seals))
        #expect(record.extra?["opens"] == Double(expected.opens))
        #expect(record.frames == expected.seals + expected.opens)
        #expect(record.extra?["rekeys"] == 2)
        #expect((record.extra?["oldEpochOpens"] ?? 0) > 0)
        #expect((record.extra?["keyframes"] ?? 0) >= Double(7 * 3))
    }

    @Test func clientModeDoesOneParticipantsWork() throws {
        let c = MeetingFixtures.configuration(seconds: 0.5, churn: 2)
        let schedule = MeetingScheduleBuilder.build(participants: 8, configuration: c)
        let expected = MeetingFixtures.workCounts(schedule, mode: .client)
        let meeting = MeetingFixtures.workCounts(schedule, mode: .meeting)
        let record = try #require(try MeetingSuite.runCase(participants: 8, mode: .client, backends: [backend], configuration: c).first)
        #expect(record.extra?["seals"] == Double(expected.seals))
        #expect(record.extra?["opens"] == Double(expected.opens))
        // Every frame the client opens was sealed untimed (the first tick of each slice twice).
        #expect((record.extra?["untimedSeals"] ?? 0) >= Double(expected.opens))
        #expect(expected.seals * 4 < meeting.seals && expected.opens * 4 < meeting.opens)
        #expect(record.extra?["rekeys"] == 2 && record.extra?["rekeyClientMs"] != nil)
    }

    @Test func twoThreadsDoExactlyTheWorkOfOneInTheSameCase() throws {
        var c = MeetingFixtures.configuration(seconds: 0.4, churn: 2)
        c.alsoThreads = [2]
        let records = try MeetingSuite.runCase(participants: 9, mode: .meeting, backends: [backend], configuration: c)
        try #require(records.count == 2)
        let (one, two) = (records[0], records[1])
        #expect(one.threads == 1 && two.threads == 2)
        #expect(two.extra?["seals"] == one.extra?["seals"] && two.extra?["opens"] == one.extra?["opens"])
        #expect(two.bytes == one.bytes && two.extra?["oldEpochOpens"] == one.extra?["oldEpochOpens"])
        #expect(two.extra?["harnessShare"] != nil && two.extra?["threadEfficiency"] != nil)
        let client = try MeetingSuite.runCase(participants: 9, mode: .client, backends: [backend], configuration: c)
        #expect(client.count == 1 && client[0].threads == 1)
    }

    @Test func oldEpochFramesOpenOnlyThanksToTheGracePeriod() throws {
        var c = MeetingFixtures.configuration(seconds: 0.6, churn: 1)
        c.model.gracePeriodMilliseconds = 100
        let record = try #require(try MeetingSuite.runCase(participants: 6, mode: .meeting, backends: [backend], configuration: c).first)
        #expect(record.extra?["graceExpiries"] == 1 && (record.extra?["oldEpochOpens"] ?? 0) > 0)
        c.model.gracePeriodMilliseconds = 0
        #expect(throws: SuiteError.self) {
            try MeetingSuite.runCase(participants: 6, mode: .meeting, backends: [backend], configuration: c)
        }
    }

    @Test func recordsHaveTheRequiredFieldsAndRoundTrip() throws {
        var c = MeetingFixtures.configuration(seconds: 0.3, churn: 2)
        c.repetitions = 3
        c.backends = []
        c.participants = [2]
        let records = try MeetingSuite.run(c)
        #expect(records.count == BackendRegistry.available.count)
        for r in records {
            #expect(r.suite == "meeting" && r.implementation == "swift" && r.participants == 2 && r.mode == "meeting")
            #expect(r.paced == false && r.threads == 1)
            #expect((r.realtimeFactor ?? 0) > 0 && r.seconds > 0 && r.frames > 0 && r.bytes > 0)
            #expect(r.samples.count == 3 && r.samplesKind == "sliceNsPerFrame" && r.realtimeFactorSamples?.count == 3)
            #expect(r.nsPerFrame.p50 > 0 && r.nsPerFrame.max >= r.nsPerFrame.p99)
            for key in ["mediaSeconds", "busySeconds", "realtimeFactorPerCPUSecond", "harnessShare", "seals", "opens", "rekeys"] {
                #expect(r.extra?[key] != nil, "missing extra.\(key)")
            }
        }
        let environment = RunEnvironment.current()
        let document = ResultsDocument(
            createdAt: "2026-01-01T00:00:00Z", environment: environment,
            configuration: c.runConfiguration(backendNames: ["openssl"]), measurements: records)
        let decoded = try ResultsFile.decode(try ResultsFile.encode(document), path: "memory")
        #expect(decoded == document)
        let csv = ResultsCSV.render(records).split(separator: "\n")
        // Threads and paced, no layer and no key count, per frame (no MTU), the bytes per frame, suite 5,
        // no working set (name, bytes).
        let row = csv[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(csv.count == records.count + 1 && csv[1].hasPrefix("meeting,swift,"))
        #expect(Array(row.suffix(10)) == ["1", "false", "", "", "frame", "", row[row.count - 4], "5", "", ""])
        #expect(Double(row[row.count - 4]) == records[0].overheadBytesPerFrame)
    }

    @Test func pacedCasesReportLatencyAndDeadlines() throws {
        var c = MeetingFixtures.configuration(seconds: 0.2, churn: 0)
        c.paced = true
        let record = try #require(try MeetingSuite.runCase(participants: 3, mode: .meeting, backends: [backend], configuration: c).first)
        let e = try #require(record.extra)
        #expect(record.paced == true && e["deadlineMs"] == 20)
        #expect(e["latencyP50Ms"] != nil && e["latencyP99Ms"] != nil && (e["latencyMaxMs"] ?? -1) >= (e["latencyP99Ms"] ?? 0))
        #expect((e["missedDeadlineFrames"] ?? -1) >= 0 && (e["missedDeadlineFrames"] ?? 0) <= Double(record.frames))
    }

    @Test func badConfigurationsAreRejectedBeforeMeasuring() {
        func rejects(_ change: (inout MeetingSuiteConfiguration) -> Void) -> Bool {
            var c = MeetingSuiteConfiguration()
            change(&c)
            do {
                _ = try c.resolvedBackends()
                return false
            } catch {
                return true
            }
        }
        #expect(rejects { $0.participants = [0] })
        #expect(rejects { $0.participants = [-3] })
        #expect(rejects { $0.participants = [] })
        #expect(rejects { $0.participants = [5, 5] })
        #expect(rejects { $0.participants = [201] })
        #expect(
            !rejects {
                $0.participants = [201]; $0.beyondE2EECap = true
            })
        #expect(rejects { $0.backends = ["nope"] })
        #expect(
            rejects {
                $0.modes = [.client]; $0.threads = 2
            })
        #expect(rejects { $0.threads = 0 })
        #expect(rejects { $0.alsoThreads = [1] })
        #expect(rejects { $0.alsoThreads = [65] })
        #expect(rejects { $0.seconds = 0 })
        #expect(rejects { $0.model.galleryLayer = 3 })
        #expect(rejects { $0.model.loudest = 0 })
        #expect(!rejects { _ in })
        var c = MeetingSuiteConfiguration()
        c.participants = [250]
        #expect(throws: SuiteError.self) { try c.resolvedBackends() }
        #expect(throws: SuiteError.crypto(.unknownBackend("nope", known: BackendRegistry.selectableNames))) {
            var bad = MeetingSuiteConfiguration()
            bad.backends = ["nope"]
            _ = try bad.resolvedBackends()
        }
    }
}
