import FrameCrypto

/// The C-library layer on a ``FrameRing``: `fbr_*_seal_ring` / `fbr_*_open_ring` through the
/// backend's ``CReferenceTable``, the same library calls as ``ReferenceFrameRunner`` over the
/// ring every layer of the case walks. The refill is the ring's: AAD and plaintext copied in;
/// for open, then sealed in place through the same C context, slot `i` under counter `i + 1`.
final class RingReferenceRunner: RingLayerRunner {
    let implementation = Implementation.c
    let backend: String
    let ring: FrameRing
    var cursor = 0
    private let reference: CReferenceContext
    private let operation: FrameOperation
    private var counter: UInt64 = 0

    /// The backends that have a ring C reference (`fbr_*_seal_ring`, `fbr_*_open_ring`):
    /// every library with a C reference built here (openssl, sodium, and the optional
    /// libraries under their traits), so their overhead records start at the C library.
    static let backends = Set(
        CReferenceLibrary.all.filter { $0.table(.aes256GCM)?.ring != nil }.map(\.backend))

    /// A C reference for `backend` on a ring of `geometry`, or `nil` when it has none.
    init?(
        backend: String, key: [UInt8], payload: [UInt8], header: [UInt8], geometry: RingGeometry, operation: FrameOperation
    ) throws(SuiteError) {
        guard let table = CReferenceLibrary.table(backend: backend, algorithm: .aes256GCM), table.ring != nil else { return nil }
        reference = try CReferenceContext(table, key: key)
        self.backend = backend
        self.operation = operation
        ring = FrameRing(geometry: geometry, payload: payload, header: header)
        if geometry.refill == .afterRead { try fillWholeRing() }
    }

    deinit { ring.deallocate() }

    func refill(first: Int, count: Int) throws(SuiteError) {
        ring.writeFrames(first: first, count: count)
        if operation == .open {
            var slotCounter = UInt64(first)
            guard reference.sealRing(ring, first: first, count: count, counter: &slotCounter) >= 0 else {
                throw .referenceFailed("C reference seal failed for \(backend)")
            }
        }
    }

    func timed(first: Int, count: Int) throws(SuiteError) -> UInt64 {
        let ns =
            switch operation {
            case .seal: reference.sealRing(ring, first: first, count: count, counter: &counter)
            case .open: reference.openRing(ring, first: first, count: count)
            }
        guard ns >= 0 else { throw .referenceFailed("C reference \(operation.rawValue) failed for \(backend)") }
        return UInt64(ns)
    }

    /// The plaintext the last open left.
    var openedText: [UInt8] { [UInt8](ring.output) }
}
