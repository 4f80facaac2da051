internal import Synchronization

/// The published keys whose exchange-key signature one ``ParticipantIdentity`` has already
/// verified, so that each is verified once, when first seen (at a join), not on every
/// rekey. An entry is the whole ``ParticipantPublicKeys`` value, signature included, so
/// only exactly what verified is trusted again. Key setup only, never per frame.
final class VerifiedKeys: Sendable {
    private let keys = Mutex<Set<ParticipantPublicKeys>>([])

    /// Checks `published` with ``ParticipantPublicKeys/verifyExchangeKey()`` unless it
    /// verified before, and remembers it when it verifies.
    ///
    /// - Throws: ``FrameCryptoError/exchangeKeyUnverified(index:)``.
    func check(_ published: ParticipantPublicKeys) throws(FrameCryptoError) {
        if keys.withLock({ $0.contains(published) }) { return }
        try published.verifyExchangeKey()
        _ = keys.withLock { $0.insert(published) }
    }
}
