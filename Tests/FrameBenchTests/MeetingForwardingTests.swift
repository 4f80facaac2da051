import FrameCrypto
import Testing

@testable import FrameBench

@Suite struct MeetingForwardingTests {
    /// 30 participants, one unmuted (seat 0, the only speaker, also the sharer), gallery 25.
    func oneSpeakerSchedule(loudest: Int? = nil) -> MeetingSchedule {
        var c = MeetingFixtures.configuration(seconds: 2, unmuted: 1)
        c.model.loudest = loudest
        return MeetingScheduleBuilder.build(participants: 30, configuration: c)
    }

    @Test func aReceiverGetsTheSpeakerHighTwentyFiveGalleryTilesAudioAndScreen() {
        let schedule = oneSpeakerSchedule()
        let receiver = 5
        var opens: [String: Int] = [:]
        for t in 0..<schedule.ticks {
            for (sender, stream) in MeetingFixtures.receptions(schedule, receiver: receiver, tick: t) {
                opens["\(sender):\(stream)", default: 0] += 1
            }
        }
        let high = schedule.layers, low = 1, screen = schedule.streams - 1
        // Seat 0 speaks: its audio, its highest layer and its screen, every frame of each.
        #expect(opens["0:0"] == MeetingFixtures.frames(schedule, seat: 0, stream: 0))
        #expect(opens["0:\(high)"] == MeetingFixtures.frames(schedule, seat: 0, stream: high))
        #expect(opens["0:\(screen)"] == MeetingFixtures.frames(schedule, seat: 0, stream: screen))
        #expect(opens["0:\(low)"] == nil)
        // Gallery: the first 25 others in join order, skipping the receiver and the speaker.
        let gallery = Array((1..<30).filter { $0 != receiver }.prefix(25))
        #expect(gallery.count == 25 && gallery.last == 26)
        for seat in gallery {
            #expect(opens["\(seat):\(low)"] == MeetingFixtures.frames(schedule, seat: seat, stream: low))
        }
        #expect(Set(opens.keys).count == 3 + 25)
        #expect(opens.keys.allSatisfy { !$0.hasPrefix("\(receiver):") })
        // Muted participants send no audio at all.
        #expect((1..<30).allSatisfy { MeetingFixtures.frames(schedule, seat: $0, stream: 0) == 0 })
    }

    @Test func theSpeakerSeesTheGalleryButNoHighLayerWhenNobodySpokeBefore() {
        let schedule = oneSpeakerSchedule()
        var senders = Set<Int>()
        for t in 0..<schedule.ticks {
            for (sender, stream) in MeetingFixtures.receptions(schedule, receiver: 0, tick: t) {
                #expect(stream == 1)
                senders.insert(sender)
            }
        }
        #expect(senders == Set(1...25))
    }

    @Test func everyReceiverOpensAtMostOneLayerPerSenderAndNeverItself() {
        var c = MeetingFixtures.configuration(seconds: 1, unmuted: 4)
        c.model.galleryTiles = 6
        let schedule = MeetingScheduleBuilder.build(participants: 12, configuration: c)
        for t in 0..<schedule.ticks {
            for r in 0..<12 {
                let list = MeetingFixtures.receptions(schedule, receiver: r, tick: t)
                let video = list.filter { $0.stream >= 1 && $0.stream <= schedule.layers }
                #expect(Set(video.map(\.sender)).count == video.count)
                #expect(video.count <= 7)
                #expect(list.allSatisfy { $0.sender != r })
                #expect(list.filter { $0.stream == 0 }.count <= (r < 4 ? 3 : 4))
            }
        }
    }

    @Test func loudestCapsTheAudioStreamsPerReceiver() {
        var c = MeetingFixtures.configuration(seconds: 1, unmuted: 8)
        c.model.loudest = 2
        let schedule = MeetingScheduleBuilder.build(participants: 10, configuration: c)
        var sawTwo = false
        for t in 0..<schedule.ticks {
            let audio = MeetingFixtures.receptions(schedule, receiver: 9, tick: t).filter { $0.stream == 0 }
            #expect(audio.count <= 2)
            if audio.count == 2 { sawTwo = true }
            let speaker = Int(schedule.view.speaker[t])
            if schedule.view.size(t, speaker, 0) >= 0 { #expect(audio.contains { $0.sender == speaker }) }
        }
        #expect(sawTwo)
    }

    @Test func everySenderSealsEveryLayerAndTheSharerItsScreen() {
        let schedule = MeetingScheduleBuilder.build(participants: 4, configuration: MeetingFixtures.configuration(seconds: 1))
        for seat in 0..<4 {
            let captures = MeetingFixtures.frames(schedule, seat: seat, stream: 1)
            #expect((29...31).contains(captures))
            for layer in 1...schedule.layers {
                #expect(MeetingFixtures.frames(schedule, seat: seat, stream: layer) == captures)
            }
            #expect(MeetingFixtures.frames(schedule, seat: seat, stream: schedule.streams - 1) == (seat == 0 ? 5 : 0))
            #expect(MeetingFixtures.frames(schedule, seat: seat, stream: 0) == 50)
        }
    }
}
