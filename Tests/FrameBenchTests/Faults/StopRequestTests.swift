import Testing

@testable import FrameBench

#if canImport(Glibc)
import Glibc
#endif

/// The stop request the signal handler sets, and how the suites honour it.
@Suite struct StopRequestTests {
    @Test func theFirstSignalIsKeptAndNamed() {
        let stop = StopRequest()
        #expect(!stop.isRequested && stop.signalName == nil && stop.exitStatus == nil)
        #expect(stop.request(signal: SIGTERM))
        #expect(!stop.request(signal: SIGINT))
        #expect(stop.isRequested && stop.signalName == "SIGTERM" && stop.exitStatus == 143)
        #expect(!stop.skippedWork)
    }

    @Test func suitesStoppedBeforeTheirFirstCaseRecordNothingAndSaySo() throws {
        var frames = FramesSuiteConfiguration()
        frames.frameSizes = [64]
        frames.length = .count(100)
        frames.warmupSeconds = 0
        let stop = StopRequest()
        stop.request(signal: SIGINT)
        #expect(try FramesSuite.run(frames, stop: stop).isEmpty)
        #expect(stop.skippedWork)

        var meeting = MeetingSuiteConfiguration()
        meeting.participants = [3]
        meeting.seconds = 0.2
        let meetingStop = StopRequest()
        meetingStop.request(signal: SIGINT)
        #expect(try MeetingSuite.run(meeting, stop: meetingStop).isEmpty)
        #expect(meetingStop.skippedWork)
    }

    @Test func aRequestAfterTheLastCaseSkipsNothing() throws {
        var frames = FramesSuiteConfiguration()
        frames.frameSizes = [64]
        frames.operations = [.seal]
        frames.length = .count(100)
        frames.warmupSeconds = 0
        let stop = StopRequest()
        var records = 0
        let result = try FramesSuite.run(frames, stop: stop) { line in
            // The last group's result line: the request comes after everything was measured.
            if line.hasSuffix(" ns") { records += 1; stop.request(signal: SIGINT) }
        }
        #expect(records == 1 && !result.isEmpty && !stop.skippedWork)
    }
}
