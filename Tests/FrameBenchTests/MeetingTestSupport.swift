import FrameCrypto

@testable import FrameBench

/// Shared fixtures of the meeting-suite tests.
enum MeetingFixtures {
    /// A short, quick configuration: `seconds` of media, no warm-up, no churn, 2 slices.
    static func configuration(
        seconds: Double = 1, warmup: Double = 0, churn: Int = 0, unmuted: Int = 5, seed: UInt64 = 1
    ) -> MeetingSuiteConfiguration {
        var c = MeetingSuiteConfiguration()
        c.seconds = seconds
        c.warmupSeconds = warmup
        c.model.churnEvents = churn
        c.model.unmuted = unmuted
        c.repetitions = 2
        c.seed = seed
        c.backends = [BackendRegistry.available[0].info.name]
        return c
    }

    /// Every (sender, stream) forwarded to `receiver` at `tick`.
    static func receptions(_ schedule: MeetingSchedule, receiver: Int, tick: Int) -> [(sender: Int, stream: Int)] {
        var list: [(Int, Int)] = []
        schedule.view.forEachReception(receiver: receiver, tick: tick) { sender, stream in list.append((sender, stream)) }
        return list
    }

    /// Frames `seat` sends on `stream` over `ticks`.
    static func frames(_ schedule: MeetingSchedule, seat: Int, stream: Int, ticks: Range<Int>? = nil) -> Int {
        (ticks ?? 0..<schedule.ticks).filter { schedule.view.size($0, seat, stream) >= 0 }.count
    }

    /// Seals and opens of the measured ticks, counted from the schedule: every frame of
    /// every seat and every reception of every receiver (meeting mode), or the client's.
    static func workCounts(_ schedule: MeetingSchedule, mode: MeetingMode) -> (seals: Int, opens: Int) {
        var seals = 0, opens = 0
        let seats = mode == .client ? [schedule.clientSeat] : Array(0..<schedule.seats)
        for t in schedule.warmupTicks..<schedule.ticks {
            for seat in seats {
                seals += (0..<schedule.streams).filter { schedule.view.size(t, seat, $0) >= 0 }.count
                opens += receptions(schedule, receiver: seat, tick: t).count
            }
        }
        return (seals, opens)
    }
}
