import FrameCrypto

/// A case run by the C reference (`Sources/CFrameReference`): the same library calls as
/// the backend, the same batch structure and clock, with no Swift in the per-frame loop.
/// The batch is timed inside C, one call through the backend's ``CReferenceTable`` per
/// batch: each library's own C reference for AES-256-GCM and, for the libraries that have
/// one, AES-128-GCM; OpenSSL's suite reference (`suites.c`) for the other SFrame suites'
/// AEADs; and the floor.
final class ReferenceFrameRunner: FrameBatchRunner {
    let implementation = Implementation.c
    let backend: String
    private let reference: CReferenceContext
    private let buffers: FrameBuffers
    private let operation: FrameOperation
    private var counter: UInt64 = 0

    /// The backend name of the floor reference: the minimal AES-256-GCM every library is
    /// compared with (`Sources/CFrameReference/floor.c`; not a backend for use).
    static let floorName = FloorReference.name

    /// The backends that have a C reference (the optional libraries' when their trait is on).
    static let backends = Set(CReferenceLibrary.all.map(\.backend))

    /// Why the floor cannot run here, or `nil` when it can.
    static var floorUnavailableReason: String? { FloorReference.unavailableReason }

    /// A C reference for `backend` under `algorithm`, or `nil` when it has none; an error
    /// when `key` is not the algorithm's length or the library fails.
    init?(
        backend: String, algorithm: AEADAlgorithm = .aes256GCM, key: [UInt8], payload: [UInt8], aad: [UInt8],
        operation: FrameOperation
    ) throws(SuiteError) {
        guard let table = CReferenceLibrary.table(backend: backend, algorithm: algorithm) else { return nil }
        reference = try CReferenceContext(table, key: key)
        self.backend = backend
        self.operation = operation
        buffers = FrameBuffers(payload: payload, aad: aad, nonce: Nonce(counter: 0x5F5F_5F5F))
        if operation == .open {
            // Seal once, through C, under the nonce every open uses: counter 0x5F5F5F5E + 1.
            var sealCounter: UInt64 = 0x5F5F_5F5E
            if reference.sealBatch(buffers, text: buffers.sealed, counter: &sealCounter, frames: 1) < 0 {
                throw .referenceFailed("C reference seal failed for \(table.label)")
            }
        }
    }

    deinit { buffers.deallocate() }

    func runBatch(frames: Int) throws(SuiteError) -> UInt64 {
        let ns =
            switch operation {
            case .seal: reference.sealBatch(buffers, text: buffers.text, counter: &counter, frames: frames)
            case .open: reference.openBatch(buffers, frames: frames)
            }
        guard ns >= 0 else { throw .referenceFailed("C reference \(operation.rawValue) failed for \(reference.table.label)") }
        return UInt64(ns)
    }

    /// The plaintext an open batch left.
    var openedText: [UInt8] { [UInt8](buffers.text) }
    /// The frame and tag a seal batch left.
    var sealedText: (text: [UInt8], tag: [UInt8]) { ([UInt8](buffers.text), [UInt8](buffers.tag)) }
}
