import FrameCrypto

/// The SFrame open layer on a ``FrameRing``: an ``SFrameReceiver`` holding `keyIDs.count`
/// keys opens each slot's frame (header parse, key lookup, replay check and record,
/// AES-256-GCM) into the ring's one output buffer. A receiver refuses a counter twice, so
/// the refill seals fresh frames: the plaintext copied into the slot, then sealed in place by
/// a sender with the measured key, the counters rising in the order the slots are read.
final class RingSFrameOpenRunner<Context: AEADContext & ~Copyable>: RingLayerRunner {
    let implementation = Implementation.swift
    let backend: String
    let ring: FrameRing
    var cursor = 0
    private var sender: SFrameSender<Context>
    private var receiver: SFrameReceiver<Context>
    /// Each slot's frame length.
    private let lengths: UnsafeMutableBufferPointer<Int>

    /// A receiver with `keyIDs.count` keys, all derived from `baseKey`, a sender for `keyID`
    /// (one of them), and a ring of `geometry` for `payload`.
    init(
        keyID: UInt64, keyIDs: [UInt64], baseKey: borrowing SecretBytes, payload: [UInt8], header: [UInt8],
        geometry: RingGeometry
    ) throws(SuiteError) {
        precondition(keyIDs.contains(keyID), "the measured KID must be installed")
        backend = Context.info.name
        do {
            sender = try SFrameSender<Context>(keyID: keyID, baseKey: baseKey)
            receiver = SFrameReceiver<Context>(capacity: keyIDs.count)
            for kid in keyIDs { try receiver.addKey(keyID: kid, baseKey: baseKey) }
        } catch {
            throw .crypto(error)
        }
        ring = FrameRing(geometry: geometry, payload: payload, header: header)
        lengths = .allocate(capacity: geometry.slots)
        lengths.initialize(repeating: 0)
        if geometry.refill == .afterRead { try fillWholeRing() }
    }

    deinit {
        ring.deallocate()
        lengths.deallocate()
    }

    func refill(first: Int, count: Int) throws(SuiteError) {
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        let g = ring.geometry
        do {
            for index in first..<(first + count) {
                let offset = SFrameHeader(keyID: sender.keyID, counter: sender.nextCounter).byteCount
                ring.writePayload(slot: index, offset: offset)
                let slot = ring.slot(index)
                lengths[index] = try sender.seal(
                    plaintext: UnsafeRawBufferPointer(start: slot + offset, count: g.frameSize), metadata: none,
                    into: UnsafeMutableRawBufferPointer(start: slot, count: g.stride))
            }
        } catch {
            throw .crypto(error)
        }
    }

    func timed(first: Int, count: Int) throws(SuiteError) -> UInt64 {
        let g = ring.geometry
        do {
            return try SFrameLoops.open(
                &receiver, ring: UnsafeRawBufferPointer(start: ring.slot(first), count: count * g.stride), stride: g.stride,
                lengths: UnsafeBufferPointer(rebasing: lengths[first..<(first + count)]), output: ring.output, frames: count)
        } catch {
            throw .crypto(error)
        }
    }

    /// The plaintext the last open left (tests compare it with the payload).
    var openedText: [UInt8] { [UInt8](ring.output) }
}
