import FrameCrypto
import Testing

extension KeysTests {
    /// The grace period ends on media time or, at the latest, on wall-clock time: media
    /// that stops must not keep a departed participant's epoch open for ever.
    @Suite struct GraceWallClockTests {
        typealias Keyring = ParticipantKeyring<OpenSSLContext>

        static let meetingID = MeetingID(high: 18, low: 3)

        @Test func previousKeysGoWhenTheWallClockLimitPassesWithoutMedia() throws {
            let start = ContinuousClock.now
            let first = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            var bob = try Keyring(
                participant: 1, meetingKey: first, participants: [0, 1], gracePeriod: .seconds(10),
                graceWallClockLimit: .seconds(5))
            try bob.rekey(to: MeetingKey.generate(meetingID: Self.meetingID, epoch: 2), participants: [0, 1], now: start)
            #expect(bob.graceWallClockDeadline == start.advanced(by: .seconds(5)))
            #expect(bob.advance(toMediaTime: .seconds(1), now: start.advanced(by: .seconds(4))) == 0)
            #expect(bob.previousEpoch == 1)
            // Media time stalled at 1 s; the wall clock reaches the cap.
            #expect(bob.advance(toMediaTime: .seconds(1), now: start.advanced(by: .seconds(5))) == 3)
            #expect(bob.previousEpoch == nil && bob.graceDeadline == nil && bob.graceWallClockDeadline == nil)
        }

        @Test func mediaTimeStillEndsItFirstAndNilMeansNoCap() throws {
            let start = ContinuousClock.now
            let first = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            var bob = try Keyring(
                participant: 1, meetingKey: first, participants: [0, 1], gracePeriod: .seconds(10), graceWallClockLimit: nil)
            #expect(Keyring.defaultGraceWallClockLimit == .seconds(30))
            try bob.rekey(to: MeetingKey.generate(meetingID: Self.meetingID, epoch: 2), participants: [0, 1], now: start)
            #expect(bob.graceWallClockDeadline == nil)
            #expect(bob.advance(toMediaTime: .seconds(9), now: start.advanced(by: .seconds(3600))) == 0)
            #expect(bob.advance(toMediaTime: .seconds(10), now: start) == 3)
        }
    }
}
