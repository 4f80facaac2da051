import FrameCrypto
import Testing

extension KeysTests {
    /// One participant's SFrame keys across epochs: senders and receive keys per epoch, the
    /// grace period in media time, and rekeys on join and leave.
    @Suite struct ParticipantKeyringTests {
        typealias Keyring = ParticipantKeyring<OpenSSLContext>

        static let meetingID = MeetingID(high: 42, low: 7)

        @Test func installsEveryOtherParticipantsStreams() throws {
            let key = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            let alice = try Keyring(participant: 0, meetingKey: key, participants: [0, 1, 2, 3, 3])
            #expect(alice.receiveKeyCount == 3 * 3)
            for other in UInt32(1)...3 {
                for kind in StreamKind.allCases {
                    let installed = alice.canOpen(keyID: SenderKeyID(participant: other, kind: kind, epoch: 1).rawValue)
                    #expect(installed)
                }
            }
            let ownInstalled = alice.canOpen(keyID: alice.keyID(for: .audio))
            #expect(!ownInstalled)
            #expect(alice.keyID(for: .video) == SenderKeyID(participant: 0, kind: .video, epoch: 1).rawValue)
            #expect(alice.epoch == 1 && alice.previousEpoch == nil && alice.graceDeadline == nil)
        }

        @Test func framesOfEveryStreamOpenAtTheOtherParticipant() throws {
            let key = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            var alice = try Keyring(participant: 0, meetingKey: key, participants: [0, 1])
            var bob = try Keyring(participant: 1, meetingKey: key, participants: [0, 1])
            for kind in StreamKind.allCases {
                let payload = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ Int(kind.rawValue)) }
                let frame = try Self.sealFrame(&alice, kind, payload)
                let (opened, plaintext) = try Self.openFrame(&bob, frame).get()
                #expect(plaintext == payload)
                #expect(opened.keyID == alice.keyID(for: kind))
                #expect(SenderKeyID(rawValue: opened.keyID) == SenderKeyID(participant: 0, kind: kind, epoch: 1))
            }
        }

        @Test func previousEpochOpensWithinTheGracePeriodAndNotAfter() throws {
            let first = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            let everyone: [UInt32] = [0, 1, 2]
            var alice = try Keyring(participant: 0, meetingKey: first, participants: everyone)
            var bob = try Keyring(participant: 1, meetingKey: first, participants: everyone)
            let inFlight = try (0..<3).map { _ in try Self.sealFrame(&alice, .audio, [1, 2, 3]) }
            let oldKID = alice.keyID(for: .audio)

            bob.advance(toMediaTime: .seconds(5))
            let second = MeetingKey.generate(meetingID: Self.meetingID, epoch: 2)
            try alice.rekey(to: second, participants: everyone)
            try bob.rekey(to: second, participants: everyone)
            #expect(bob.epoch == 2 && bob.previousEpoch == 1)
            #expect(bob.graceDeadline == .seconds(15))
            #expect(bob.receiveKeyCount == 2 * 2 * 3)
            #expect(alice.keyID(for: .audio) != oldKID)

            #expect(try Self.openFrame(&bob, inFlight[0]).get().plaintext == [1, 2, 3])
            let fresh = try Self.sealFrame(&alice, .audio, [4, 5])
            #expect(try Self.openFrame(&bob, fresh).get().plaintext == [4, 5])
            #expect(bob.advance(toMediaTime: .milliseconds(14_999)) == 0)
            #expect(try Self.openFrame(&bob, inFlight[1]).get().plaintext == [1, 2, 3])

            #expect(bob.advance(toMediaTime: .seconds(15)) == 2 * 3)
            #expect(bob.previousEpoch == nil && bob.graceDeadline == nil && bob.receiveKeyCount == 2 * 3)
            #expect(Self.openError(&bob, inFlight[2]) == .unknownKeyID(oldKID))
            #expect(try Self.openFrame(&bob, try Self.sealFrame(&alice, .audio, [6])).get().plaintext == [6])
            // Media time never goes back.
            #expect(bob.advance(toMediaTime: .seconds(1)) == 0 && bob.mediaTime == .seconds(15))
        }

        @Test func secondRekeyInsideTheGracePeriodDropsTheOldestEpoch() throws {
            let everyone: [UInt32] = [0, 1]
            let first = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            var alice = try Keyring(participant: 0, meetingKey: first, participants: everyone)
            var bob = try Keyring(participant: 1, meetingKey: first, participants: everyone)
            let epoch1 = try Self.sealFrame(&alice, .video, [1])
            let second = MeetingKey.generate(meetingID: Self.meetingID, epoch: 2)
            try alice.rekey(to: second, participants: everyone)
            try bob.rekey(to: second, participants: everyone)
            let epoch2 = try Self.sealFrame(&alice, .video, [2])
            try bob.rekey(to: MeetingKey.generate(meetingID: Self.meetingID, epoch: 3), participants: everyone)
            #expect(bob.previousEpoch == 2 && bob.receiveKeyCount == 2 * 3)
            #expect(Self.openError(&bob, epoch1) == .unknownKeyID(SenderKeyID(participant: 0, kind: .video, epoch: 1).rawValue))
            #expect(try Self.openFrame(&bob, epoch2).get().plaintext == [2])
        }

        @Test func epochJumpOfSixteenDropsThePreviousKeysAtOnce() throws {
            let everyone: [UInt32] = [0, 1]
            let first = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            var alice = try Keyring(participant: 0, meetingKey: first, participants: everyone)
            var bob = try Keyring(participant: 1, meetingKey: first, participants: everyone)
            let old = try Self.sealFrame(&alice, .audio, [9])
            try bob.rekey(to: MeetingKey.generate(meetingID: Self.meetingID, epoch: 17), participants: everyone)
            #expect(bob.previousEpoch == nil && bob.receiveKeyCount == 3)
            // Same KID, new key: the old frame no longer authenticates.
            #expect(Self.openError(&bob, old) == .authenticationFailed)
        }

        @Test func zeroGraceRemovesThePreviousKeysAtTheRekey() throws {
            let first = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            var bob = try Keyring(participant: 1, meetingKey: first, participants: [0, 1], gracePeriod: .zero)
            try bob.rekey(to: MeetingKey.generate(meetingID: Self.meetingID, epoch: 2), participants: [0, 1])
            #expect(bob.receiveKeyCount == 3 && bob.previousEpoch == nil)
        }

        @Test func rejectsStaleOtherMeetingAndOverfullKeysUnchanged() throws {
            let first = MeetingKey.generate(meetingID: Self.meetingID, epoch: 5)
            var bob = try Keyring(participant: 1, meetingKey: first, participants: [0, 1, 2], receiverCapacity: 8)
            #expect(
                Self.rekeyError(&bob, MeetingKey.generate(meetingID: Self.meetingID, epoch: 5), [0, 1, 2])
                    == .staleEpoch(received: 5, current: 5))
            #expect(
                Self.rekeyError(&bob, MeetingKey.generate(meetingID: MeetingID(high: 1, low: 1), epoch: 6), [0, 1, 2])
                    == .wrongMeeting)
            #expect(
                Self.rekeyError(&bob, MeetingKey.generate(meetingID: Self.meetingID, epoch: 6), [0, 1, 2])
                    == .keyStoreFull(capacity: 8))
            #expect(bob.epoch == 5 && bob.receiveKeyCount == 6)
            #expect(throws: FrameCryptoError.keyStoreFull(capacity: 5)) {
                _ = try Keyring(participant: 2, meetingKey: first, participants: [0, 1, 2], receiverCapacity: 5)
            }
        }

        @Test func rekeyOnJoinAndLeaveThroughKeyShares() throws {
            var (meeting, people) = try KeyFixtures.meeting(3)
            let leader = people[0]
            let first = meeting.rekey()
            var bob = try Keyring(participant: 1, meetingKey: first, participants: meeting.presentIndices)
            var carol = try Keyring(participant: 2, meetingKey: first, participants: meeting.presentIndices)

            // Dave joins: epoch 2, and Bob and Dave exchange media under it.
            let dave = KeyFixtures.Person(try meeting.join())
            let second = meeting.rekey()
            let shares2 = try leader.identity.distribute(meetingKey: second, to: meeting.present)
            let leaderKeys = leader.publicKeys
            let bobKey2 = try people[1].identity.accept(
                share: try Self.share(for: 1, in: shares2), from: leaderKeys, meetingID: meeting.id, currentEpoch: bob.epoch)
            let daveKey2 = try dave.identity.accept(
                share: try Self.share(for: 3, in: shares2), from: leaderKeys, meetingID: meeting.id, currentEpoch: 0)
            let carolKey2 = try people[2].identity.accept(
                share: try Self.share(for: 2, in: shares2), from: leaderKeys, meetingID: meeting.id, currentEpoch: carol.epoch)
            try bob.rekey(to: bobKey2, participants: meeting.presentIndices)
            try carol.rekey(to: carolKey2, participants: meeting.presentIndices)
            var daveRing = try Keyring(participant: 3, meetingKey: daveKey2, participants: meeting.presentIndices)
            let bobHearsDave = bob.canOpen(keyID: daveRing.keyID(for: .video))
            #expect(bob.epoch == 2 && bobHearsDave)
            #expect(try Self.openFrame(&bob, try Self.sealFrame(&daveRing, .video, [7, 7])).get().plaintext == [7, 7])
            #expect(try Self.openFrame(&daveRing, try Self.sealFrame(&bob, .audio, [8])).get().plaintext == [8])

            // Carol leaves: epoch 3 without her; she cannot read what Bob sends under it.
            let carolsLastFrame = try Self.sealFrame(&carol, .screen, [3])
            meeting.leave(2)
            let third = meeting.rekey()
            let shares3 = try leader.identity.distribute(meetingKey: third, to: meeting.present)
            #expect(!shares3.contains { $0.recipientIndex == 2 })
            let bobKey3 = try people[1].identity.accept(
                share: try Self.share(for: 1, in: shares3), from: leaderKeys, meetingID: meeting.id, currentEpoch: bob.epoch)
            try bob.rekey(to: bobKey3, participants: meeting.presentIndices)
            #expect(bob.epoch == 3)
            let bobHearsCarol = bob.canOpen(keyID: SenderKeyID(participant: 2, kind: .audio, epoch: 3).rawValue)
            #expect(!bobHearsCarol)
            let bobsNewFrame = try Self.sealFrame(&bob, .audio, [5])
            #expect(Self.openError(&carol, bobsNewFrame) == .unknownKeyID(bob.keyID(for: .audio)))
            // Her frame already in flight still opens within the grace period, then not.
            #expect(try Self.openFrame(&bob, carolsLastFrame).get().plaintext == [3])
            bob.advance(toMediaTime: Keyring.defaultGracePeriod)
            #expect(
                Self.openError(&bob, try Self.sealFrame(&carol, .screen, [4]))
                    == .unknownKeyID(SenderKeyID(participant: 2, kind: .screen, epoch: 2).rawValue))
        }
    }
}

extension KeysTests.ParticipantKeyringTests {
    /// Seals `payload` on `keyring`'s `kind` stream with empty metadata.
    static func sealFrame(_ keyring: inout Keyring, _ kind: StreamKind, _ payload: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: payload.count + SFrameSender<OpenSSLContext>.maxOverhead)
        var span = output.mutableSpan
        let count = try keyring.seal(kind, plaintext: payload.span, metadata: [UInt8]().span, into: &span)
        return Array(output.prefix(count))
    }

    /// Opens `frame` with empty metadata: what was opened and the plaintext, or the error.
    static func openFrame(
        _ keyring: inout Keyring, _ frame: [UInt8]
    ) -> Result<(opened: SFrameOpened, plaintext: [UInt8]), FrameCryptoError> {
        var output = [UInt8](repeating: 0, count: frame.count)
        var span = output.mutableSpan
        do {
            let opened = try keyring.open(frame: frame.span, metadata: [UInt8]().span, into: &span)
            return .success((opened, Array(output.prefix(opened.plaintextCount))))
        } catch {
            return .failure(error)
        }
    }

    /// The error opening `frame` throws, or `nil` when it opens.
    static func openError(_ keyring: inout Keyring, _ frame: [UInt8]) -> FrameCryptoError? {
        if case let .failure(error) = openFrame(&keyring, frame) { error } else { nil }
    }

    /// The share in `shares` addressed to `recipient`.
    static func share(for recipient: UInt32, in shares: [KeyShare]) throws -> KeyShare {
        try #require(shares.first { $0.recipientIndex == recipient })
    }

    /// The error `rekey` throws, or `nil`.
    static func rekeyError(_ keyring: inout Keyring, _ key: consuming MeetingKey, _ participants: [UInt32]) -> FrameCryptoError? {
        do {
            try keyring.rekey(to: key, participants: participants)
            return nil
        } catch {
            return error
        }
    }
}
