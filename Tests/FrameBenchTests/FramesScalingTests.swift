import FrameCrypto
import Testing

@testable import FrameBench

@Suite struct FramesScalingTests {
    func configuration(threads: [Int], length: RunLength) -> FramesSuiteConfiguration {
        var c = FramesSuiteConfiguration()
        c.backends = ["openssl", "sodium"].filter { name in BackendRegistry.available.contains { $0.info.name == name } }
        c.frameSizes = [64]
        c.operations = [.seal, .open]
        c.length = length
        c.warmupSeconds = 0
        c.batchSize = 16
        c.repetitions = 5
        c.includeReference = false
        c.threadCounts = threads
        return c
    }

    @Test func anNThreadCaseDoesExactlyNTimesTheFramesAndReportsItsFields() throws {
        let c = configuration(threads: [1, 3], length: .count(1000))
        let records = try FramesSuite.run(c)
        let single = records.filter { $0.threads == 1 }
        let scaled = records.filter { $0.threads == 3 }
        #expect(single.count == c.backends.count * 2)
        #expect(scaled.count == single.count)
        for record in scaled {
            #expect(record.suite == "frames" && record.implementation == "swift")
            #expect(record.frames == 3 * 1000)
            #expect(record.bytes == 3 * 1000 * 64)
            #expect(record.batches == 3 * 5 * 13)  // per thread: 5 slices of 200 frames, 13 batches each (12 × 16 + 8)
            #expect(record.batchSize == 16)
            #expect(record.samples.count == 5)
            #expect(record.referenceRatio == nil)
            #expect(record.nsPerFrame.p50 > 0 && record.nsPerFrame.max >= record.nsPerFrame.p99)
            #expect(abs(record.framesPerSecond * record.seconds - Double(record.frames)) < 1)
            let extra = try #require(record.extra)
            let speedup = try #require(extra["speedup"]), efficiency = try #require(extra["efficiency"])
            let singleRate = try #require(extra["singleThreadFramesPerSecond"])
            #expect(speedup > 0 && singleRate > 0)
            #expect(abs(efficiency - speedup / 3) < 1e-12)
            #expect(abs(speedup - record.framesPerSecond / singleRate) < 1e-9 * speedup)
            #expect(extra["singleThreadNsPerFrameP99"] != nil)
            #expect(extra["singleThreadFrames"] == 1000)
            let singleP50 = try #require(extra["singleThreadNsPerFrameP50"])
            #expect(abs(try #require(extra["perThreadSlowdownP50"]) - record.nsPerFrame.p50 / singleP50) < 1e-12)
        }
    }

    @Test func timeModeGivesTheSameFramesPerThreadAtEveryCount() throws {
        let c = configuration(threads: [2], length: .seconds(0.01))
        let records = try FramesSuite.run(c)
        for record in records where record.threads == 2 {
            let single = try #require(record.extra?["singleThreadFrames"])
            // Whole batches of 16 per slice, the same on each thread and at each count.
            #expect(Double(record.frames) == 2 * single)
            #expect(Int(single) % (16 * 5) == 0)
            #expect(record.seconds > 0 && (record.extra?["speedup"] ?? 0) > 0)
        }
        #expect(records.filter { $0.threads == 2 }.count == c.backends.count * 2)
    }

    @Test func oneThreadAddsNoScalingRecordsAndCountsAreChecked() throws {
        var c = configuration(threads: [1], length: .count(50))
        #expect(c.scalingThreadCounts.isEmpty)
        #expect(try FramesSuite.run(c).allSatisfy { $0.threads == 1 })
        c.threadCounts = [4, 2]
        #expect(c.scalingThreadCounts == [1, 2, 4])
        #expect(c.runConfiguration(backendNames: []).extra?["threadCounts"] == "1,2,4")
        c.threadCounts = [0]
        #expect(throws: SuiteError.self) { try c.resolvedBackends() }
        c.threadCounts = [2, 2]
        #expect(throws: SuiteError.self) { try c.resolvedBackends() }
        c.threadCounts = []
        #expect(throws: SuiteError.self) { try c.resolvedBackends() }
    }

    @Test func slicePlanSplitsCountsExactlyAndTimeInWholeBatches() {
        let backend: AEADBackend = OpenSSLContext.self
        let calibration = FramesScaling.Calibration(backend: backend, batchSize: 10, nanosecondsPerFrame: 100)
        let counted = SlicePlan(calibrations: [calibration], length: .count(1003), repetitions: 4)
        #expect(counted.frames[0].reduce(0, +) == 1003 && counted.slices == 4)
        #expect(counted.frames[0] == [250, 251, 251, 251])
        #expect(counted.batches(backend: 0) == 25 + 26 + 26 + 26)
        // 0.01 s over 4 slices: 2.5 ms each; 100 ns frames in batches of 10: 25 000 frames.
        let timed = SlicePlan(calibrations: [calibration], length: .seconds(0.01), repetitions: 4)
        #expect(timed.frames[0] == [25000, 25000, 25000, 25000])
        // A slice is never shorter than one batch.
        let tiny = SlicePlan(calibrations: [calibration], length: .seconds(1e-6), repetitions: 4)
        #expect(tiny.frames[0] == [10, 10, 10, 10])
    }
}
