import FrameCrypto
import Testing

@testable import FrameBench

@Suite struct RunJobTests {
    @Test func theJobCoversBothSuitesAndQuickIsSmaller() throws {
        let full = RunJob(), quick = RunJob(quick: true)
        #expect(full.frames.frameSizes == [64, 1200, 65536] && full.frames.operations == [.seal, .open])
        // Multi-core scaling at 1200 B only: 1 thread, then powers of two up to the CPUs (at most 8).
        let counts = RunJob.scalingThreadCounts
        #expect(full.frames.threadCounts == counts && full.frames.scalingFrameSizes == [1200])
        #expect(counts.first == 1 && counts.allSatisfy { $0 <= 8 } && zip(counts, counts.dropFirst()).allSatisfy { $0 < $1 })
        #expect(full.frames.scalingGroups == (counts.count > 1 ? 2 : 0))
        let parts = full.meetings.map(\.configuration)
        #expect(parts[0].modes == [.client, .meeting] && !parts[0].paced)
        #expect(parts[1].threadCounts == [1, 2] && parts[1].participants == [200] && parts[1].modes == [.client, .meeting])
        #expect(parts[2].paced && parts[2].modes == [.meeting])
        #expect(quick.meetings[0].configuration.seconds < parts[0].seconds)
        #expect(quick.meetings[0].configuration.participants.count < parts[0].participants.count)
        #expect(try quick.validate() == BackendRegistry.available.map { $0.info.name })
        #expect(throws: RunJobError.self) { try RunJob(backends: ["nope"]).validate() }
        #expect(full.runConfiguration(backendNames: ["openssl"]).suite == "run")
        // The suite chooser's part: every SFrame suite at an audio frame and a packet, both operations.
        #expect(full.suites.cipherSuites == SFrameCipherSuite.allCases && full.suites.frameSizes == [100, 1200])
        #expect(full.suites.operations == [.seal, .open] && full.suites.includeReference)
        #expect(full.runConfiguration(backendNames: ["openssl"]).extra?["suites.cipherSuites"] == "1,2,3,4,5,6,7,8")
    }

    @Test func theSummaryNamesTheKeyNumbers() {
        func record(_ suite: String, _ backend: String, _ change: (inout MeasurementRecord) -> Void) -> MeasurementRecord {
            var r = MeasurementRecord(
                suite: suite, implementation: "swift", backend: backend, frames: 100, bytes: 6400, seconds: 0.001,
                nsPerFrame: PercentileSummary(values: [100, 110, 120]), samples: [], samplesKind: "x")
            change(&r)
            return r
        }
        var records: [MeasurementRecord] = []
        for size in [64, 1200, 65536] {
            records.append(
                record("frames", "openssl") {
                    $0.operation = "seal"; $0.frameSize = size; $0.referenceRatio = 1.02
                })
        }
        for (n, mode, threads) in [(200, "meeting", 1), (200, "client", 1), (200, "meeting", 2)] {
            records.append(
                record("meeting", "openssl") {
                    $0.participants = n
                    $0.mode = mode
                    $0.threads = threads
                    $0.paced = false
                    $0.realtimeFactor = threads == 2 ? 7.5 : 4.0
                    $0.extra = [
                        "harnessShare": 0.031, "rekeys": 2, "rekeyLeaderMs": 15, "rekeyParticipantMeanMs": 6,
                        "rekeyParticipantMaxMs": 9, "rekeyMeetingMs": 1200, "rekeyClientMs": 6.5, "loadImbalance": 1.05,
                    ]
                })
        }
        let text = RunSummary.render(records)
        #expect(text.contains("Frames:") && text.contains("1.02"))
        #expect(text.contains("4.0× (3.1%)"))
        #expect(text.contains("speed-up 1.88"))
        #expect(text.contains("Rekey at 200 participants") && text.contains("199 shares 15.0 ms"))
        #expect(text.contains("Harness share, meeting mode: at most 3.1%"))
    }
}
