import FrameCrypto

/// The Swift-backend layer on a ``FrameRing``: `Context`'s seal or open per frame from
/// ``FrameLoops/sealRing(_:ring:stride:size:aadBytes:frames:counter:)`` and
/// ``FrameLoops/openRing(_:ring:stride:size:aadBytes:output:firstCounter:frames:)``, over the
/// ring every layer of the case walks. The refill is the C layer's: AAD and plaintext copied
/// in; for open, then sealed in place through the same context, slot `i` under counter `i + 1`.
final class RingBackendRunner<Context: AEADContext & ~Copyable>: RingLayerRunner {
    let implementation = Implementation.swift
    let backend: String
    let ring: FrameRing
    var cursor = 0
    private var context: Context
    private let operation: FrameOperation
    private var counter: UInt64 = 0

    /// A keyed context and a ring of `geometry` for `operation` on `payload`.
    init(key: [UInt8], payload: [UInt8], header: [UInt8], geometry: RingGeometry, operation: FrameOperation) throws(SuiteError) {
        backend = Context.info.name
        do {
            context = try Context(key: key.span)
        } catch {
            throw .crypto(error)
        }
        self.operation = operation
        ring = FrameRing(geometry: geometry, payload: payload, header: header)
        if geometry.refill == .afterRead { try fillWholeRing() }
    }

    deinit { ring.deallocate() }

    func refill(first: Int, count: Int) throws(SuiteError) {
        ring.writeFrames(first: first, count: count)
        guard operation == .open else { return }
        let g = ring.geometry
        var slotCounter = UInt64(first)
        do {
            _ = try FrameLoops.sealRing(
                &context, ring: ring.slot(first), stride: g.stride, size: g.frameSize, aadBytes: g.headerBytes, frames: count,
                counter: &slotCounter)
        } catch {
            throw .crypto(error)
        }
    }

    func timed(first: Int, count: Int) throws(SuiteError) -> UInt64 {
        let g = ring.geometry
        do {
            switch operation {
            case .seal:
                return try FrameLoops.sealRing(
                    &context, ring: ring.slot(first), stride: g.stride, size: g.frameSize, aadBytes: g.headerBytes, frames: count,
                    counter: &counter)
            case .open:
                return try FrameLoops.openRing(
                    &context, ring: UnsafeRawPointer(ring.slot(first)), stride: g.stride, size: g.frameSize, aadBytes: g.headerBytes,
                    output: ring.output, firstCounter: UInt64(first) + 1, frames: count)
            }
        } catch {
            throw .crypto(error)
        }
    }

    /// The plaintext the last open left.
    var openedText: [UInt8] { [UInt8](ring.output) }
}
