/// One participant's SFrame state across epochs: a sender for each of its own streams and
/// one receiver holding every other participant's stream keys.
///
/// On each new epoch (``rekey(to:participants:now:)``) the keyring
/// 1. makes new senders for its own audio, video and screen streams, with KIDs
///    ``SenderKeyID`` `(own index, kind, epoch)` and base keys from ``SenderKeySchedule``;
/// 2. installs into its receiver the base keys of all three streams of every other
///    participant present in the new epoch;
/// 3. keeps the previous epoch's receive keys for ``gracePeriod`` of media time, so
///    frames already in flight still open, and removes them when
///    ``advance(toMediaTime:now:)`` reaches the deadline, or when ``graceWallClockLimit``
///    of wall-clock time has passed since the rekey, whichever comes first (media time
///    alone would keep them for ever if media stopped). Frames of that epoch then fail
///    with ``FrameCryptoError/unknownKeyID(_:)``.
///
/// Senders are made at most once per stream and epoch: the keyring claims its streams
/// from the ``MeetingKey`` (``MeetingKey/claimSender(participant:kind:)``), so building
/// a second keyring for the same participant from the same key, which would restart the
/// counters at 0 and reuse nonces, throws ``FrameCryptoError/senderKeyReused(keyID:)``.
/// Rebuilding within an epoch needs a new epoch (see `docs/keys.md`).
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
    /// The wall-clock cap on the grace period when none is given: 30 seconds.
    public static var defaultGraceWallClockLimit: Duration { .seconds(30) }
    /// A receiver capacity that holds two epochs of a full meeting's streams.
    public static var defaultReceiverCapacity: Int { 2 * StreamKind.allCases.count * Meeting.defaultCapacity }

    /// This participant's index.
    public let participant: UInt32
    /// The SFrame cipher suite every sender and receive key of this keyring uses.
    public let suite: SFrameCipherSuite
    /// The meeting the keyring belongs to.
    public let meetingID: MeetingID
    /// How long, in media time, the previous epoch's receive keys outlive a rekey.
    public let gracePeriod: Duration
    /// The receiver's capacity in keys.
    public let receiverCapacity: Int
    /// How long, in wall-clock time, the previous epoch's receive keys may outlive a
    /// rekey at most, whatever the media time; `nil` for no cap (simulations whose media
    /// time is not real time).
    public let graceWallClockLimit: Duration?
    /// The current epoch.
    public private(set) var epoch: UInt64
    /// The latest media time given to ``advance(toMediaTime:now:)`` (or the initial one).
    public private(set) var mediaTime: Duration
    /// The epoch whose receive keys are kept for the grace period, if any.
    public private(set) var previousEpoch: UInt64?
    /// When the previous epoch's receive keys go, if any are kept.
    public private(set) var graceDeadline: Duration?
    /// When, in wall-clock time, the previous epoch's receive keys go at the latest.
    public var graceWallClockDeadline: ContinuousClock.Instant? {
        graceWallClockDeadlineOffset.map { wallClockOrigin.advanced(by: $0) }
    }
    /// ``graceWallClockDeadline`` as a `Duration` after `wallClockOrigin`: `Duration` is
    /// frozen, so the keyring's layout stays known at compile time and its per-frame
    /// methods need no run-time type metadata (whose first use allocates).
    private var graceWallClockDeadlineOffset: Duration?

    @usableFromInline var receiver: SFrameReceiver<Context>
    @usableFromInline var audio: SFrameSender<Context>
    @usableFromInline var video: SFrameSender<Context>
    @usableFromInline var screen: SFrameSender<Context>
    private var currentKeyIDs: [UInt64] = []
    private var previousKeyIDs: [UInt64] = []

    /// A keyring for `participant`, keyed for `meetingKey`'s epoch, receiving from every
    /// other index in `participants`.
    ///
    /// - Parameters:
    ///   - participant: this participant's index in the meeting.
    ///   - meetingKey: the epoch's meeting key, from which every sender key is derived.
    ///   - participants: the indexes of everyone in the meeting (this participant's own
    ///     index among them or not).
    ///   - gracePeriod: how long, in media time, the previous epoch's receive keys stay
    ///     installed after a rekey.
    ///   - mediaTime: the media time now.
    ///   - receiverCapacity: how many receive keys the receiver can hold.
    ///   - maxForwardJump: how far one frame may move a receive key's replay window
    ///     forward; see ``SFrameReplayWindow/defaultMaxForwardJump``.
    ///   - graceWallClockLimit: the wall-clock cap on the grace period; `nil` for none.
    ///   - suite: the SFrame cipher suite of every stream (RFC 9605 §4.5); 5,
    ///     `AES_256_GCM_SHA512_128`, by default. Every participant of a meeting must use the
    ///     same one.
    /// - Throws: ``FrameCryptoError/senderKeyReused(keyID:)`` when senders for this
    ///   participant were made from `meetingKey` before (a new epoch is needed);
    ///   ``FrameCryptoError/keyStoreFull(capacity:)`` when the receive keys do not fit in
    ///   `receiverCapacity`; or what the backend throws while keying. On failure the
    ///   claims on `meetingKey` are given back.
    public init(
        participant: UInt32, meetingKey: borrowing MeetingKey, participants: [UInt32],
        gracePeriod: Duration = Self.defaultGracePeriod, mediaTime: Duration = .zero,
        receiverCapacity: Int = Self.defaultReceiverCapacity,
        maxForwardJump: UInt64 = SFrameReplayWindow.defaultMaxForwardJump,
        graceWallClockLimit: Duration? = Self.defaultGraceWallClockLimit, suite: SFrameCipherSuite = .default
    ) throws(FrameCryptoError) {
        let schedule = SenderKeySchedule(meetingKey: meetingKey)
        let senders = try Self.claimedSenders(participant, meetingKey, schedule, suite)
        var receiver = SFrameReceiver<Context>(capacity: receiverCapacity, suite: suite, maxForwardJump: maxForwardJump)
        let installed: [UInt64]
        do {
            installed = try Self.install(schedule, into: &receiver, for: participant, participants: participants)
        } catch {
            Self.releaseSenders(participant, meetingKey)
            throw error
        }
        self.graceWallClockLimit = graceWallClockLimit
        self.audio = senders.audio
        self.video = senders.video
        self.screen = senders.screen
        self.receiver = receiver
        self.participant = participant
        self.suite = suite
        self.meetingID = meetingKey.meetingID
        self.gracePeriod = gracePeriod
        self.receiverCapacity = receiverCapacity
        self.epoch = meetingKey.epoch
        self.mediaTime = mediaTime
        self.currentKeyIDs = installed
    }

    /// Moves to `meetingKey`'s epoch: new senders, the new epoch's receive keys for every
    /// other index in `participants`, and the current receive keys kept for the grace
    /// period from the current media time (and at most ``graceWallClockLimit`` from `now`).
    ///
    /// - Throws: ``FrameCryptoError/staleEpoch(received:current:)`` unless the key's epoch
    ///   is newer; ``FrameCryptoError/wrongMeeting`` for a key of another meeting;
    ///   ``FrameCryptoError/senderKeyReused(keyID:)`` when this participant's senders were
    ///   made from `meetingKey` before; ``FrameCryptoError/keyStoreFull(capacity:)`` when
    ///   the keys do not fit. On these the keyring is unchanged. Should the backend fail
    ///   while installing, the keyring stays on its epoch and senders but may have lost
    ///   receive keys; the claims on `meetingKey` are given back, so the same key can be
    ///   retried (no new sender sealed anything).
    public mutating func rekey(
        to meetingKey: borrowing MeetingKey, participants: [UInt32], now: ContinuousClock.Instant = .now
    ) throws(FrameCryptoError) {
        guard meetingKey.meetingID == meetingID else { throw .wrongMeeting }
        guard meetingKey.epoch > epoch else { throw .staleEpoch(received: meetingKey.epoch, current: epoch) }
        let collides = (meetingKey.epoch - epoch) % (1 << UInt64(SenderKeyID.epochBitCount)) == 0
        let retireNow = collides ? previousKeyIDs + currentKeyIDs : previousKeyIDs
        let incoming = Self.others(of: participant, in: participants).count * StreamKind.allCases.count
        guard receiver.keyCount - retireNow.count + incoming <= receiverCapacity else {
            throw .keyStoreFull(capacity: receiverCapacity)
        }
        let schedule = SenderKeySchedule(meetingKey: meetingKey)
        let senders = try Self.claimedSenders(participant, meetingKey, schedule, suite)
        for keyID in retireNow { receiver.removeKey(keyID: keyID) }
        previousKeyIDs = []
        previousEpoch = nil
        graceDeadline = nil
        graceWallClockDeadlineOffset = nil
        let installed: [UInt64]
        do {
            installed = try Self.install(schedule, into: &receiver, for: participant, participants: participants)
        } catch {
            Self.releaseSenders(participant, meetingKey)
            throw error
        }
        audio = senders.audio
        video = senders.video
        screen = senders.screen
        if !collides {
            previousKeyIDs = currentKeyIDs
            previousEpoch = epoch
            graceDeadline = mediaTime + gracePeriod
            graceWallClockDeadlineOffset = graceWallClockLimit.map { wallClockOrigin.duration(to: now) + $0 }
        }
        currentKeyIDs = installed
        epoch = meetingKey.epoch
        expireIfDue(now: now)
    }

    /// Moves media time forward to `time` and removes the previous epoch's receive keys
    /// once it reaches the grace deadline, or once `now` reaches the wall-clock deadline.
    /// Returns how many keys were removed.
    @discardableResult
    public mutating func advance(toMediaTime time: Duration, now: ContinuousClock.Instant = .now) -> Int {
        if time > mediaTime { mediaTime = time }
        return expireIfDue(now: now)
    }

    /// Seals one frame of this participant's `kind` stream; see
    /// ``SFrameSender/seal(plaintext:metadata:into:)-(Span<UInt8>,_,_)``.
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
    /// ``SFrameReceiver/open(frame:metadata:into:)-(Span<UInt8>,_,_)``.
    @inlinable
    public mutating func open(
        frame: Span<UInt8>, metadata: Span<UInt8>, into output: inout MutableSpan<UInt8>
    ) throws(FrameCryptoError) -> SFrameOpened {
        try receiver.open(frame: frame, metadata: metadata, into: &output)
    }

    /// The length of the SFrame header the next `kind` frame gets: its KID's and its
    /// counter's. A per-packet sender sizes each packet's payload with it, so a packet
    /// (header, payload and tag) fills its budget exactly.
    @inlinable
    public func nextHeaderByteCount(for kind: StreamKind) -> Int {
        switch kind {
        case .audio: audio.nextHeaderByteCount
        case .video: video.nextHeaderByteCount
        case .screen: screen.nextHeaderByteCount
        }
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
        _ participant: UInt32, _ kind: StreamKind, _ schedule: borrowing SenderKeySchedule, _ suite: SFrameCipherSuite
    ) throws(FrameCryptoError) -> SFrameSender<Context> {
        let keyID = SenderKeyID(participant: participant, kind: kind, epoch: schedule.epoch).rawValue
        let baseKey = schedule.baseKey(participant: participant, kind: kind)
        return try SFrameSender(keyID: keyID, baseKey: baseKey, suite: suite)
    }

    /// A participant's three senders, made together.
    private struct Senders: ~Copyable {
        var audio: SFrameSender<Context>
        var video: SFrameSender<Context>
        var screen: SFrameSender<Context>
    }

    /// Claims `participant`'s three streams from `meetingKey` and makes their senders; on
    /// failure gives the claims back.
    private static func claimedSenders(
        _ participant: UInt32, _ meetingKey: borrowing MeetingKey, _ schedule: borrowing SenderKeySchedule,
        _ suite: SFrameCipherSuite
    ) throws(FrameCryptoError) -> Senders {
        try claimSenders(participant, meetingKey)
        do {
            return Senders(
                audio: try sender(participant, .audio, schedule, suite), video: try sender(participant, .video, schedule, suite),
                screen: try sender(participant, .screen, schedule, suite))
        } catch {
            releaseSenders(participant, meetingKey)
            throw error
        }
    }

    /// Claims all three of `participant`'s streams from `meetingKey`, or none.
    private static func claimSenders(_ participant: UInt32, _ meetingKey: borrowing MeetingKey) throws(FrameCryptoError) {
        var claimed: [StreamKind] = []
        for kind in StreamKind.allCases {
            do {
                try meetingKey.claimSender(participant: participant, kind: kind)
            } catch {
                for done in claimed { meetingKey.releaseSender(participant: participant, kind: done) }
                throw error
            }
            claimed.append(kind)
        }
    }

    /// Gives back the claims of senders that were dropped before sealing anything.
    private static func releaseSenders(_ participant: UInt32, _ meetingKey: borrowing MeetingKey) {
        for kind in StreamKind.allCases { meetingKey.releaseSender(participant: participant, kind: kind) }
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
    private mutating func expireIfDue(now: ContinuousClock.Instant) -> Int {
        guard let deadline = graceDeadline else { return 0 }
        let wallClockDue = graceWallClockDeadlineOffset.map { wallClockOrigin.duration(to: now) >= $0 } ?? false
        guard mediaTime >= deadline || wallClockDue else { return 0 }
        for keyID in previousKeyIDs { receiver.removeKey(keyID: keyID) }
        let removed = previousKeyIDs.count
        previousKeyIDs = []
        previousEpoch = nil
        graceDeadline = nil
        graceWallClockDeadlineOffset = nil
        return removed
    }
}

extension ParticipantKeyring: Sendable where Context: Sendable & ~Copyable {}

/// The instant wall-clock grace deadlines are counted from (the first use in the process).
private let wallClockOrigin = ContinuousClock.now
