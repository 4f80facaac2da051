import CFrameReference
import FrameCrypto

/// The C-library layer on a ``FrameRing``: `fbr_*_seal_ring` / `fbr_*_open_ring`, the same
/// library calls as ``ReferenceFrameRunner`` over the ring every layer of the case walks.
/// The refill is the ring's: AAD and plaintext copied in; for open, then sealed in place
/// through the same C context, slot `i` under counter `i + 1`.
final class RingReferenceRunner: RingLayerRunner {
    let implementation = Implementation.c
    let backend: String
    let ring: FrameRing
    var cursor = 0
    private let library: Library
    private let operation: FrameOperation
    private var counter: UInt64 = 0

    /// The backends that have a ring C reference (`fbr_*_seal_ring`, `fbr_*_open_ring`):
    /// openssl and sodium. The optional libraries' C references are the frames suite's only
    /// (``ReferenceFrameRunner``), so their overhead records start at the Swift backend.
    static let backends: Set<String> = ["openssl", "sodium"]

    private enum Library {
        case openssl(OpaquePointer)
        case sodium(OpaquePointer)
    }

    /// A C reference for `backend` on a ring of `geometry`, or `nil` when it has none.
    init?(
        backend: String, key: [UInt8], payload: [UInt8], header: [UInt8], geometry: RingGeometry, operation: FrameOperation
    ) throws(SuiteError) {
        let made: Library?
        switch backend {
        case "openssl": made = key.withUnsafeBufferPointer { fbr_openssl_new($0.baseAddress) }.map(Library.openssl)
        case "sodium": made = key.withUnsafeBufferPointer { fbr_sodium_new($0.baseAddress) }.map(Library.sodium)
        default: return nil
        }
        guard let made else { throw .referenceFailed("cannot make the C reference context for \(backend)") }
        self.backend = backend
        self.library = made
        self.operation = operation
        ring = FrameRing(geometry: geometry, payload: payload, header: header)
        if geometry.refill == .afterRead { try fillWholeRing() }
    }

    deinit {
        switch library {
        case let .openssl(context): fbr_openssl_free(context)
        case let .sodium(context): fbr_sodium_free(context)
        }
        ring.deallocate()
    }

    func refill(first: Int, count: Int) throws(SuiteError) {
        ring.writeFrames(first: first, count: count)
        if operation == .open {
            var slotCounter = UInt64(first)
            guard seal(first: first, count: count, counter: &slotCounter) >= 0 else {
                throw .referenceFailed("C reference seal failed for \(backend)")
            }
        }
    }

    func timed(first: Int, count: Int) throws(SuiteError) -> UInt64 {
        let ns: Int64
        switch operation {
        case .seal:
            ns = seal(first: first, count: count, counter: &counter)
        case .open:
            let g = ring.geometry
            let slot = UnsafePointer(ring.slot(first).assumingMemoryBound(to: UInt8.self))
            let text = ring.output.baseAddress!.assumingMemoryBound(to: UInt8.self)
            switch library {
            case let .openssl(context):
                ns = fbr_openssl_open_ring(context, slot, g.stride, g.frameSize, g.headerBytes, text, UInt64(first) + 1, count)
            case let .sodium(context):
                ns = fbr_sodium_open_ring(context, slot, g.stride, g.frameSize, g.headerBytes, text, UInt64(first) + 1, count)
            }
        }
        guard ns >= 0 else { throw .referenceFailed("C reference \(operation.rawValue) failed for \(backend)") }
        return UInt64(ns)
    }

    private func seal(first: Int, count: Int, counter: inout UInt64) -> Int64 {
        let g = ring.geometry
        let slot = ring.slot(first).assumingMemoryBound(to: UInt8.self)
        switch library {
        case let .openssl(context): return fbr_openssl_seal_ring(context, slot, g.stride, g.frameSize, g.headerBytes, &counter, count)
        case let .sodium(context): return fbr_sodium_seal_ring(context, slot, g.stride, g.frameSize, g.headerBytes, &counter, count)
        }
    }

    /// The plaintext the last open left.
    var openedText: [UInt8] { [UInt8](ring.output) }
}
