import FrameCrypto
import FrameTestSupport
import Testing

/// No (key, nonce) pair ever repeats, however often keyrings are rebuilt: a random run of
/// seals, rebuilds within the epoch (refused), rekeys and rebuilds in a new epoch, over
/// several participants, records every frame's (epoch, KID, counter), which fixes its
/// AES key and nonce, and checks each is new.
@Suite struct NonceUniquenessProperties {
    typealias Keyring = ParticipantKeyring<OpenSSLContext>

    /// Holds a keyring so the property can keep one per participant in an array.
    final class KeyringBox {
        var keyring: Keyring
        init(_ keyring: consuming Keyring) { self.keyring = keyring }
    }

    @Test func rebuildsAtRandomPointsNeverRepeatAKeyAndNonce() throws {
        let seed = PropertySeed.seed(default: 1818)
        var random = PropertySeed.random(seed)
        let meetingID = MeetingID(high: seed, low: 18)
        let everyone: [UInt32] = [0, 1, 2]
        var epoch: UInt64 = 1
        var keys = [MeetingKeyBox(MeetingKey.generate(meetingID: meetingID, epoch: epoch))]
        var keyrings = try everyone.map { p in
            KeyringBox(try Keyring(participant: p, meetingKey: keys[0].key, participants: everyone))
        }
        var used: Set<[UInt64]> = []
        var sealed = 0, refused = 0, rebuiltInNewEpoch = 0
        let steps = PropertySeed.full ? 200_000 : 6_000
        for _ in 0..<steps {
            let who = Int.random(in: 0..<everyone.count, using: &random)
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<85:
                let kind = StreamKind.allCases.randomElement(using: &random)!
                let frame = try KeysTests.ParticipantKeyringTests.sealFrame(&keyrings[who].keyring, kind, [UInt8(who)])
                let id = try KeysTests.SenderRebuildTests.nonceID(frame)
                let inserted = used.insert([epoch] + id).inserted
                #expect(inserted, PropertySeed.note(seed, "participant \(who) reused KID \(id[0]) counter \(id[1]) in epoch \(epoch)"))
                sealed += 1
            case 85..<95:
                // Rebuild within the epoch, from any epoch's key still held: refused.
                let k = Int.random(in: 0..<keys.count, using: &random)
                do {
                    keyrings[who] = KeyringBox(
                        try Keyring(participant: everyone[who], meetingKey: keys[k].key, participants: everyone))
                    Issue.record(PropertySeed.note(seed, "rebuilt participant \(who) from epoch \(keys[k].key.epoch)'s key"))
                } catch {
                    guard case .senderKeyReused = error else { throw error }
                    refused += 1
                }
            default:
                // The recovery: a new epoch; half the time the pipeline is rebuilt from it,
                // half the time the keyring rekeys.
                epoch += 1
                keys.append(MeetingKeyBox(MeetingKey.generate(meetingID: meetingID, epoch: epoch)))
                for i in keyrings.indices {
                    if Bool.random(using: &random) {
                        keyrings[i] = KeyringBox(
                            try Keyring(participant: everyone[i], meetingKey: keys.last!.key, participants: everyone))
                        rebuiltInNewEpoch += 1
                    } else {
                        try keyrings[i].keyring.rekey(to: keys.last!.key, participants: everyone)
                    }
                }
            }
        }
        #expect(sealed > 0 && refused > 0 && rebuiltInNewEpoch > 0, PropertySeed.note(seed))
    }
}
