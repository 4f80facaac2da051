/// What ``SFrameReceiver`` found in a frame it opened.
public struct SFrameOpened: Sendable, BitwiseCopyable, Equatable {
    /// The frame's KID.
    public var keyID: UInt64
    /// The frame's counter.
    public var counter: UInt64
    /// How many plaintext bytes were written to the output.
    public var plaintextCount: Int

    /// A result for `keyID`, `counter` and `plaintextCount` bytes.
    public init(keyID: UInt64, counter: UInt64, plaintextCount: Int) {
        self.keyID = keyID
        self.counter = counter
        self.plaintextCount = plaintextCount
    }
}

/// The receiving side of SFrame: the keys of every sender a participant hears, each with
/// its own replay window, and the opening of protected frames.
///
/// Keys live in a fixed-capacity table allocated once at ``init(capacity:suite:maxForwardJump:)``; finding a
/// frame's key takes expected constant time. ``open(frame:metadata:into:)-(Span<UInt8>,_,_)`` makes no heap
/// allocation and takes no lock.
///
/// Opening checks, in order: the header parses; its KID is installed; its counter passes
/// the replay window (a duplicate, or a counter older than
/// ``SFrameReplayWindow/width`` below the highest seen, is refused before anything is
/// decrypted); the counter is at most ``maxForwardJump`` past the highest seen (see
/// ``SFrameReplayWindow``); the tag verifies. Only then is the counter recorded, so a
/// frame that does not authenticate can never move the window. On any failure the output
/// holds no plaintext of the frame.
///
/// SFrame's authentication is by group: a frame that authenticates was made by someone
/// holding the sender's key, which every member of the meeting can derive. The
/// forward-jump bound limits what a member forging another's frames can do to the window;
/// it cannot stop the forgery itself (see `docs/keys.md`, "Threat model").
public struct SFrameReceiver<Context: AEADContext & ~Copyable>: ~Copyable {
    @usableFromInline var table: SFrameKeyTable<Context>
    /// How far past the highest accepted counter one frame may go, for every key.
    public let maxForwardJump: UInt64
    /// The cipher suite of every key ``addKey(keyID:baseKey:)`` installs.
    public let suite: SFrameCipherSuite

    /// A receiver with room for `capacity` keys, for instance 200 senders × 3 streams ×
    /// 2–3 epochs, whose keys are derived for `suite` (default `AES_256_GCM_SHA512_128`).
    /// All memory is allocated here, once. Each key's frames may move its
    /// replay window forward by at most `maxForwardJump` counters at a time (default
    /// ``SFrameReplayWindow/defaultMaxForwardJump``; `.max` for no bound).
    public init(
        capacity: Int, suite: SFrameCipherSuite = .default,
        maxForwardJump: UInt64 = SFrameReplayWindow.defaultMaxForwardJump
    ) {
        table = SFrameKeyTable(capacity: capacity)
        self.maxForwardJump = maxForwardJump
        self.suite = suite
    }

    /// The most keys that can be installed at once.
    public var capacity: Int { table.capacity }

    /// How many keys are installed.
    public var keyCount: Int { table.count }

    /// Whether a key with `keyID` is installed.
    public func contains(keyID: UInt64) -> Bool {
        table.slot(of: keyID) != nil
    }

    /// Derives and installs the key and salt for `keyID` from `baseKey` with ``suite``'s key
    /// schedule, with a fresh replay window.
    ///
    /// A KID that is installed already is refused: replacing it would reset its replay
    /// window and let every frame seen so far be replayed. To change a KID's key on
    /// purpose, ``removeKey(keyID:)`` it first.
    ///
    /// - Throws: ``FrameCryptoError/duplicateKeyID(_:)`` when `keyID` is installed;
    ///   ``FrameCryptoError/keyStoreFull(capacity:)`` when ``keyCount`` is ``capacity``;
    ///   ``FrameCryptoError/unsupportedAlgorithm(_:backend:)`` when the backend lacks the
    ///   suite's AEAD; or what the backend throws when keying. The installed keys are
    ///   unchanged then.
    public mutating func addKey(keyID: UInt64, baseKey: borrowing SecretBytes) throws(FrameCryptoError) {
        guard !contains(keyID: keyID) else { throw .duplicateKeyID(keyID) }
        guard table.count < table.capacity else { throw .keyStoreFull(capacity: table.capacity) }
        let keyed = try SFrameKeySchedule.derive(baseKey: baseKey, keyID: keyID, suite: suite, as: Context.self)
        try table.insert(SFrameKeyEntry(keyID: keyID, keyed: keyed, maxForwardJump: maxForwardJump))
    }

    /// Removes the key for `keyID`, wiping its context; `false` when none was installed.
    @discardableResult
    public mutating func removeKey(keyID: UInt64) -> Bool {
        table.remove(keyID)
    }

    /// The replay window of `keyID`'s key, or `nil` when none is installed.
    public func replayWindow(keyID: UInt64) -> SFrameReplayWindow? {
        guard let index = table.entryIndex(of: keyID) else { return nil }
        return table.entries[index].window
    }

    /// Opens the protected `frame` (`header ‖ ciphertext ‖ tag`), authenticating
    /// `header ‖ metadata`, and writes the plaintext to the start of `output`.
    ///
    /// - Throws: ``FrameCryptoError/malformedHeader(_:)`` for a truncated header or a frame
    ///   too short for its tag, ``FrameCryptoError/unknownKeyID(_:)``,
    ///   ``FrameCryptoError/replayedCounter(keyID:counter:)``,
    ///   ``FrameCryptoError/counterJumpTooLarge(keyID:counter:limit:)``,
    ///   ``FrameCryptoError/bufferTooSmall(needed:available:)`` or
    ///   ``FrameCryptoError/authenticationFailed``.
    @inlinable
    public mutating func open(
        frame: Span<UInt8>, metadata: Span<UInt8>, into output: inout MutableSpan<UInt8>
    ) throws(FrameCryptoError) -> SFrameOpened {
        try frame.withUnsafeBytes { (frameBytes) throws(FrameCryptoError) -> SFrameOpened in
            try metadata.withUnsafeBytes { (meta) throws(FrameCryptoError) -> SFrameOpened in
                try output.withUnsafeMutableBytes { (out) throws(FrameCryptoError) -> SFrameOpened in
                    try self.open(frame: frameBytes, metadata: meta, into: out)
                }
            }
        }
    }

    /// Opens a frame from raw memory, for the measurement harness, as the `Span` variant
    /// does. `output` either starts exactly at the frame's ciphertext (opening in place)
    /// or does not overlap `frame`.
    ///
    /// - Throws: as the `Span` variant.
    @inlinable @inline(__always)
    public mutating func open(
        frame: UnsafeRawBufferPointer, metadata: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> SFrameOpened {
        let (header, headerCount) = try SFrameHeader.decode(frame)
        guard let index = table.entryIndex(of: header.keyID) else { throw .unknownKeyID(header.keyID) }
        let entry = table.entries + index
        guard entry.pointee.window.allows(header.counter) else {
            throw .replayedCounter(keyID: header.keyID, counter: header.counter)
        }
        guard !entry.pointee.window.exceedsForwardJump(header.counter) else {
            throw .counterJumpTooLarge(keyID: header.keyID, counter: header.counter, limit: maxForwardJump)
        }
        let count = try SFrameCipher.open(
            context: &entry.pointee.context, salt: entry.pointee.salt, header: header, headerByteCount: headerCount,
            tagCount: entry.pointee.tagByteCount, frame: frame, metadata: metadata, into: output)
        // Authenticated: only now may the counter move the window.
        entry.pointee.window.record(header.counter)
        return SFrameOpened(keyID: header.keyID, counter: header.counter, plaintextCount: count)
    }
}

extension SFrameReceiver: @unchecked Sendable where Context: Sendable & ~Copyable {}
