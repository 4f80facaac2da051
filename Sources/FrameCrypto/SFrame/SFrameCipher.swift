/// The SFrame per-frame transform (RFC 9605 §4.4.3–4.4.4) at an explicit counter, with no
/// state: `nonce = salt XOR counter`, `aad = header ‖ metadata`, and the protected frame
/// `header ‖ ciphertext ‖ tag`, where the tag is the context's algorithm's
/// (``AEADAlgorithm/tagByteCount``: 16 bytes for the GCM suites, 10, 8 or 4 for AES-CTR + HMAC).
///
/// ``SFrameSender`` and ``SFrameReceiver`` are built on these two calls and add what makes
/// them safe: a counter that never repeats, key lookup and a replay window. Call these
/// directly only where the counter is given, as in test vectors: sealing twice with one
/// counter under one key reuses a GCM nonce.
///
/// Neither call allocates on the heap. The AAD must be contiguous for the AEAD call: with
/// no metadata the header is used where it lies; otherwise header and metadata are copied
/// together into stack memory (`withUnsafeTemporaryAllocation`, which falls back to the
/// heap only for metadata too large for the stack, far beyond any media header).
public enum SFrameCipher {
    /// The bytes a frame gains at most, under any suite: the longest header and the longest
    /// tag (16 bytes).
    public static let maxOverhead = SFrameHeader.maxByteCount + AESGCM.tagByteCount

    /// The bytes a frame gains under `suite` with `header`: the header and `suite`'s `Nt`.
    @inlinable
    public static func overhead(header: SFrameHeader, suite: SFrameCipherSuite = .default) -> Int {
        header.byteCount + suite.tagByteCount
    }

    /// The size of the protected frame for `plaintextCount` bytes under `header`, with a tag
    /// of `suite`'s size (default `AES_256_GCM_SHA512_128`'s 16 bytes).
    @inlinable @inline(__always)
    public static func protectedSize(plaintextCount: Int, header: SFrameHeader, suite: SFrameCipherSuite = .default) -> Int {
        header.byteCount + plaintextCount + suite.tagByteCount
    }

    /// Seals `plaintext` as the frame `header ‖ ciphertext ‖ tag` at the start of
    /// `output`, and returns the frame's length.
    ///
    /// `plaintext` either lies exactly where its ciphertext goes (`output` from
    /// `header.byteCount` on: sealing in place) or does not overlap `output` at all.
    /// On failure `output` is wiped over the frame's length.
    ///
    /// - Throws: ``FrameCryptoError/bufferTooSmall(needed:available:)`` before anything is
    ///   written, or whatever the context's `seal` throws.
    @inlinable @inline(__always)
    public static func seal<Context: AEADContext & ~Copyable>(
        context: inout Context, salt: Nonce, header: SFrameHeader,
        plaintext: UnsafeRawBufferPointer, metadata: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> Int {
        let headerCount = header.byteCount
        let tagCount = context.algorithm.tagByteCount
        let total = headerCount + plaintext.count + tagCount
        guard output.count >= total, let base = output.baseAddress else {
            throw .bufferTooSmall(needed: total, available: output.count)
        }
        precondition(
            plaintextFits(plaintext, frame: base, headerCount: headerCount, total: total),
            "SFrame seal: plaintext must be sealed in place or not overlap the output")
        _ = header.unsafeEncode(to: base)
        return try sealEncoded(
            context: &context, nonce: salt.xor(counter: header.counter), frame: base, headerCount: headerCount,
            tagCount: tagCount, plaintext: plaintext, metadata: metadata)
    }

    /// The AEAD step of a seal whose checks are done and whose header is already written at
    /// `frame`: encrypts `plaintext` to `frame + headerCount`, puts the tag (`tagCount`
    /// bytes, the context's algorithm's) after it, and returns the frame's length. On failure
    /// the frame is wiped.
    ///
    /// The caller has checked that the frame fits its buffer and that `plaintext` lies in
    /// place or does not overlap it (``seal(context:salt:header:plaintext:metadata:into:)``
    /// and ``SFrameSender`` do, each once).
    @inlinable @inline(__always)
    static func sealEncoded<Context: AEADContext & ~Copyable>(
        context: inout Context, nonce: Nonce, frame base: UnsafeMutableRawPointer, headerCount: Int, tagCount: Int,
        plaintext: UnsafeRawBufferPointer, metadata: UnsafeRawBufferPointer
    ) throws(FrameCryptoError) -> Int {
        let total = headerCount &+ plaintext.count &+ tagCount
        let ciphertext = UnsafeMutableRawBufferPointer(start: base + headerCount, count: plaintext.count)
        let tag = base + headerCount + plaintext.count
        do {
            try withAAD(header: UnsafeRawBufferPointer(start: base, count: headerCount), metadata: metadata) {
                (aad) throws(FrameCryptoError) in
                try context.seal(nonce: nonce, aad: aad, plaintext: plaintext, ciphertext: ciphertext, tag: tag)
            }
        } catch {
            secureZero(base, count: total)
            throw error
        }
        return total
    }

    /// Whether `plaintext` may be sealed into the frame of `total` bytes at `base` with a
    /// header of `headerCount` bytes: empty, exactly in place, or not overlapping at all.
    @inlinable @inline(__always)
    static func plaintextFits(
        _ plaintext: UnsafeRawBufferPointer, frame base: UnsafeMutableRawPointer, headerCount: Int, total: Int
    ) -> Bool {
        plaintext.count == 0 || plaintext.baseAddress! == UnsafeRawPointer(base + headerCount)
            || plaintext.baseAddress! + plaintext.count <= UnsafeRawPointer(base)
            || plaintext.baseAddress! >= UnsafeRawPointer(base + total)
    }

    /// Opens the protected `frame`, whose header (already decoded by the caller) is
    /// `header` and takes its first `headerByteCount` bytes, writing the plaintext to the
    /// start of `output`; returns the plaintext's length.
    ///
    /// `output` either starts exactly at the frame's ciphertext (opening in place) or does
    /// not overlap `frame`; anything else is a programming error and stops the process, as
    /// in ``seal(context:salt:header:plaintext:metadata:into:)``.
    ///
    /// On any failure `output` holds no plaintext of this frame: the size checks throw
    /// before anything is written (`output` keeps what it held), and once decryption has
    /// started the backend zeroes the plaintext bytes before throwing (see
    /// ``AEADContext/open(nonce:aad:ciphertext:tag:plaintext:)``).
    ///
    /// - Throws: ``FrameCryptoError/malformedHeader(_:)`` for a frame too short to hold its
    ///   tag, ``FrameCryptoError/bufferTooSmall(needed:available:)``, or
    ///   ``FrameCryptoError/authenticationFailed`` when the tag does not verify.
    @inlinable @inline(__always)
    public static func open<Context: AEADContext & ~Copyable>(
        context: inout Context, salt: Nonce, header: SFrameHeader, headerByteCount: Int,
        frame: UnsafeRawBufferPointer, metadata: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> Int {
        try open(
            context: &context, salt: salt, header: header, headerByteCount: headerByteCount,
            tagCount: context.algorithm.tagByteCount, frame: frame, metadata: metadata, into: output)
    }

    /// ``open(context:salt:header:headerByteCount:frame:metadata:into:)`` with the tag size
    /// (the context's algorithm's) already known, as ``SFrameReceiver`` keeps it per key.
    @inlinable @inline(__always)
    static func open<Context: AEADContext & ~Copyable>(
        context: inout Context, salt: Nonce, header: SFrameHeader, headerByteCount: Int, tagCount: Int,
        frame: UnsafeRawBufferPointer, metadata: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> Int {
        let ciphertextCount = frame.count - headerByteCount - tagCount
        guard ciphertextCount >= 0, let base = frame.baseAddress else {
            throw .malformedHeader(tooShort(tagCount: tagCount))
        }
        guard output.count >= ciphertextCount else {
            throw .bufferTooSmall(needed: ciphertextCount, available: output.count)
        }
        precondition(
            ciphertextCount == 0 || output.baseAddress! == UnsafeMutableRawPointer(mutating: base + headerByteCount)
                || UnsafeRawPointer(output.baseAddress! + ciphertextCount) <= base
                || UnsafeRawPointer(output.baseAddress!) >= base + frame.count,
            "SFrame open: output must start at the ciphertext (in place) or not overlap the frame")
        let nonce = salt.xor(counter: header.counter)
        let ciphertext = UnsafeRawBufferPointer(start: base + headerByteCount, count: ciphertextCount)
        let tag = base + headerByteCount + ciphertextCount
        let plaintext = UnsafeMutableRawBufferPointer(start: output.baseAddress, count: ciphertextCount)
        try withAAD(header: UnsafeRawBufferPointer(start: base, count: headerByteCount), metadata: metadata) {
            (aad) throws(FrameCryptoError) in
            // The backends zero `plaintext` themselves when the tag does not verify.
            try context.open(nonce: nonce, aad: aad, ciphertext: ciphertext, tag: tag, plaintext: plaintext)
        }
        return ciphertextCount
    }

    /// The message for a frame shorter than its header and tag.
    @usableFromInline
    static func tooShort(tagCount: Int) -> StaticString {
        switch tagCount {
        case 10: "frame too short for its 10-byte tag"
        case 8: "frame too short for its 8-byte tag"
        case 4: "frame too short for its 4-byte tag"
        default: "frame too short for its 16-byte tag"
        }
    }

    /// Calls `body` with `header ‖ metadata` as one contiguous buffer: the header itself
    /// when there is no metadata, else a stack copy of both.
    @inlinable @inline(__always)
    static func withAAD(
        header: UnsafeRawBufferPointer, metadata: UnsafeRawBufferPointer,
        _ body: (UnsafeRawBufferPointer) throws(FrameCryptoError) -> Void
    ) throws(FrameCryptoError) {
        if metadata.isEmpty { return try body(header) }
        try withUnsafeTemporaryAllocation(byteCount: header.count + metadata.count, alignment: 1) {
            (buffer) throws(FrameCryptoError) in
            buffer.baseAddress!.copyMemory(from: header.baseAddress!, byteCount: header.count)
            (buffer.baseAddress! + header.count).copyMemory(from: metadata.baseAddress!, byteCount: metadata.count)
            try body(UnsafeRawBufferPointer(buffer))
        }
    }
}
