/// A meeting's roster: assigns participant indices, tracks who is present, names the
/// leader, and produces each new epoch's ``MeetingKey``.
///
/// - Indices are assigned in join order from 0 and never reused within a meeting, so a
///   departed participant's keys and KIDs can never be confused with a newcomer's.
/// - The leader is the present participant with the lowest index: the earliest joiner
///   still present. It needs no election, and when the leader leaves the next-lowest
///   takes over at the next rekey.
/// - Every join and leave must be followed by a rekey (``rekey()``) so that a newcomer
///   cannot read earlier media and a departed participant cannot read later media;
///   ``needsRekey`` says whether the roster changed since the last one. Several changes
///   may be batched into one rekey (for example when a meeting starts).
/// - Epochs start at 1 and go up by one per rekey; 0 means "no key yet".
///
/// In a real deployment each client makes its own ``ParticipantIdentity`` and the roster
/// only sees the public half; ``join()`` does both here so that a simulation or benchmark
/// can drive a whole meeting.
public struct Meeting: Sendable {
    /// The largest meeting Zoom's end-to-end encryption allows.
    public static let defaultCapacity = 200

    /// The meeting id, bound into every key derivation and key share.
    public let id: MeetingID
    /// The most participants present at once.
    public let capacity: Int
    /// The epoch of the latest key from ``rekey()``; 0 before the first.
    public private(set) var epoch: UInt64 = 0
    /// The index the next participant to join will get.
    public private(set) var nextIndex: UInt32 = 0
    /// Whether anyone joined or left since the last ``rekey()``.
    public private(set) var needsRekey = false
    private var roster: [UInt32: ParticipantPublicKeys] = [:]

    /// An empty meeting.
    public init(id: MeetingID = .random(), capacity: Int = Meeting.defaultCapacity) {
        precondition(capacity > 0, "a meeting needs room for someone")
        self.id = id
        self.capacity = capacity
    }

    /// The participants present, by increasing index.
    public var present: [ParticipantPublicKeys] {
        roster.values.sorted { $0.index < $1.index }
    }

    /// The indices of the participants present, increasing.
    public var presentIndices: [UInt32] {
        roster.keys.sorted()
    }

    /// How many participants are present.
    public var count: Int { roster.count }

    /// Whether the participant at `index` is present.
    public func isPresent(_ index: UInt32) -> Bool {
        roster[index] != nil
    }

    /// The public keys of the participant at `index`, if present.
    public func publicKeys(of index: UInt32) -> ParticipantPublicKeys? {
        roster[index]
    }

    /// The leader: the present participant with the lowest index, or `nil` when the
    /// meeting is empty.
    public var leader: ParticipantPublicKeys? {
        roster.values.min { $0.index < $1.index }
    }

    /// Admits a new participant with the next index and fresh key pairs, and marks the
    /// roster as needing a rekey.
    ///
    /// - Throws: ``FrameCryptoError/keyStoreFull(capacity:)`` when ``capacity``
    ///   participants are present or every index has been used.
    public mutating func join() throws(FrameCryptoError) -> ParticipantIdentity {
        guard roster.count < capacity, nextIndex < UInt32.max else { throw .keyStoreFull(capacity: capacity) }
        let identity = ParticipantIdentity(index: nextIndex, meetingID: id)
        roster[nextIndex] = identity.publicKeys
        nextIndex += 1
        needsRekey = true
        return identity
    }

    /// Removes the participant at `index` and marks the roster as needing a rekey.
    /// Returns `false`, changing nothing, when no such participant is present.
    @discardableResult
    public mutating func leave(_ index: UInt32) -> Bool {
        guard roster.removeValue(forKey: index) != nil else { return false }
        needsRekey = true
        return true
    }

    /// The leader's step on a roster change: a fresh random key for the next epoch. The
    /// leader then seals it to everyone present with
    /// ``ParticipantIdentity/distribute(meetingKey:to:)``.
    public mutating func rekey() -> MeetingKey {
        precondition(!roster.isEmpty, "rekey of an empty meeting")
        epoch += 1
        needsRekey = false
        return MeetingKey.generate(meetingID: id, epoch: epoch)
    }
}
