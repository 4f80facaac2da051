import FrameCrypto

/// A base key fixed by `seed`, and the KID it is used for.
struct KeySpec: CustomStringConvertible {
    var keyID: UInt64
    var seed: UInt8

    func baseKey() -> SecretBytes {
        let bytes = (0..<32).map { UInt8(truncatingIfNeeded: Int(seed) &* 131 &+ $0 &* 7 &+ 1) }
        return SecretBytes(copying: bytes.span)
    }

    var description: String { "KID \(keyID) (key \(seed))" }
}

enum Keys {
    /// Every backend and variant that runs on this machine.
    static let backends: [AEADBackend] = (BackendRegistry.all + BackendRegistry.variants).filter {
        $0.info.availability.isAvailable
    }

    /// The receiver's keys: KIDs at each header-encoding boundary (inline up to 7, one byte
    /// from 8, two, four and eight bytes).
    static let installed: [KeySpec] = [
        KeySpec(keyID: 0, seed: 1),
        KeySpec(keyID: 7, seed: 2),
        KeySpec(keyID: 8, seed: 3),
        KeySpec(keyID: 0x0102, seed: 4),
        KeySpec(keyID: 0x1234_5678, seed: 5),
        KeySpec(keyID: .max, seed: 6),
    ]

    /// Who may seal a frame: each installed key, a KID the receiver does not have, and KID 7
    /// under a different base key than the receiver's.
    static let senders: [KeySpec] = installed + [KeySpec(keyID: 9, seed: 7), KeySpec(keyID: 7, seed: 99)]

    /// The receiver's key for `keyID`, if it has one.
    static func installedKey(_ keyID: UInt64) -> KeySpec? {
        installed.first { $0.keyID == keyID }
    }
}
