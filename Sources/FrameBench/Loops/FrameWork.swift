import FrameCrypto

/// What the meeting loops do to one frame: seal it for a sender, open it for a receiver.
/// The loops are generic over this and specialised for each conformer, so the per-frame
/// call is direct.
protocol FrameWork: SendableMetatype {
    /// Seals `plaintext` as `seat`'s `kind` frame into `output`; returns the sealed length.
    func seal(
        seat: Int, kind: StreamKind, plaintext: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> Int
    /// Opens `frame` for `receiver` into `output`; returns the plaintext length.
    func open(
        receiver: Int, frame: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    )
        throws(FrameCryptoError) -> Int
}

/// The real work: each seat's `ParticipantKeyring` seals through its sender for the
/// stream's kind (SFrame header, counter nonce, AES-256-GCM) and opens through its
/// receiver (header, key lookup, replay window, AES-256-GCM). Each seat's keyring is
/// touched only by the thread that owns the seat.
struct KeyringWork<Context: AEADContext & ~Copyable>: FrameWork {
    /// The keyrings, by seat. Seats without a participant are never reached.
    let keyrings: KeyringSlots<Context>
    /// Busy work after every seal and open (``SyntheticOverhead``; `none` normally).
    let overhead: SyntheticOverhead

    @inline(__always)
    func seal(
        seat: Int, kind: StreamKind, plaintext: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> Int {
        let plain = UnsafeBufferPointer<UInt8>(
            start: plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self), count: plaintext.count)
        let out = UnsafeMutableBufferPointer<UInt8>(
            start: output.baseAddress?.assumingMemoryBound(to: UInt8.self), count: output.count)
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var span = out.mutableSpan
        let count = try keyrings.at(seat).pointee.seal(kind, plaintext: plain.span, metadata: none.span, into: &span)
        if !overhead.isNone { overhead.apply() }
        return count
    }

    @inline(__always)
    func open(
        receiver: Int, frame: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    )
        throws(FrameCryptoError) -> Int
    {
        let sealed = UnsafeBufferPointer<UInt8>(start: frame.baseAddress?.assumingMemoryBound(to: UInt8.self), count: frame.count)
        let out = UnsafeMutableBufferPointer<UInt8>(
            start: output.baseAddress?.assumingMemoryBound(to: UInt8.self), count: output.count)
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var span = out.mutableSpan
        let opened = try keyrings.at(receiver).pointee.open(frame: sealed.span, metadata: none.span, into: &span)
        if !overhead.isNone { overhead.apply() }
        return opened.plaintextCount
    }
}

/// No work: the crypto calls replaced by returning the lengths they would. Running the
/// same schedule through the same loops with this measures what the harness itself costs
/// (loops, forwarding, slots, clocks, barriers).
struct NullWork: FrameWork {
    /// What SFrame adds to a frame of a typical KID and counter: a 5-byte header, 16-byte tag.
    static let overhead = 21

    @inline(__always)
    func seal(
        seat: Int, kind: StreamKind, plaintext: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> Int {
        plaintext.count &+ Self.overhead
    }

    @inline(__always)
    func open(
        receiver: Int, frame: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    )
        throws(FrameCryptoError) -> Int
    {
        frame.count &- Self.overhead
    }
}

/// Memory for one `ParticipantKeyring` per seat, each starting on its own cache line, so a
/// thread sealing (which advances a sender's counter inside the keyring) never writes a
/// line that holds another thread's keyring.
struct KeyringSlots<Context: AEADContext & ~Copyable>: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let stride: Int

    /// Room for `count` keyrings, uninitialised.
    static func allocate(count: Int) -> KeyringSlots {
        let stride = (MemoryLayout<ParticipantKeyring<Context>>.stride + 63) & ~63
        let alignment = max(64, MemoryLayout<ParticipantKeyring<Context>>.alignment)
        return KeyringSlots(base: .allocate(byteCount: max(count, 1) * stride, alignment: alignment), stride: stride)
    }

    /// `seat`'s keyring.
    @inline(__always)
    func at(_ seat: Int) -> UnsafeMutablePointer<ParticipantKeyring<Context>> {
        (base + seat &* stride).assumingMemoryBound(to: ParticipantKeyring<Context>.self)
    }

    func deallocate() { base.deallocate() }
}
