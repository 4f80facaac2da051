import FrameCrypto

/// The key layer's suites, nested here so that `swift test --filter Keys` selects them.
enum KeysTests {}

/// Shared fixtures of the key-layer tests, in one namespace so their names cannot clash
/// with other suites' helpers in this test target.
enum KeyFixtures {
    /// Holds a non-copyable identity so a test can keep a whole meeting's in an array.
    final class Person {
        let identity: ParticipantIdentity
        init(_ identity: consuming ParticipantIdentity) { self.identity = identity }
        var index: UInt32 { identity.index }
        var publicKeys: ParticipantPublicKeys { identity.publicKeys }
    }

    /// A meeting with `count` participants joined, not yet keyed.
    static func meeting(_ count: Int, capacity: Int = Meeting.defaultCapacity) throws -> (Meeting, [Person]) {
        var meeting = Meeting(capacity: capacity)
        var people: [Person] = []
        for _ in 0..<count { people.append(Person(try meeting.join())) }
        return (meeting, people)
    }

    /// The error `accept` throws, or `nil` when it accepts the share. The expected
    /// meeting is the recipient's own unless `meetingID` is given.
    static func acceptError(
        _ identity: borrowing ParticipantIdentity, _ share: KeyShare, from leader: ParticipantPublicKeys,
        meetingID: MeetingID? = nil, currentEpoch: UInt64
    ) -> FrameCryptoError? {
        do {
            _ = try identity.accept(
                share: share, from: leader, meetingID: meetingID ?? identity.publicKeys.meetingID, currentEpoch: currentEpoch)
            return nil
        } catch {
            return error
        }
    }
}
