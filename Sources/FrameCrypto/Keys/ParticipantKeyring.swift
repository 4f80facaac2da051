/// One participant's SFrame state across epochs: a sender for each of its own streams and
/// one receiver holding every other participant's stream keys.
///
/// On each new epoch (``rekey(to:participants:)``) the keyring
/// 1. makes new senders for its own audio, video and screen streams, with KIDs
///    ``SenderKeyID`` `(own index, kind, epoch)` and base keys from ``SenderKeySchedule``;
/// 2. installs into its receiver the base keys of all three streams of every other
///    participant present in the new epoch;
/// 3. keeps the previous epoch's receive keys for ``gracePeriod`` of media time, so
///    frames already in flight still open, and removes them when
///    ``advance(toMediaTime:)`` reaches the deadline. Frames of that epoch then fail with
///    ``FrameCryptoError/unknownKeyID(_:)``.
///
/// Only one previous epoch is kept: a rekey inside the grace period removes the older
/// epoch's keys at once, as does a rekey whose epoch equals the current one modulo 16
/// (their KIDs would collide; see ``SenderKeyID``). A departed participant knew the
/// previous epoch's key, so the grace period bounds how long frames under it are accepted.
///
/// Media time is the caller's clock (for example RTP timestamps converted to a
/// `Duration`); it never goes back, and an earlier time is ignored.
public struct ParticipantKeyring<Context: AEADContext & ~Copyable>: ~Copyable {
    /// The grace period when none is given: 10 seconds of media time.
    public static var defaultGracePeriod: Duration { .seconds(10) }
    /// A receiver capacity that holds two epochs of a full meeting's streams.
    public static var defaultReceiverCapacity: Int { 2 * StreamKind.allCases.count * Meeting.defaultCapacity }

    /// This participant's index.
    public let participant: UInt32
    /// The meeting the keyring belongs to.
    public let meetingID: MeetingID
    /// How long, in media time, the previous epoch's receive keys outlive a rekey.
    public let gracePeriod: Duration
    /// The receiver's capacity in keys.
    public let receiverCapacity: Int
    /// The current epoch.
    public private(set) var epoch: UInt64
    /// The latest media time given to ``advance(toMediaTime:)`` (or the initial one).
    public private(set) var mediaTime: Duration
    /// The epoch whose receive keys are kept for the grace period, if any.
    public private(set) var previousEpoch: UInt64?
    /// When the previous epoch's receive keys go, if any are kept.
    public private(set) var graceDeadline: Duration?

    @usableFromInline var receiver: SFrameReceiver<Context>
    @usableFromInline var audio: SFrameSender<Context>
    @usableFromInline var video: SFrameSender<Context>
    @usableFromInline var screen: SFrameSender<Context>
    private var currentKeyIDs: [UInt64] = []
    private var previousKeyIDs: [UInt64] = []

    /// A keyring for `participant`, keyed for `meetingKey`'s epoch, receiving from every
    /// other index in `participants`.
    ///
    /// - Throws: ``FrameCryptoError/keyStoreFull(capacity:)`` when the receive keys do not
    ///   fit in `receiverCapacity`, or what the backend throws while keying.
    public init(
        participant: UInt32, meetingKey: borrowing MeetingKey, participants: [UInt32],
        gracePeriod: Duration = Self.defaultGracePeriod, mediaTime: Duration = .zero,
        receiverCapacity: Int = Self.defaultReceiverCapacity
    ) throws(FrameCryptoError) {
        let schedule = SenderKeySchedule(meetingKey: meetingKey)
        let audio = try Self.sender(participant, .audio, schedule)
        let video = try Self.sender(participant, .video, schedule)
        let screen = try Self.sender(participant, .screen, schedule)
        var receiver = SFrameReceiver<Context>(capacity: receiverCapacity)
        let installed = try Self.install(schedule, into: &receiver, for: participant, participants: participants)
        self.audio = audio
        self.video = video
        self.screen = screen
        self.receiver = receiver
        self.participant = participant
        self.meetingID = meetingKey.meetingID
        self.gracePeriod = gracePeriod
        self.receiverCapacity = receiverCapacity
        self.epoch = meetingKey.epoch
        self.mediaTime = mediaTime
        self.currentKeyIDs = installed
    }

    /// Moves to `meetingKey`'s epoch: new senders, the new epoch's receive keys for every
    /// other index in `participants`, and the current receive keys kept for the grace
    /// period from the current media time.
    ///
    /// - Throws: ``FrameCryptoError/staleEpoch(received:current:)`` unless the key's epoch
    ///   is newer; ``FrameCryptoError/malformedKeyShare(_:)`` for a key of another
    ///   meeting; ``FrameCryptoError/keyStoreFull(capacity:)`` when the keys do not fit.
    ///   On these the keyring is unchanged. Should the backend fail while installing, the
    ///   keyring stays on its epoch and senders but may have lost receive keys.
    public mutating func rekey(to meetingKey: borrowing MeetingKey, participants: [UInt32]) throws(FrameCryptoError) {
        guard meetingKey.meetingID == meetingID else { throw .malformedKeyShare("the key is for another meeting") }
        guard meetingKey.epoch > epoch else { throw .staleEpoch(received: meetingKey.epoch, current: epoch) }
        let collides = (meetingKey.epoch - epoch) % (1 << UInt64(SenderKeyID.epochBitCount)) == 0
        let retireNow = collides ? previousKeyIDs + currentKeyIDs : previousKeyIDs
        let incoming = Self.others(of: participant, in: participants).count * StreamKind.allCases.count
        guard receiver.keyCount - retireNow.count + incoming <= receiverCapacity else {
            throw .keyStoreFull(capacity: receiverCapacity)
        }
        let schedule = SenderKeySchedule(meetingKey: meetingKey)
        let newAudio = try Self.sender(participant, .audio, schedule)
        let newVideo = try Self.sender(participant, .video, schedule)
        let newScreen = try Self.sender(participant, .screen, schedule)
        for keyID in retireNow { receiver.removeKey(keyID: keyID) }
        previousKeyIDs = []
        previousEpoch = nil
        graceDeadline = nil
        let installed = try Self.install(schedule, into: &receiver, for: participant, participants: participants)
        audio = newAudio
        video = newVideo
        screen = newScreen
        if !collides {
            previousKeyIDs = currentKeyIDs
            previousEpoch = epoch
            graceDeadline = mediaTime + gracePeriod
        }
        currentKeyIDs = installed
        epoch = meetingKey.epoch
        expireIfDue()
    }

    /// Moves media time forward to `time` and removes the previous epoch's receive keys
    /// once it reaches the grace deadline. Returns how many keys were removed.
    @discardableResult
    public mutating func advance(toMediaTime time: Duration) -> Int {
        if time > mediaTime { mediaTime = time }
        return expireIfDue()
    }

    /// Seals one frame of this participant's `kind` stream; see
    /// ``SFrameSender/seal(plaintext:metadata:into:)``.
    @inlinable
    public mutating func seal(
        _ kind: StreamKind, plaintext: Span<UInt8>, metadata: Span<UInt8>, into output: inout MutableSpan<UInt8>
    ) throws(FrameCryptoError) -> Int {
        switch kind {
        case .audio: try audio.seal(plaintext: plaintext, metadata: metadata, into: &output)
        case .video: try video.seal(plaintext: plaintext, metadata: metadata, into: &output)
        case .screen: try screen.seal(plaintext: plaintext, metadata: metadata, into: &output)
        }
    }

    /// Opens one frame from another participant; see
    /// ``SFrameReceiver/open(frame:metadata:into:)``.
    @inlinable
    public mutating func open(
        frame: Span<UInt8>, metadata: Span<UInt8>, into output: inout MutableSpan<UInt8>
    ) throws(FrameCryptoError) -> SFrameOpened {
        try receiver.open(frame: frame, metadata: metadata, into: &output)
    }

    /// The KID this participant's `kind` stream uses in the current epoch.
    public func keyID(for kind: StreamKind) -> UInt64 {
        SenderKeyID(participant: participant, kind: kind, epoch: epoch).rawValue
    }

    /// How many receive keys are installed, current and previous epoch together.
    public var receiveKeyCount: Int { receiver.keyCount }

    /// Whether a receive key for `keyID` is installed.
    public func canOpen(keyID: UInt64) -> Bool { receiver.contains(keyID: keyID) }

    // MARK: - Internals

    private static func sender(
        _ participant: UInt32, _ kind: StreamKind, _ schedule: borrowing SenderKeySchedule
    ) throws(FrameCryptoError) -> SFrameSender<Context> {
        let keyID = SenderKeyID(participant: participant, kind: kind, epoch: schedule.epoch).rawValue
        let baseKey = schedule.baseKey(participant: participant, kind: kind)
        return try SFrameSender(keyID: keyID, baseKey: baseKey)
    }

    private static func others(of participant: UInt32, in participants: [UInt32]) -> [UInt32] {
        Set(participants).subtracting([participant]).sorted()
    }

    /// Adds every other participant's stream keys for `schedule`'s epoch; on failure
    /// removes those it added and rethrows.
    private static func install(
        _ schedule: borrowing SenderKeySchedule, into receiver: inout SFrameReceiver<Context>,
        for participant: UInt32, participants: [UInt32]
    ) throws(FrameCryptoError) -> [UInt64] {
        var added: [UInt64] = []
        added.reserveCapacity(participants.count * StreamKind.allCases.count)
        for other in others(of: participant, in: participants) {
            for kind in StreamKind.allCases {
                let keyID = SenderKeyID(participant: other, kind: kind, epoch: schedule.epoch).rawValue
                do {
                    try receiver.addKey(keyID: keyID, baseKey: schedule.baseKey(participant: other, kind: kind))
                } catch {
                    for id in added { receiver.removeKey(keyID: id) }
                    throw error
                }
                added.append(keyID)
            }
        }
        return added
    }

    @discardableResult
    private mutating func expireIfDue() -> Int {
        guard let deadline = graceDeadline, mediaTime >= deadline else { return 0 }
        for keyID in previousKeyIDs { receiver.removeKey(keyID: keyID) }
        let removed = previousKeyIDs.count
        previousKeyIDs = []
        previousEpoch = nil
        graceDeadline = nil
        return removed
    }
}

extension ParticipantKeyring: Sendable where Context: Sendable & ~Copyable {}
