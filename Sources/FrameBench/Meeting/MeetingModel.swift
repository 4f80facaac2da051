/// How a meeting behaves: who talks, who is seen, who shares, who comes and goes, and the
/// clock the media runs on. Every default is named here with where it comes from; see
/// `docs/meeting.md`.
///
/// Seats are numbered in join order. Seat 0 is the first joiner: the host, the key-share
/// leader (the present participant with the lowest index, see `Meeting`) and, by default,
/// the one sharing a screen. The first ``unmuted`` seats are unmuted. Nobody else talks.
package struct MeetingModel: Sendable, Equatable {
    /// Participants whose microphone is on: 5. In large meetings almost everyone is muted
    /// (Microsoft Teams mutes everyone who joins a meeting that already has five or more
    /// attendees; Zoom hosts commonly mute on entry); a handful of people hold the floor.
    /// An assumption, not a measurement: vary it with `--unmuted`.
    package var unmuted: Int = 5
    /// Forward only the `k` loudest unmuted senders' audio to each receiver, or every
    /// unmuted sender's when `nil` (the default, the most work). SFUs that cap audio do so
    /// at a few streams (Jitsi's and mediasoup's "last N"/dominant-speaker designs forward
    /// the top 3 or so). "Loudest" here: the active speaker first, then larger frames
    /// (speech is larger than silence), then lower seats.
    package var loudest: Int? = nil
    /// Gallery tiles a receiver sees on the lowest video layer: 25, Zoom's default gallery
    /// page (49 on capable machines).
    package var galleryTiles: Int = 25
    /// The simulcast layer gallery tiles get: 0, the lowest (180p by default).
    package var galleryLayer: Int = 0
    /// The simulcast layer the active speaker's video comes on, or `nil` for the highest
    /// (720p by default): the speaker view's large tile.
    package var speakerLayer: Int? = nil
    /// Participants sharing their screen: 1 (seat 0, the host presenting), received by
    /// everyone else. Zoom allows one sharer at a time by default.
    package var sharers: Int = 1
    /// Mean length of an active-speaker turn, exponentially distributed: 5 s. Meeting
    /// talk turns last seconds; the issue asks for "speaker changes every few seconds".
    package var meanSpeakerTurnSeconds: Double = 5
    /// The shortest turn: 1 s, the hysteresis active-speaker detection applies before
    /// switching the main video (dominant-speaker identification works on windows of
    /// about a second), so the speaker's high layer never flips faster than that.
    package var minimumSpeakerTurnSeconds: Double = 1
    /// Roster changes during the measured span: 2 (one participant leaves a third of the
    /// way in, a new one joins at two thirds). Each is followed by a real rekey and a
    /// keyframe request on every sender. Events alternate leave, join, leave, …
    package var churnEvents: Int = 2
    /// How long, in media time, receivers keep the previous epoch's keys after a rekey:
    /// `ParticipantKeyring.defaultGracePeriod`, 10 s.
    package var gracePeriodMilliseconds: Int = 10_000
    /// The media tick: 10 ms. Frames are released and processed per tick (seal phase,
    /// then open phase); a frame's media time is rounded down to its tick. 10 ms is half
    /// the 20 ms audio frame, so no stream of the default workload has two frames in one
    /// tick, and a frame waits at most 10 ms for its tick.
    package var tickMilliseconds: Int = 10
    /// Paced mode: a frame is late when its work ends more than this after its tick's
    /// scheduled release: 20 ms, one audio frame. A receiver that falls a whole audio
    /// frame behind drains its jitter buffer; a sender that has not sealed a frame when
    /// the next one is captured is queueing.
    package var deadlineMilliseconds: Double = 20
    /// The audio stream of an unmuted participant.
    package var audio = AudioParameters()
    /// The simulcast camera stream every participant sends (all layers).
    package var video = VideoParameters()
    /// The screen-share stream of a sharer.
    package var screen = ScreenParameters()

    /// The defaults.
    package init() {}

    /// The seat of the participant whose work `client` mode measures: seat 1 (an unmuted
    /// participant that is not the host, so it receives the shared screen and never leads
    /// a rekey), or seat 0 in a meeting of one.
    package static func clientSeat(participants: Int) -> Int {
        participants > 1 ? 1 : 0
    }
}

/// The limits of a meeting case.
package enum MeetingLimits {
    /// Zoom's cap on participants in an end-to-end encrypted meeting; more needs
    /// ``MeetingSuiteConfiguration/beyondE2EECap``.
    package static let e2eeCap = 200
    /// The most participants even beyond the cap (memory: every participant holds every
    /// other's keys).
    package static let maxParticipants = 1000
}
