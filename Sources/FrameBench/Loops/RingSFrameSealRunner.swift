import FrameCrypto

/// The SFrame seal layer on a ``FrameRing``: an ``SFrameSender`` sealing each slot's
/// plaintext in place (header written at the slot's start, ciphertext over the plaintext,
/// tag after it), as a sender sealing each captured frame into its packet buffer. The refill
/// copies the plaintext into the slot where its ciphertext goes: after the header the slot's
/// counter will have.
final class RingSFrameSealRunner<Context: AEADContext & ~Copyable>: RingLayerRunner {
    let implementation = Implementation.swift
    let backend: String
    let ring: FrameRing
    var cursor = 0
    private var sender: SFrameSender<Context>

    /// A sender for `keyID` keyed from `baseKey`, and a ring of `geometry` for `payload`.
    init(keyID: UInt64, baseKey: borrowing SecretBytes, payload: [UInt8], header: [UInt8], geometry: RingGeometry) throws(SuiteError) {
        backend = Context.info.name
        do {
            sender = try SFrameSender<Context>(keyID: keyID, baseKey: baseKey)
        } catch {
            throw .crypto(error)
        }
        ring = FrameRing(geometry: geometry, payload: payload, header: header)
        if geometry.refill == .afterRead { try fillWholeRing() }
    }

    deinit { ring.deallocate() }

    /// The header's length for `counter`.
    private func headerCount(_ counter: UInt64) -> Int { SFrameHeader(keyID: sender.keyID, counter: counter).byteCount }

    /// A part's counters share one header length, so its plaintext lies at one offset.
    func partLimit() -> Int {
        // SFrame writes counters below 8 in the config byte, then in 1 to 8 bytes.
        let next = sender.nextCounter
        let bytes = next < 8 ? 0 : (64 - next.leadingZeroBitCount + 7) >> 3
        guard bytes < 8 else { return .max }
        let growth: UInt64 = bytes == 0 ? 8 : UInt64(1) << UInt64(8 * bytes)
        return Int(clamping: growth &- next)
    }

    func refill(first: Int, count: Int) throws(SuiteError) {
        // The counter slot `first + j` will be sealed under: the sender's next plus the frames
        // read before it (after-read refills serve the next lap).
        let ahead = ring.geometry.refill == .afterRead ? ring.geometry.slots - count : 0
        for j in 0..<count {
            ring.writePayload(slot: first + j, offset: headerCount(sender.nextCounter &+ UInt64(ahead + j)))
        }
    }

    func timed(first: Int, count: Int) throws(SuiteError) -> UInt64 {
        let g = ring.geometry
        do {
            return try SFrameLoops.sealRing(
                &sender, ring: ring.slot(first), stride: g.stride, payloadOffset: headerCount(sender.nextCounter), size: g.frameSize,
                frames: count)
        } catch {
            throw .crypto(error)
        }
    }

    /// The frame in slot `index` as last sealed, `counter` being its counter (tests open it).
    func frame(slot index: Int, counter: UInt64) -> [UInt8] {
        let length = headerCount(counter) + ring.geometry.frameSize + AESGCM.tagByteCount
        return [UInt8](UnsafeRawBufferPointer(start: ring.slot(index), count: length))
    }

    /// The counter the next sealed frame gets.
    var nextCounter: UInt64 { sender.nextCounter }
}
