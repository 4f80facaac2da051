import FrameCrypto
import Testing

extension KeysTests {
    /// Per-sender base keys: the documented HKDF-SHA-512 construction, determinism, and
    /// separation by meeting, epoch, participant and stream kind.
    @Suite struct SenderKeyScheduleTests {
        static let meetingID = MeetingID(high: 0x0001_0203_0405_0607, low: 0x0809_0a0b_0c0d_0e0f)

        static func key(_ secret: [UInt8], meeting: MeetingID = meetingID, epoch: UInt64) throws -> MeetingKey {
            try MeetingKey(meetingID: meeting, epoch: epoch, secret: SecretBytes(copying: secret.span))
        }

        /// Computed independently with Python's `hmac` and `hashlib` from the construction in
        /// docs/keys.md: meeting key 00…1f, meeting id 00…0f, epoch 1, participant 2, video.
        @Test func matchesTheDocumentedConstruction() throws {
            let meetingKey = try Self.key(Array(0..<32), epoch: 1)
            let baseKey = meetingKey.baseKey(participant: 2, kind: .video)
            #expect(Hex.encode(baseKey.exposedForTesting()) == "82efdb7557246583fc6de31bc6e646fef11398c7ccd29a6b77b5a261df907c4a")
            #expect(Self.meetingID.bytes == Array(0..<16))
        }

        @Test func deterministicForEqualInputs() throws {
            let secret = MeetingKey.generate(meetingID: Self.meetingID, epoch: 9).exposedForTesting()
            let a = SenderKeySchedule(meetingKey: try Self.key(secret, epoch: 9))
            let b = SenderKeySchedule(meetingKey: try Self.key(secret, epoch: 9))
            for index in [UInt32(0), 1, 199, 1023] {
                for kind in StreamKind.allCases {
                    let x = a.baseKey(participant: index, kind: kind)
                    let y = b.baseKey(participant: index, kind: kind)
                    #expect(x.count == SenderKeySchedule.baseKeyByteCount)
                    let equal = x.constantTimeEquals(y)
                    #expect(equal)
                    let viaKID = b.baseKey(for: SenderKeyID(participant: index, kind: kind, epoch: 9))
                    let equalViaKID = x.constantTimeEquals(viaKID)
                    #expect(equalViaKID)
                }
            }
        }

        @Test func differsPerMeetingEpochParticipantAndKind() throws {
            let secret = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1).exposedForTesting()
            let otherMeeting = MeetingID(high: 0x0001_0203_0405_0607, low: 0x0809_0a0b_0c0d_0e0e)
            var keys: [[UInt8]] = []
            for (meeting, epoch) in [(Self.meetingID, UInt64(1)), (Self.meetingID, 2), (otherMeeting, 1)] {
                let schedule = SenderKeySchedule(meetingKey: try Self.key(secret, meeting: meeting, epoch: epoch))
                for index in UInt32(0)..<20 {
                    for kind in StreamKind.allCases {
                        keys.append(schedule.baseKey(participant: index, kind: kind).exposedForTesting())
                    }
                }
            }
            // A different meeting key with everything else equal.
            keys.append(try Self.key(Array(repeating: 7, count: 32), epoch: 1).baseKey(participant: 0, kind: .audio).exposedForTesting())
            #expect(Set(keys).count == keys.count)
            #expect(keys.count == 3 * 20 * 3 + 1)
        }

        @Test func meetingKeyRejectsWrongLength() {
            #expect(throws: FrameCryptoError.invalidKeyLength(expected: 32, actual: 16)) {
                _ = try MeetingKey(meetingID: Self.meetingID, epoch: 1, secret: SecretBytes(zeroed: 16))
            }
        }

        @Test func generatedKeysAreFreshAndCompareByValue() throws {
            let a = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            let b = MeetingKey.generate(meetingID: Self.meetingID, epoch: 1)
            let twoFresh = a.matches(b)
            #expect(!twoFresh)
            let copy = try Self.key(a.exposedForTesting(), epoch: 1)
            let sameAsCopy = a.matches(copy)
            let sameAsOtherEpoch = a.matches(try Self.key(a.exposedForTesting(), epoch: 2))
            #expect(sameAsCopy && !sameAsOtherEpoch)
            #expect(a.exposedForTesting() != [UInt8](repeating: 0, count: 32))
        }
    }
}
