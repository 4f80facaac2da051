internal import Synchronization

/// The senders made from one ``MeetingKey``: a set of ``SenderKeyID``s behind a mutex,
/// shared by every keyring built from that key value. Touched only when keyrings are
/// built or rekeyed, never per frame.
final class SenderClaims: Sendable {
    private let claimed = Mutex<Set<SenderKeyID>>([])

    /// Claims `keyID`; `false` when it was claimed before.
    func claim(_ keyID: SenderKeyID) -> Bool {
        claimed.withLock { $0.insert(keyID).inserted }
    }

    /// Gives `keyID` back (its sender never sealed a frame).
    func release(_ keyID: SenderKeyID) {
        _ = claimed.withLock { $0.remove(keyID) }
    }
}
