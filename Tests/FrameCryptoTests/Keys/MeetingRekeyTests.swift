import FrameCrypto
import Testing

extension KeysTests {
    /// The roster: indices, leader choice, and a rekey with a new epoch and key on every
    /// join and leave, which a departed participant cannot open.
    @Suite struct MeetingRekeyTests {
        @Test func assignsIndicesInJoinOrderAndNeverReusesThem() throws {
            var (meeting, people) = try KeyFixtures.meeting(3)
            #expect(people.map(\.index) == [0, 1, 2])
            let left = meeting.leave(1), leftAgain = meeting.leave(1)
            #expect(left && !leftAgain)
            let next = try meeting.join()
            #expect(next.index == 3)
            #expect(meeting.presentIndices == [0, 2, 3])
            #expect(meeting.present.map(\.index) == [0, 2, 3])
            #expect(meeting.publicKeys(of: 3) == next.publicKeys)
            #expect(!meeting.isPresent(1) && meeting.isPresent(3) && meeting.count == 3)
        }

        @Test func leaderIsTheLowestPresentIndex() throws {
            var (meeting, people) = try KeyFixtures.meeting(3)
            #expect(meeting.leader == people[0].publicKeys)
            meeting.leave(0)
            #expect(meeting.leader == people[1].publicKeys)
            meeting.leave(1)
            meeting.leave(2)
            #expect(meeting.leader == nil)
        }

        @Test func capacityIsEnforced() throws {
            var (meeting, _) = try KeyFixtures.meeting(2, capacity: 2)
            #expect(throws: FrameCryptoError.keyStoreFull(capacity: 2)) { _ = try meeting.join() }
            meeting.leave(0)
            #expect(try meeting.join().index == 2)
        }

        @Test func joinRekeysToANewEpochAndKeyTheNewcomerCanOpen() throws {
            var (meeting, people) = try KeyFixtures.meeting(3)
            let first = meeting.rekey()
            #expect(first.epoch == 1 && !meeting.needsRekey)
            let dave = KeyFixtures.Person(try meeting.join())
            #expect(meeting.needsRekey)
            let second = meeting.rekey()
            #expect(second.epoch == 2 && meeting.epoch == 2)
            let unchanged = second.matches(first)
            #expect(!unchanged)
            #expect(second.exposedForTesting() != first.exposedForTesting())
            let shares = try people[0].identity.distribute(meetingKey: second, to: meeting.present)
            #expect(shares.count == 3)
            let toDave = try #require(shares.first { $0.recipientIndex == dave.index })
            let davesMatches = try dave.identity.accept(share: toDave, from: people[0].publicKeys, meetingID: meeting.id, currentEpoch: 0)
                .matches(second)
            #expect(davesMatches)
            let toBob = try #require(shares.first { $0.recipientIndex == 1 })
            let bobsMatches = try people[1].identity.accept(
                share: toBob, from: people[0].publicKeys, meetingID: meeting.id, currentEpoch: 1
            ).matches(second)
            #expect(bobsMatches)
        }

        @Test func leaveRekeysAndTheDepartedCannotOpenTheNewEpoch() throws {
            var (meeting, people) = try KeyFixtures.meeting(4)
            let first = meeting.rekey()
            let leader = people[0]
            let carol = people[2]
            let before = try leader.identity.distribute(meetingKey: first, to: meeting.present)
            let carolsFirst = try #require(before.first { $0.recipientIndex == carol.index })
            let carolsMatches = try carol.identity.accept(
                share: carolsFirst, from: leader.publicKeys, meetingID: meeting.id, currentEpoch: 0
            ).matches(first)
            #expect(carolsMatches)

            let carolLeft = meeting.leave(carol.index)
            #expect(carolLeft)
            #expect(meeting.needsRekey)
            let second = meeting.rekey()
            let sameAsFirst = second.matches(first)
            #expect(second.epoch == 2 && !sameAsFirst)
            let after = try leader.identity.distribute(meetingKey: second, to: meeting.present)
            #expect(after.map(\.recipientIndex) == [1, 3])
            // Nothing is addressed to Carol; someone else's share is refused, and rewriting its
            // recipient breaks the leader's signature.
            for share in after {
                #expect(
                    KeyFixtures.acceptError(carol.identity, share, from: leader.publicKeys, currentEpoch: 1)
                        == .wrongRecipient(expected: carol.index, actual: share.recipientIndex))
                let readdressed = KeyShare(
                    meetingID: share.meetingID, epoch: share.epoch, leaderIndex: share.leaderIndex,
                    recipientIndex: carol.index, binding: share.binding, nonce: share.nonce, ciphertext: share.ciphertext,
                    signature: share.signature)
                #expect(KeyFixtures.acceptError(carol.identity, readdressed, from: leader.publicKeys, currentEpoch: 1) == .signatureInvalid)
            }
            // Those still present open the new key.
            for share in after {
                let key = try people[Int(share.recipientIndex)].identity.accept(
                    share: share, from: leader.publicKeys, meetingID: meeting.id, currentEpoch: 1)
                let sameKey = key.matches(second)
                #expect(sameKey)
            }
        }

        @Test func whenTheLeaderLeavesTheNextLowestRekeys() throws {
            var (meeting, people) = try KeyFixtures.meeting(3)
            _ = meeting.rekey()
            meeting.leave(0)
            let key = meeting.rekey()
            let newLeader = try #require(meeting.leader)
            #expect(newLeader.index == 1)
            let shares = try people[1].identity.distribute(meetingKey: key, to: meeting.present)
            #expect(shares.map(\.recipientIndex) == [2])
            let opensUnderNewLeader = try people[2].identity.accept(
                share: shares[0], from: newLeader, meetingID: meeting.id, currentEpoch: 1
            ).matches(key)
            #expect(opensUnderNewLeader)
            #expect(
                KeyFixtures.acceptError(people[2].identity, shares[0], from: people[0].publicKeys, currentEpoch: 1) == .signatureInvalid)
        }
    }
}
