import FrameCrypto
import Testing

extension KeysTests {
    /// A keyring or sender rebuilt within an epoch must not restart a counter under the
    /// same key: the meeting key hands out each stream's sender once, and a rebuild needs
    /// a new epoch.
    @Suite struct SenderRebuildTests {
        typealias Keyring = ParticipantKeyring<OpenSSLContext>

        static let meetingID = MeetingID(high: 9, low: 18)

        /// The (KID, counter) pair of a sealed frame: with the epoch, what fixes its key
        /// and nonce.
        static func nonceID(_ frame: [UInt8]) throws -> [UInt64] {
            let (header, _) = try frame.withUnsafeBytes { (raw) throws(FrameCryptoError) in try SFrameHeader.decode(raw) }
            return [header.keyID, header.counter]
        }

        /// Fails if a keyring rebuilt from the same meeting key seals a frame under a
        /// (KID, counter) its predecessor already used: whether the rebuild is refused
        /// (this design) or were to continue the counter, no nonce may repeat.
        @Test func rebuiltKeyringNeverReusesANonce() throws {
            let key = MeetingKey.generate(meetingID: Self.meetingID, epoch: 3)
            var first = try Keyring(participant: 0, meetingKey: key, participants: [0, 1])
            var used: Set<[UInt64]> = []
            for kind in StreamKind.allCases {
                for _ in 0..<3 { used.insert(try Self.nonceID(try ParticipantKeyringTests.sealFrame(&first, kind, [1, 2, 3]))) }
            }
            do throws(FrameCryptoError) {
                var rebuilt = try Keyring(participant: 0, meetingKey: key, participants: [0, 1])
                for kind in StreamKind.allCases {
                    let id = try? Self.nonceID(try ParticipantKeyringTests.sealFrame(&rebuilt, kind, [4, 5, 6]))
                    #expect(id.map { !used.contains($0) } ?? false, "rebuilt sender reused (KID, counter) under the same key")
                }
                Issue.record("a second keyring for the same participant and key was built")
            } catch {
                #expect(error == .senderKeyReused(keyID: SenderKeyID(participant: 0, kind: .audio, epoch: 3).rawValue))
            }
        }

        @Test func rekeyingToAKeyWhoseSendersWereMadeIsRefusedUnchanged() throws {
            let first = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            let second = MeetingKey.generate(meetingID: Self.meetingID, epoch: 2)
            var alice = try Keyring(participant: 0, meetingKey: first, participants: [0, 1])
            // A second pipeline already keyed from epoch 2.
            let other = try Keyring(participant: 0, meetingKey: second, participants: [0, 1])
            #expect(other.epoch == 2)
            #expect(
                ParticipantKeyringTests.rekeyError(&alice, second, [0, 1])
                    == .senderKeyReused(keyID: SenderKeyID(participant: 0, kind: .audio, epoch: 2).rawValue))
            #expect(alice.epoch == 1 && alice.receiveKeyCount == 3)
            // The way out is a new epoch.
            try alice.rekey(to: MeetingKey.generate(meetingID: Self.meetingID, epoch: 3), participants: [0, 1])
            #expect(alice.epoch == 3)
        }

        @Test func otherParticipantsAndFailedBuildsKeepTheirClaims() throws {
            let key = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            // Every participant's keyring comes from the same key: each claims only its own.
            let alice = try Keyring(participant: 0, meetingKey: key, participants: [0, 1, 2])
            let bob = try Keyring(participant: 1, meetingKey: key, participants: [0, 1, 2])
            #expect(alice.epoch == bob.epoch)
            // A build that fails (no room for the receive keys) gives its claims back…
            #expect(throws: FrameCryptoError.keyStoreFull(capacity: 2)) {
                _ = try Keyring(participant: 2, meetingKey: key, participants: [0, 1, 2], receiverCapacity: 2)
            }
            // …so the retry succeeds; it sealed nothing before.
            let carol = try Keyring(participant: 2, meetingKey: key, participants: [0, 1, 2])
            #expect(carol.receiveKeyCount == 6)
            // One stream claimed by hand blocks the whole keyring, and nothing else stays claimed.
            let fresh = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            try fresh.claimSender(participant: 5, kind: .screen)
            #expect(throws: FrameCryptoError.senderKeyReused(keyID: SenderKeyID(participant: 5, kind: .screen, epoch: 1).rawValue)) {
                _ = try Keyring(participant: 5, meetingKey: fresh, participants: [0, 5])
            }
            try fresh.claimSender(participant: 5, kind: .audio)
        }
    }
}
