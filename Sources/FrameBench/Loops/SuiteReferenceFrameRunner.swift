import CFrameReference
import FrameCrypto

/// A case of an SFrame cipher suite's AEAD run by OpenSSL's C reference for every suite
/// (`Sources/CFrameReference/suites.c`): AES-128-GCM, AES-256-GCM and AES-CTR with a
/// truncated HMAC, the same library calls as ``OpenSSLContext`` keyed for the suite, the
/// batch timed inside C. Its batches, buffers and nonces match ``ReferenceFrameRunner``'s,
/// so Swift/C compares like with like for every suite.
final class SuiteReferenceFrameRunner: FrameBatchRunner {
    let implementation = Implementation.c
    let backend = "openssl"
    private let context: OpaquePointer
    private let buffers: FrameBuffers
    private let operation: FrameOperation
    private var counter: UInt64 = 0

    /// A C reference for `algorithm` (one of the SFrame suites' AEADs) on `backend`, or
    /// `nil` when `backend` is not OpenSSL or `algorithm` no suite's.
    init?(
        backend: String, algorithm: AEADAlgorithm, key: [UInt8], payload: [UInt8], aad: [UInt8], operation: FrameOperation
    ) throws(SuiteError) {
        guard backend == self.backend, let suite = SFrameCipherSuite(aead: algorithm) else { return nil }
        guard key.count == suite.keyByteCount,
            let made = key.withUnsafeBufferPointer({ fbr_openssl_suite_new(suite.rawValue, $0.baseAddress) })
        else {
            throw .referenceFailed("cannot make the C reference context for openssl, suite \(suite.rawValue)")
        }
        context = made
        self.operation = operation
        buffers = FrameBuffers(payload: payload, aad: aad, nonce: Nonce(counter: 0x5F5F_5F5F))
        if operation == .open {
            // Seal once, through C, under the nonce every open uses: counter 0x5F5F5F5E + 1.
            var sealCounter: UInt64 = 0x5F5F_5F5E
            if seal(frames: 1, counter: &sealCounter, into: buffers.sealed) < 0 {
                throw .referenceFailed("C reference seal failed for openssl, suite \(suite.rawValue)")
            }
        }
    }

    deinit {
        fbr_openssl_suite_free(context)
        buffers.deallocate()
    }

    func runBatch(frames: Int) throws(SuiteError) -> UInt64 {
        let ns: Int64
        switch operation {
        case .seal:
            ns = seal(frames: frames, counter: &counter, into: buffers.text)
        case .open:
            ns = withUnsafeBytes(of: buffers.nonce.bytes) { nonce in
                fbr_openssl_suite_open_batch(
                    context, buffers.sealed.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    buffers.text.baseAddress!.assumingMemoryBound(to: UInt8.self), buffers.text.count,
                    buffers.aad.baseAddress!.assumingMemoryBound(to: UInt8.self), buffers.aad.count,
                    buffers.tag.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    nonce.baseAddress!.assumingMemoryBound(to: UInt8.self), frames)
            }
        }
        guard ns >= 0 else { throw .referenceFailed("C reference \(operation.rawValue) failed for openssl") }
        return UInt64(ns)
    }

    private func seal(frames: Int, counter: inout UInt64, into text: UnsafeMutableRawBufferPointer) -> Int64 {
        fbr_openssl_suite_seal_batch(
            context, text.baseAddress!.assumingMemoryBound(to: UInt8.self), text.count,
            buffers.aad.baseAddress!.assumingMemoryBound(to: UInt8.self), buffers.aad.count,
            buffers.tag.baseAddress!.assumingMemoryBound(to: UInt8.self), &counter, frames)
    }

    /// The plaintext an open batch left.
    var openedText: [UInt8] { [UInt8](buffers.text) }
    /// The frame and tag a seal batch left.
    var sealedText: (text: [UInt8], tag: [UInt8]) { ([UInt8](buffers.text), [UInt8](buffers.tag)) }
}
