import Synchronization
import Testing

@testable import FrameBench

@Suite struct MeetingPacingTests {
    @Test func deadlineAccountingCountsFramesAndTicksPastTheDeadline() {
        let ms: Int64 = 1_000_000
        // Two threads, four ticks; thread 1 is late in tick 1, both in tick 3 (one with no frames).
        let latencies: [[Int64]] = [[1 * ms, 2 * ms, -1 * ms, 30 * ms], [2 * ms, 25 * ms, 3 * ms, 40 * ms]]
        let frames = [[10, 10, 10, 4], [5, 3, 5, 0]]
        let s = PacedAccounting.summarize(latencies: latencies, frames: frames, deadline: 20 * ms)
        #expect(s.frames == 47)
        #expect(s.missedFrames == 3 + 4)
        #expect(s.missedTicks == 2)
        #expect(s.ticks == 4)
        #expect(abs(s.missedFraction - 7.0 / 47.0) < 1e-12)
        #expect(s.max == Double(30 * ms))
        #expect(abs(s.p50 - Double(2 * ms)) <= Double(2 * ms) / 1000)
        #expect(s.p99 >= Double(25 * ms) && s.p99 <= Double(30 * ms))
    }

    @Test func nothingLateMeansNothingMissed() {
        let s = PacedAccounting.summarize(latencies: [[5, 6, 7]], frames: [[1, 1, 1]], deadline: 20)
        #expect(s.missedFrames == 0 && s.missedTicks == 0 && s.missedFraction == 0 && s.max == 7)
    }

    @Test func theBarrierHoldsEveryThreadUntilAllArrive() {
        let threads = 4, rounds = 200
        let barrier = SpinBarrier(parties: threads)
        let arrivals = Atomic<Int>(0)
        let violations = Atomic<Int>(0)
        WorkerThreads.run(count: threads) { _ in
            for round in 1...rounds {
                arrivals.wrappingAdd(1, ordering: .relaxed)
                barrier.wait()
                if arrivals.load(ordering: .relaxed) < round * threads { violations.wrappingAdd(1, ordering: .relaxed) }
                barrier.wait()
            }
        }
        #expect(arrivals.load(ordering: .relaxed) == threads * rounds)
        #expect(violations.load(ordering: .relaxed) == 0)
    }

    @Test func slicesCoverTheMeasuredTicksInOrder() {
        #expect(MeetingSlices.ranges(10..<20, parts: 3) == [10..<13, 13..<16, 16..<20])
        #expect(MeetingSlices.ranges(0..<2, parts: 5) == [0..<1, 1..<2])
    }
}
