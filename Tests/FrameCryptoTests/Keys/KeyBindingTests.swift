import FrameCrypto
import Testing

extension KeysTests {
    /// Exchange keys bound to identities: each participant's X25519 key is signed by its
    /// Ed25519 identity key for the meeting and index; the leader checks it before sealing,
    /// the recipient checks the leader's and that the share was made for its own key.
    @Suite struct KeyBindingTests {
        @Test func publishedExchangeKeysVerifyAndAreBoundToMeetingAndIndex() throws {
            let (_, people) = try KeyFixtures.meeting(2)
            let keys = people[1].publicKeys
            try keys.verifyExchangeKey()
            #expect(keys.exchangeKeyMessage.count == 26 + 16 + 4 + 32)
            // The same signed key presented for another index or another meeting.
            let moved = try ParticipantPublicKeys(
                index: 7, meetingID: keys.meetingID, signingKey: keys.signingKey, exchangeKey: keys.exchangeKey,
                exchangeKeySignature: keys.exchangeKeySignature)
            #expect(throws: FrameCryptoError.exchangeKeyUnverified(index: 7)) { try moved.verifyExchangeKey() }
            let elsewhere = try ParticipantPublicKeys(
                index: keys.index, meetingID: MeetingID(high: 1, low: 2), signingKey: keys.signingKey,
                exchangeKey: keys.exchangeKey, exchangeKeySignature: keys.exchangeKeySignature)
            #expect(throws: FrameCryptoError.exchangeKeyUnverified(index: 1)) { try elsewhere.verifyExchangeKey() }
        }

        @Test func leaderRefusesASubstitutedOrForeignExchangeKey() throws {
            var (meeting, people) = try KeyFixtures.meeting(3)
            let key = meeting.rekey()
            let bob = people[1].publicKeys
            // The roster swaps in the attacker's exchange key under Bob's identity.
            let attacker = ParticipantIdentity(index: 1, meetingID: meeting.id)
            let substituted = try ParticipantPublicKeys(
                index: 1, meetingID: meeting.id, signingKey: bob.signingKey, exchangeKey: attacker.publicKeys.exchangeKey,
                exchangeKeySignature: bob.exchangeKeySignature)
            #expect(throws: FrameCryptoError.exchangeKeyUnverified(index: 1)) {
                try people[0].identity.makeShare(meetingKey: key, for: substituted)
            }
            #expect(throws: FrameCryptoError.exchangeKeyUnverified(index: 1)) {
                try people[0].identity.distribute(meetingKey: key, to: [people[2].publicKeys, substituted])
            }
            // Keys published for another meeting.
            var other = Meeting()
            let stranger = try other.join()
            #expect(throws: FrameCryptoError.wrongMeeting) {
                try people[0].identity.makeShare(meetingKey: key, for: stranger.publicKeys)
            }
        }

        /// A roster that hands the leader a ghost (another identity, properly signed) in
        /// Bob's seat: the leader cannot tell, but Bob refuses the share, which is bound to
        /// the ghost's keys, not his.
        @Test func recipientRefusesAShareMadeForAnotherKey() throws {
            var (meeting, people) = try KeyFixtures.meeting(3)
            let key = meeting.rekey()
            let ghost = ParticipantIdentity(index: 1, meetingID: meeting.id)
            let toGhost = try people[0].identity.makeShare(meetingKey: key, for: ghost.publicKeys)
            #expect(
                KeyFixtures.acceptError(people[1].identity, toGhost, from: people[0].publicKeys, currentEpoch: 0)
                    == .keyBindingMismatch)
            #expect(
                KeyFixtures.acceptError(ghost, toGhost, from: people[0].publicKeys, currentEpoch: 0) == nil,
                "sanity: the ghost itself opens it")
            // The binding is what both sides compute from the keys.
            let toBob = try people[0].identity.makeShare(meetingKey: key, for: people[1].publicKeys)
            #expect(toBob.binding == KeyShare.binding(leader: people[0].publicKeys, recipient: people[1].publicKeys))
            #expect(toBob.binding != toGhost.binding)
        }

        @Test func acceptChecksTheExpectedMeeting() throws {
            let (share, people, leader) = try KeyDistributionTests.oneShare()
            #expect(
                KeyFixtures.acceptError(
                    people[1].identity, share, from: leader, meetingID: MeetingID(high: 3, low: 4), currentEpoch: 0)
                    == .wrongMeeting)
            #expect(KeyFixtures.acceptError(people[1].identity, share, from: leader, meetingID: share.meetingID, currentEpoch: 0) == nil)
        }

        /// A joiner has no earlier key to compare with; its first share is still checked:
        /// the leader's exchange key must be signed for this meeting, and the share bound
        /// to the joiner's own keys.
        @Test func joinersFirstShareIsChecked() throws {
            var (meeting, people) = try KeyFixtures.meeting(2)
            _ = meeting.rekey()
            let joiner = KeyFixtures.Person(try meeting.join())
            let second = meeting.rekey()
            let leader = people[0].publicKeys
            let share = try people[0].identity.makeShare(meetingKey: second, for: joiner.publicKeys)
            // The roster shows the joiner the leader with a substituted exchange key.
            let impostor = ParticipantIdentity(index: 0, meetingID: meeting.id)
            let swapped = try ParticipantPublicKeys(
                index: 0, meetingID: meeting.id, signingKey: leader.signingKey, exchangeKey: impostor.publicKeys.exchangeKey,
                exchangeKeySignature: leader.exchangeKeySignature)
            #expect(
                KeyFixtures.acceptError(joiner.identity, share, from: swapped, currentEpoch: 0)
                    == .exchangeKeyUnverified(index: 0))
            #expect(KeyFixtures.acceptError(joiner.identity, share, from: leader, currentEpoch: 0) == nil)
        }
    }
}
