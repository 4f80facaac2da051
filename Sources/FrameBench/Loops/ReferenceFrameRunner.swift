import CFrameReference
import FrameCrypto

/// A case run by the C reference (`Sources/CFrameReference`): the same library calls as
/// the backend, the same batch structure and clock, with no Swift in the per-frame loop.
/// The batch is timed inside C.
final class ReferenceFrameRunner: FrameBatchRunner {
    let implementation = Implementation.c
    let backend: String
    private let library: Library
    private let buffers: FrameBuffers
    private let operation: FrameOperation
    private var counter: UInt64 = 0

    private enum Library {
        case openssl(OpaquePointer)
        case sodium(OpaquePointer)
    }

    /// The backends that have a C reference.
    static let backends: Set<String> = ["openssl", "sodium"]

    /// A C reference for `backend`, or `nil` when it has none.
    init?(backend: String, key: [UInt8], payload: [UInt8], aad: [UInt8], operation: FrameOperation) throws(SuiteError) {
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
        self.buffers = FrameBuffers(payload: payload, aad: aad, nonce: Nonce(counter: 0x5F5F_5F5F))
        if operation == .open {
            // Seal once, through C, under the nonce every open uses: counter 0x5F5F5F5E + 1.
            var sealCounter: UInt64 = 0x5F5F_5F5E
            if seal(frames: 1, counter: &sealCounter, into: buffers.sealed) < 0 {
                throw .referenceFailed("C reference seal failed for \(backend)")
            }
        }
    }

    deinit {
        switch library {
        case let .openssl(context): fbr_openssl_free(context)
        case let .sodium(context): fbr_sodium_free(context)
        }
        buffers.deallocate()
    }

    func runBatch(frames: Int) throws(SuiteError) -> UInt64 {
        let ns: Int64
        switch operation {
        case .seal:
            ns = seal(frames: frames, counter: &counter, into: buffers.text)
        case .open:
            ns = withUnsafeBytes(of: buffers.nonce.bytes) { nonce in
                let n = nonce.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let aad = buffers.aad.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let tag = buffers.tag.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let sealed = buffers.sealed.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let text = buffers.text.baseAddress!.assumingMemoryBound(to: UInt8.self)
                switch library {
                case let .openssl(context):
                    return fbr_openssl_open_batch(context, sealed, text, buffers.text.count, aad, buffers.aad.count, tag, n, frames)
                case let .sodium(context):
                    return fbr_sodium_open_batch(context, sealed, text, buffers.text.count, aad, buffers.aad.count, tag, n, frames)
                }
            }
        }
        guard ns >= 0 else { throw .referenceFailed("C reference \(operation.rawValue) failed for \(backend)") }
        return UInt64(ns)
    }

    private func seal(frames: Int, counter: inout UInt64, into text: UnsafeMutableRawBufferPointer) -> Int64 {
        let bytes = text.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let aad = buffers.aad.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let tag = buffers.tag.baseAddress!.assumingMemoryBound(to: UInt8.self)
        switch library {
        case let .openssl(context):
            return fbr_openssl_seal_batch(context, bytes, text.count, aad, buffers.aad.count, tag, &counter, frames)
        case let .sodium(context):
            return fbr_sodium_seal_batch(context, bytes, text.count, aad, buffers.aad.count, tag, &counter, frames)
        }
    }

    /// The plaintext an open batch left.
    var openedText: [UInt8] { [UInt8](buffers.text) }
    /// The frame and tag a seal batch left.
    var sealedText: (text: [UInt8], tag: [UInt8]) { ([UInt8](buffers.text), [UInt8](buffers.tag)) }
}
