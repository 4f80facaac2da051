import FrameCrypto
import Testing

extension KeysTests {
    /// Leader-to-participant key distribution: round trips at full size, and each kind of
    /// bad share rejected with its own typed error.
    @Suite struct KeyDistributionTests {
        @Test func distributesToTwoHundredAndEachOpensTheSameKey() throws {
            var (meeting, people) = try KeyFixtures.meeting(200)
            let key = meeting.rekey()
            let leader = people[0]
            #expect(meeting.leader == leader.publicKeys)
            let shares = try leader.identity.distribute(meetingKey: key, to: meeting.present)
            #expect(shares.count == 199)
            #expect(Set(shares.map(\.recipientIndex)) == Set(people.dropFirst().map(\.index)))
            #expect(Set(shares.map(\.nonce)).count == 199, "every share has its own nonce")
            for share in shares {
                let wire = share.serialized
                #expect(wire.count == KeyShare.byteCount)
                let parsed = try KeyShare(serialized: wire)
                #expect(parsed == share)
                let recipient = people[Int(parsed.recipientIndex)]
                let opened = try recipient.identity.accept(
                    share: parsed, from: leader.publicKeys, meetingID: meeting.id, currentEpoch: 0)
                let sameKey = opened.matches(key)
                #expect(sameKey)
                #expect(opened.epoch == 1 && opened.meetingID == meeting.id)
            }
        }

        @Test func anyAlteredByteBreaksTheSignature() throws {
            let (share, people, leader) = try Self.oneShare()
            let wire = share.serialized
            for position in 1..<wire.count {
                var forged = wire
                forged[position] ^= 0x01
                let parsed = try KeyShare(serialized: forged)
                let recipient = people.first { $0.index == parsed.recipientIndex } ?? people[1]
                #expect(
                    KeyFixtures.acceptError(recipient.identity, parsed, from: leader, currentEpoch: 0) == .signatureInvalid,
                    "byte \(position)")
            }
            var badVersion = wire
            badVersion[0] = 1
            #expect(throws: FrameCryptoError.malformedKeyShare("unsupported version")) { try KeyShare(serialized: badVersion) }
        }

        @Test func shareForSomeoneElseIsRejected() throws {
            var (meeting, people) = try KeyFixtures.meeting(3)
            let key = meeting.rekey()
            let shares = try people[0].identity.distribute(meetingKey: key, to: meeting.present)
            let toBob = try #require(shares.first { $0.recipientIndex == 1 })
            #expect(
                KeyFixtures.acceptError(people[2].identity, toBob, from: people[0].publicKeys, currentEpoch: 0)
                    == .wrongRecipient(expected: 2, actual: 1))
        }

        @Test func staleAndReplayedEpochsAreRejected() throws {
            let (share, people, leader) = try Self.oneShare()
            let bob = people[1]
            #expect(
                KeyFixtures.acceptError(bob.identity, share, from: leader, currentEpoch: share.epoch)
                    == .staleEpoch(received: share.epoch, current: share.epoch))
            #expect(
                KeyFixtures.acceptError(bob.identity, share, from: leader, currentEpoch: share.epoch + 5)
                    == .staleEpoch(received: share.epoch, current: share.epoch + 5))
            // Accepted once, then replayed.
            let key = try bob.identity.accept(share: share, from: leader, meetingID: share.meetingID, currentEpoch: share.epoch - 1)
            #expect(
                KeyFixtures.acceptError(bob.identity, share, from: leader, currentEpoch: key.epoch)
                    == .staleEpoch(received: key.epoch, current: key.epoch))
        }

        @Test func wrongLeaderKeyIsRejected() throws {
            var (meeting, people) = try KeyFixtures.meeting(3)
            let key = meeting.rekey()
            let share = try #require(try people[0].identity.distribute(meetingKey: key, to: meeting.present).first)
            let bob = people[1]
            // Another participant's keys, and an impostor claiming the leader's index.
            #expect(KeyFixtures.acceptError(bob.identity, share, from: people[2].publicKeys, currentEpoch: 0) == .signatureInvalid)
            let impostor = ParticipantIdentity(index: 0, meetingID: meeting.id)
            #expect(KeyFixtures.acceptError(bob.identity, share, from: impostor.publicKeys, currentEpoch: 0) == .signatureInvalid)
            // The impostor's own share, checked against the real leader.
            let forged = try impostor.makeShare(meetingKey: key, for: people[1].publicKeys)
            #expect(KeyFixtures.acceptError(bob.identity, forged, from: people[0].publicKeys, currentEpoch: 0) == .signatureInvalid)
            #expect(
                KeyFixtures.acceptError(bob.identity, forged, from: impostor.publicKeys, currentEpoch: 0) == nil,
                "sanity: it is a valid share")
        }

        @Test func leaderWithSwappedExchangeKeyOrShortFieldIsRejected() throws {
            let (share, people, leader) = try Self.oneShare()
            // Right signing key, another X25519 key: the share's signature verifies, but the
            // leader's exchange key is not signed by its identity (it used to fail only when
            // the box did not open).
            let swapped = try ParticipantPublicKeys(
                index: leader.index, meetingID: leader.meetingID, signingKey: leader.signingKey,
                exchangeKey: people[2].publicKeys.exchangeKey, exchangeKeySignature: leader.exchangeKeySignature)
            #expect(
                KeyFixtures.acceptError(people[1].identity, share, from: swapped, currentEpoch: 0)
                    == .exchangeKeyUnverified(index: leader.index))
            let short = KeyShare(
                meetingID: share.meetingID, epoch: share.epoch, leaderIndex: share.leaderIndex,
                recipientIndex: share.recipientIndex, binding: share.binding, nonce: share.nonce,
                ciphertext: Array(share.ciphertext.dropLast()), signature: share.signature)
            #expect(
                KeyFixtures.acceptError(people[1].identity, short, from: leader, currentEpoch: 0)
                    == .malformedKeyShare("a field has the wrong size"))
        }

        @Test func truncatedOrPaddedSharesAreMalformed() throws {
            let (share, _, _) = try Self.oneShare()
            let wire = share.serialized
            for length in 0..<wire.count {
                #expect(throws: FrameCryptoError.malformedKeyShare("truncated")) { try KeyShare(serialized: Array(wire.prefix(length))) }
            }
            #expect(throws: FrameCryptoError.malformedKeyShare("trailing bytes after the signature")) {
                try KeyShare(serialized: wire + [0])
            }
        }

        @Test func leaderSkipsItselfAndRejectsUnusableRecipientKeys() throws {
            var (meeting, people) = try KeyFixtures.meeting(4)
            let key = meeting.rekey()
            let shares = try people[0].identity.distribute(meetingKey: key, to: meeting.present)
            #expect(shares.map(\.recipientIndex) == [1, 2, 3])
            #expect(shares.allSatisfy { $0.leaderIndex == 0 && $0.epoch == 1 && $0.meetingID == meeting.id })
            // A member that signs a low-order point as its exchange key: signed, yet unusable.
            let lowOrder = people[1].identity.publishingForTesting(exchangeKey: [UInt8](repeating: 0, count: 32))
            #expect(throws: FrameCryptoError.libraryCallFailed("crypto_box_beforenm")) {
                try people[0].identity.makeShare(meetingKey: key, for: lowOrder)
            }
            #expect(throws: FrameCryptoError.invalidKeyLength(expected: 32, actual: 31)) {
                try ParticipantPublicKeys(
                    index: 1, meetingID: meeting.id, signingKey: Array(repeating: 1, count: 31),
                    exchangeKey: Array(repeating: 1, count: 32), exchangeKeySignature: Array(repeating: 1, count: 64))
            }
            #expect(throws: FrameCryptoError.invalidKeyLength(expected: 64, actual: 63)) {
                try ParticipantPublicKeys(
                    index: 1, meetingID: meeting.id, signingKey: Array(repeating: 1, count: 32),
                    exchangeKey: Array(repeating: 1, count: 32), exchangeKeySignature: Array(repeating: 1, count: 63))
            }
        }

        /// Leader 0 of a three-person meeting, and its epoch-1 share for participant 1.
        static func oneShare() throws -> (KeyShare, [KeyFixtures.Person], ParticipantPublicKeys) {
            var (meeting, people) = try KeyFixtures.meeting(3)
            let key = meeting.rekey()
            let share = try people[0].identity.makeShare(meetingKey: key, for: people[1].publicKeys)
            return (share, people, people[0].publicKeys)
        }
    }
}
