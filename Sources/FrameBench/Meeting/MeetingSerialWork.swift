import FrameCrypto

/// Rekey work a case did, measured apart from the per-frame work (wall clock, in the
/// serial section between a tick's seal and open phases, while no frame is processed).
struct RekeyStats: Sendable {
    /// Rekeys (ticks with a join or leave).
    var rekeys = 0
    /// Per rekey: the leader's `Meeting.rekey()` and `distribute` (a share per recipient).
    var leaderNanoseconds: [UInt64] = []
    /// Per participant and rekey: `accept` of its share and its keyring's `rekey` (a
    /// joiner's: `accept` and keyring creation; the leader's: its keyring's `rekey`).
    var participantNanoseconds: [UInt64] = []
    /// Per rekey: the measured client's `accept` and keyring `rekey` (client mode).
    var clientNanoseconds: [UInt64] = []
    /// Per rekey: the leader's work plus every participant's.
    var meetingNanoseconds: [UInt64] = []
    /// Per grace expiry: removing the previous epoch's keys from every keyring.
    var expiryNanoseconds: [UInt64] = []
    /// Per rekey: its wall time (participants rekey in parallel with several threads).
    var wallNanoseconds: [UInt64] = []
}

/// Code run on one thread between a tick's seal and open phases while the others wait:
/// roster changes, rekeys and grace expiry.
protocol MeetingSerialWork: AnyObject {
    /// Does what `flags` (``ScheduleView/rekeyFlag``, ``ScheduleView/expiryFlag``) ask
    /// for at `tick`.
    func serialSection(tick: Int, flags: UInt8) throws(SuiteError)
    /// What the rekeys cost so far.
    var rekeyStats: RekeyStats { get }
}
