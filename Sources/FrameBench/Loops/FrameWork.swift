import FrameCrypto

/// What the meeting loops do to one frame: seal it for a sender, open it for a receiver,
/// whole or packet by packet. The loops are generic over this and specialised for each
/// conformer, so the per-frame call is direct.
protocol FrameWork: SendableMetatype {
    /// Seals `plaintext` as `seat`'s `kind` frame into `output`: the protected bytes
    /// written, and the seals that took.
    func seal(
        seat: Int, kind: StreamKind, plaintext: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> WorkDone
    /// Opens the protected `frame` for `receiver` into `output`: the plaintext bytes, and
    /// the opens that took.
    func open(
        receiver: Int, frame: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> WorkDone
}

/// The real work: each seat's `ParticipantKeyring` seals through its sender for the
/// stream's kind (SFrame header, counter nonce, AEAD) and opens through its receiver
/// (header, key lookup, replay window, AEAD). Each seat's keyring is touched only by the
/// thread that owns the seat.
///
/// In packet granularity (``mtu`` above 0) a frame is cut into packets of at most ``mtu``
/// bytes protected, each sealed on its own with the sender's next counter (``PacketBudget``),
/// and written one after another; the receiver cuts the protected frame into ``mtu``-byte
/// pieces and opens each, its plaintext following the previous one's.
struct KeyringWork<Context: AEADContext & ~Copyable>: FrameWork {
    /// The keyrings, by seat. Seats without a participant are never reached.
    let keyrings: KeyringSlots<Context>
    /// Busy work after every seal and open (``SyntheticOverhead``; `none` normally).
    let overhead: SyntheticOverhead
    /// Bytes per protected packet, or 0 for one seal per frame.
    let mtu: Int
    /// The tag's length under this backend's algorithm.
    let tagCount: Int

    @inline(__always)
    func seal(
        seat: Int, kind: StreamKind, plaintext: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> WorkDone {
        let keyring = keyrings.at(seat)
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        guard mtu > 0 else {
            var span = Self.bytes(output).mutableSpan
            let count = try keyring.pointee.seal(kind, plaintext: Self.bytes(plaintext).span, metadata: none.span, into: &span)
            if !overhead.isNone { overhead.apply() }
            return WorkDone(bytes: count, packets: 1)
        }
        var consumed = 0, written = 0, packets = 0
        repeat {
            let room = mtu &- keyring.pointee.nextHeaderByteCount(for: kind) &- tagCount
            let count = min(room, plaintext.count &- consumed)
            let piece = UnsafeRawBufferPointer(rebasing: plaintext[consumed..<(consumed &+ count)])
            var span = Self.bytes(UnsafeMutableRawBufferPointer(rebasing: output[written...])).mutableSpan
            written &+= try keyring.pointee.seal(kind, plaintext: Self.bytes(piece).span, metadata: none.span, into: &span)
            if !overhead.isNone { overhead.apply() }
            consumed &+= count
            packets &+= 1
        } while consumed < plaintext.count
        return WorkDone(bytes: written, packets: packets)
    }

    @inline(__always)
    func open(
        receiver: Int, frame: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> WorkDone {
        let keyring = keyrings.at(receiver)
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        guard mtu > 0 else {
            var span = Self.bytes(output).mutableSpan
            let opened = try keyring.pointee.open(frame: Self.bytes(frame).span, metadata: none.span, into: &span)
            if !overhead.isNone { overhead.apply() }
            return WorkDone(bytes: opened.plaintextCount, packets: 1)
        }
        var read = 0, plain = 0, packets = 0
        repeat {
            let piece = UnsafeRawBufferPointer(rebasing: frame[read..<(read &+ min(mtu, frame.count &- read))])
            var span = Self.bytes(UnsafeMutableRawBufferPointer(rebasing: output[plain...])).mutableSpan
            plain &+= try keyring.pointee.open(frame: Self.bytes(piece).span, metadata: none.span, into: &span).plaintextCount
            if !overhead.isNone { overhead.apply() }
            read &+= piece.count
            packets &+= 1
        } while read < frame.count
        return WorkDone(bytes: plain, packets: packets)
    }

    @inline(__always)
    private static func bytes(_ raw: UnsafeRawBufferPointer) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
    }

    @inline(__always)
    private static func bytes(_ raw: UnsafeMutableRawBufferPointer) -> UnsafeMutableBufferPointer<UInt8> {
        UnsafeMutableBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
    }
}

/// No work: the crypto calls replaced by returning the lengths they would. Running the
/// same schedule through the same loops with this measures what the harness itself costs
/// (loops, forwarding, slots, clocks, barriers).
struct NullWork: FrameWork {
    /// What SFrame adds to a frame of a typical KID and counter: a 5-byte header, 16-byte tag.
    static let overhead = 21
    /// Bytes per protected packet, or 0 for one seal per frame (as ``KeyringWork/mtu``).
    var mtu = 0

    @inline(__always)
    func seal(
        seat: Int, kind: StreamKind, plaintext: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> WorkDone {
        guard mtu > 0 else { return WorkDone(bytes: plaintext.count &+ Self.overhead, packets: 1) }
        let room = mtu &- Self.overhead
        let packets = max(1, (plaintext.count &+ room &- 1) / room)
        return WorkDone(bytes: plaintext.count &+ packets &* Self.overhead, packets: packets)
    }

    @inline(__always)
    func open(
        receiver: Int, frame: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(FrameCryptoError) -> WorkDone {
        guard mtu > 0 else { return WorkDone(bytes: frame.count &- Self.overhead, packets: 1) }
        let packets = max(1, (frame.count &+ mtu &- 1) / mtu)
        return WorkDone(bytes: frame.count &- packets &* Self.overhead, packets: packets)
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
