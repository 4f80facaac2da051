import FrameCrypto
import Testing

@testable import FrameBench

@Suite struct MeetingScheduleTests {
    func snapshot(_ schedule: MeetingSchedule) -> [Int] {
        let v = schedule.view
        var values: [Int] = []
        for t in 0..<schedule.ticks {
            values.append(Int(v.speaker[t]))
            values += (Int(v.audioStart[t])..<Int(v.audioStart[t + 1])).map { Int(v.audioSenders[$0]) }
            for seat in 0..<schedule.seats {
                for stream in 0..<schedule.streams { values.append(v.size(t, seat, stream)) }
            }
        }
        return values
    }

    @Test func theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        let c = MeetingFixtures.configuration(seconds: 2, churn: 2, seed: 7)
        let a = MeetingScheduleBuilder.build(participants: 12, configuration: c)
        let b = MeetingScheduleBuilder.build(participants: 12, configuration: c)
        #expect(snapshot(a) == snapshot(b))
        #expect(a.events == b.events && a.keyframes == b.keyframes)
        var other = c
        other.seed = 8
        #expect(snapshot(MeetingScheduleBuilder.build(participants: 12, configuration: other)) != snapshot(a))
    }

    @Test func theActiveSpeakerIsAnUnmutedParticipantAndChangesEverySecondOrMore() {
        var c = MeetingFixtures.configuration(seconds: 30, unmuted: 4)
        c.model.meanSpeakerTurnSeconds = 3
        let schedule = MeetingScheduleBuilder.build(participants: 8, configuration: c)
        var changes: [Int] = []
        for t in 0..<schedule.ticks {
            let speaker = Int(schedule.view.speaker[t])
            #expect((0..<4).contains(speaker))
            if t > 0, speaker != Int(schedule.view.speaker[t - 1]) {
                changes.append(t)
                #expect(Int(schedule.view.previousSpeaker[t]) == Int(schedule.view.speaker[t - 1]))
            }
        }
        #expect(changes.count >= 3)
        for (a, b) in zip(changes, changes.dropFirst()) { #expect(b - a >= 100) }
    }

    @Test func aLeaveAndAJoinChangeTheRosterAndAskEverySenderForKeyframes() throws {
        let c = MeetingFixtures.configuration(seconds: 3, churn: 2, unmuted: 2)
        let schedule = MeetingScheduleBuilder.build(participants: 6, configuration: c)
        try #require(schedule.events.count == 2)
        let (leave, join) = (schedule.events[0], schedule.events[1])
        #expect(leave.kind == .leave && join.kind == .join && leave.seat == 5 && join.seat == 5)
        #expect(leave.tick == 100 && join.tick == 200)
        let v = schedule.view
        // The leaver neither sends nor receives from its leave until the joiner's first tick.
        #expect(v.receives(leave.tick - 1, 5) && !v.receives(leave.tick, 5))
        #expect(!v.receives(join.tick, 5) && v.receives(join.tick + 1, 5))
        for t in leave.tick...join.tick {
            #expect((0..<schedule.streams).allSatisfy { v.size(t, 5, $0) < 0 })
            #expect((0..<6).allSatisfy { r in MeetingFixtures.receptions(schedule, receiver: r, tick: t).allSatisfy { $0.sender != 5 } })
        }
        // After each event, every present sender's next capture is a keyframe on every layer.
        for event in schedule.events {
            let senders = event.kind == .leave ? 5 : 6
            let burst = schedule.keyframes[(event.tick + 1)..<min(event.tick + 5, schedule.ticks)].reduce(0, +)
            #expect(burst >= senders * schedule.layers)
            #expect(schedule.expiryTicks.isEmpty)
        }
        #expect(schedule.keyframes[(leave.tick - 20)..<leave.tick].reduce(0, +) == 0)
    }

    @Test func theClientSharerAndChurnSeatsAreDistinct() {
        let schedule = MeetingScheduleBuilder.build(participants: 200, configuration: MeetingFixtures.configuration(churn: 2))
        #expect(schedule.clientSeat == 1 && schedule.sharerSeats == [0] && schedule.unmutedSeats == [0, 1, 2, 3, 4])
        #expect(schedule.churnSeat == 199)
        let tiny = MeetingScheduleBuilder.build(participants: 2, configuration: MeetingFixtures.configuration(churn: 2))
        #expect(tiny.churnSeat == nil && tiny.events.isEmpty)
    }

    @Test func aTraceIsReplayedByEveryParticipant() throws {
        let text = "0,audio,90\n0,video:a,500,1\n0,video:b,2000,1\n20,audio,80\n33,video:a,100\n33,video:b,400\n"
        var c = MeetingFixtures.configuration(seconds: 1, churn: 2)
        c.trace = try TraceReader.parse(text)
        let schedule = MeetingScheduleBuilder.build(participants: 3, configuration: c)
        #expect(schedule.layers == 2 && schedule.streams == 4)
        let sizes = Set((0..<schedule.ticks).map { schedule.view.size($0, 1, 1) }.filter { $0 >= 0 })
        #expect(sizes == [500, 100])
        #expect(MeetingFixtures.frames(schedule, seat: 2, stream: 0) > 10)
    }
}
