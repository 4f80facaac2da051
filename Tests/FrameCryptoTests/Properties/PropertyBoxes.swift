import FrameCrypto

/// Holds a non-copyable secret so a property can keep several in an array.
final class SecretBox {
    let secret: SecretBytes
    init(_ secret: consuming SecretBytes) { self.secret = secret }
}

/// Holds a non-copyable meeting key so a property can keep one per epoch in an array.
final class MeetingKeyBox {
    let key: MeetingKey
    init(_ key: consuming MeetingKey) { self.key = key }
}
