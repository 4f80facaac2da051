/// One SFrame sending stream: a KID, its keyed context and salt, and the counter that
/// makes every frame's nonce unique.
///
/// The counter starts at 0 and goes up by one per sealed frame. Once the frame with
/// counter `counterLimit` is sealed the sender is exhausted and refuses to seal again, so
/// no nonce is ever used twice under its key; the owner then rekeys with a new KID.
///
/// ``seal(plaintext:metadata:into:)-(Span<UInt8>,_,_)`` makes no heap allocation and takes no lock. The
/// sender is `~Copyable`: one owner, one thread at a time, and a copy can never replay
/// the counter.
///
/// The salt lives in memory of its own, allocated once by ``init(keyID:baseKey:suite:counterLimit:)``
/// and wiped (`secureZero`) and freed when the sender is destroyed; the context wipes
/// its own key. (A `~Copyable` struct cannot write to its inline fields in `deinit`, and
/// moves would leave inline copies behind, so the salt is not stored inline.)
///
/// Counters restart at 0 for every sender, so a sender must be made at most once per
/// (key, KID): ``ParticipantKeyring`` enforces that for keys from a ``MeetingKey`` (see
/// ``MeetingKey/claimSender(participant:kind:)``). Callers that build senders from raw
/// base keys take on that duty themselves.
public struct SFrameSender<Context: AEADContext & ~Copyable>: ~Copyable {
    @usableFromInline var context: Context
    @usableFromInline let saltStorage: UnsafeMutablePointer<Nonce>
    @usableFromInline var counter: UInt64
    @usableFromInline var exhausted: Bool

    /// The KID written into every header.
    public let keyID: UInt64
    /// The bytes the KID takes after the config byte (0 for KIDs below 8): fixed per sender.
    @usableFromInline let keyIDLength: Int
    /// The last counter this sender may use.
    public let counterLimit: UInt64
    /// The cipher suite every frame is sealed with.
    public let suite: SFrameCipherSuite
    /// The suite's `Nt`, kept for the per-frame size arithmetic.
    @usableFromInline let tagByteCount: Int

    /// Derives the key and salt for `keyID` from `baseKey` with `suite`'s key schedule
    /// (RFC 9605 §4.4.2).
    ///
    /// - Parameters:
    ///   - keyID: the KID written into every header, and the input of the derivation.
    ///   - baseKey: the sender's base key; it is not kept.
    ///   - suite: the cipher suite (default `AES_256_GCM_SHA512_128`).
    ///   - counterLimit: the last counter to use (inclusive); the default allows
    ///     every 64-bit counter.
    /// - Throws: ``FrameCryptoError/unsupportedAlgorithm(_:backend:)`` when the backend lacks
    ///   the suite's AEAD, or whatever the backend throws when keying its context.
    public init(
        keyID: UInt64, baseKey: borrowing SecretBytes, suite: SFrameCipherSuite = .default, counterLimit: UInt64 = .max
    ) throws(FrameCryptoError) {
        let keyed = try SFrameKeySchedule.derive(baseKey: baseKey, keyID: keyID, suite: suite, as: Context.self)
        self.saltStorage = .allocate(capacity: 1)
        self.saltStorage.initialize(to: keyed.salt)
        self.context = keyed.context
        self.keyID = keyID
        self.keyIDLength = SFrameHeader.extendedByteCount(keyID)
        self.counterLimit = counterLimit
        self.suite = suite
        self.tagByteCount = suite.tagByteCount
        self.counter = 0
        self.exhausted = false
    }

    deinit {
        secureZero(saltStorage, count: MemoryLayout<Nonce>.size)
        saltStorage.deallocate()
    }

    /// The SFrame salt (RFC 9605 §4.4.2), XORed with the counter to make each nonce.
    @inlinable
    var salt: Nonce { saltStorage.pointee }

    /// The counter the next sealed frame gets. After the last frame (see ``isExhausted``)
    /// it stays at ``counterLimit``, and no frame gets it again.
    @inlinable
    public var nextCounter: UInt64 { counter }

    /// The length of the next sealed frame's header: 1 config byte, the KID's bytes and
    /// the next counter's bytes.
    @inlinable
    public var nextHeaderByteCount: Int { 1 &+ keyIDLength &+ SFrameHeader.extendedByteCount(counter) }

    /// Whether the counter is spent: every further seal throws
    /// ``FrameCryptoError/counterExhausted(keyID:)``.
    @inlinable
    public var isExhausted: Bool { exhausted }

    /// The protected frame's size: header, ciphertext and `suite`'s tag.
    @inlinable
    public static func protectedSize(
        plaintextCount: Int, keyID: UInt64, counter: UInt64, suite: SFrameCipherSuite = .default
    ) -> Int {
        SFrameCipher.protectedSize(
            plaintextCount: plaintextCount, header: SFrameHeader(keyID: keyID, counter: counter), suite: suite)
    }

    /// What the next frame gains over its plaintext: its header and this sender's tag.
    @inlinable
    public var nextOverhead: Int {
        SFrameHeader(keyID: keyID, counter: counter).byteCount + tagByteCount
    }

    /// The most a frame grows under any suite: the longest header (17 bytes) and the longest
    /// tag (16 bytes).
    @inlinable
    public static var maxOverhead: Int { SFrameCipher.maxOverhead }

    /// Seals one frame under ``suite``: writes `header ‖ ciphertext ‖ tag` into the start of `output`,
    /// authenticating `header ‖ metadata`, and returns the bytes written.
    ///
    /// - Throws: ``FrameCryptoError/counterExhausted(keyID:)`` once the counter is spent;
    ///   ``FrameCryptoError/bufferTooSmall(needed:available:)`` when `output` cannot hold
    ///   the frame (the counter is not used then); or what the backend throws.
    @inlinable
    public mutating func seal(
        plaintext: Span<UInt8>, metadata: Span<UInt8>, into output: inout MutableSpan<UInt8>
    ) throws(FrameCryptoError) -> Int {
        try plaintext.withUnsafeBytes { (plain) throws(FrameCryptoError) -> Int in
            try metadata.withUnsafeBytes { (meta) throws(FrameCryptoError) -> Int in
                try output.withUnsafeMutableBytes { (out) throws(FrameCryptoError) -> Int in
                    try self.seal(plaintext: plain, metadata: meta, into: out)
                }
            }
        }
    }

    /// Seals one frame from raw memory, for the measurement harness, as the `Span`
    /// variant does.
    ///
    /// `plaintext` either lies exactly where its ciphertext goes (in `output` just after
    /// the header, whose length is `SFrameHeader(keyID:counter: nextCounter).byteCount`:
    /// sealing in place) or does not overlap `output`.
    ///
    /// - Throws: as the `Span` variant.
    @inlinable @inline(__always)
    public mutating func seal(
        plaintext: UnsafeRawBufferPointer, metadata: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> Int {
        guard !exhausted else { throw .counterExhausted(keyID: keyID) }
        let counter = self.counter
        // Everything about the frame's size is worked out once, here: the KID's length was
        // fixed at init, the counter's takes one bit scan.
        let counterLength = SFrameHeader.extendedByteCount(counter)
        let headerCount = 1 &+ keyIDLength &+ counterLength
        guard plaintext.count <= AESGCM.maxMessageByteCount else { throw .messageTooLong(plaintext.count) }
        let tagCount = tagByteCount
        let needed = headerCount &+ plaintext.count &+ tagCount
        guard output.count >= needed, let base = output.baseAddress else {
            throw .bufferTooSmall(needed: needed, available: output.count)
        }
        precondition(
            SFrameCipher.plaintextFits(plaintext, frame: base, headerCount: headerCount, total: needed),
            "SFrame seal: plaintext must be sealed in place or not overlap the output")
        // Spend the counter before the cipher runs: even a seal that fails halfway never
        // leaves its nonce to be used again.
        if counter == counterLimit { exhausted = true } else { self.counter = counter &+ 1 }
        SFrameHeader(keyID: keyID, counter: counter).unsafeEncode(
            to: base, keyIDLength: keyIDLength, counterLength: counterLength)
        return try SFrameCipher.sealEncoded(
            context: &context, nonce: salt.xor(counter: counter), frame: base, headerCount: headerCount,
            tagCount: tagCount, plaintext: plaintext, metadata: metadata)
    }
}

// The salt pointer is owned by the sender alone and only read after `init`.
extension SFrameSender: @unchecked Sendable where Context: Sendable & ~Copyable {}
