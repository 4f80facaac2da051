import FrameCrypto

/// A case run through FrameCrypto: `Context`'s seal or open, called per frame from a
/// loop generic over the context type.
final class SwiftFrameRunner<Context: AEADContext & ~Copyable>: FrameBatchRunner {
    let implementation = Implementation.swift
    let backend: String
    private var context: Context
    private let buffers: FrameBuffers
    private let operation: FrameOperation
    private let overhead: SyntheticOverhead
    private var counter: UInt64 = 0

    /// A context keyed for `algorithm` (with `key`, exactly the algorithm's key length) and
    /// buffers for `operation` on `payload`; for open, the payload is sealed once here so
    /// every measured open authenticates. `overhead` is applied once per frame inside the
    /// timed loop (``SyntheticOverhead``; `none` outside gate tests).
    init(
        algorithm: AEADAlgorithm = .aes256GCM, key: [UInt8], payload: [UInt8], aad: [UInt8], operation: FrameOperation,
        overhead: SyntheticOverhead = .none
    ) throws(SuiteError) {
        backend = Context.info.name
        self.overhead = overhead
        do {
            context = try Context(algorithm: algorithm, key: key.span)
        } catch {
            throw .crypto(error)
        }
        buffers = FrameBuffers(payload: payload, aad: aad, nonce: Nonce(counter: 0x5F5F_5F5F))
        self.operation = operation
        if operation == .open {
            do {
                try context.seal(
                    nonce: buffers.nonce, aad: UnsafeRawBufferPointer(buffers.aad),
                    plaintext: UnsafeRawBufferPointer(buffers.sealed), ciphertext: buffers.sealed,
                    tag: buffers.tag.baseAddress!)
            } catch {
                throw .crypto(error)  // self is fully initialised: deinit frees the buffers
            }
        }
    }

    deinit { buffers.deallocate() }

    func runBatch(frames: Int) throws(SuiteError) -> UInt64 {
        do {
            switch operation {
            case .seal: return try FrameLoops.seal(&context, buffers, frames: frames, counter: &counter, overhead: overhead)
            case .open: return try FrameLoops.open(&context, buffers, frames: frames, overhead: overhead)
            }
        } catch {
            throw .crypto(error)
        }
    }

    /// The plaintext an open batch left (tests check it equals the payload).
    var openedText: [UInt8] { [UInt8](buffers.text) }
    /// The frame and tag a seal batch left.
    var sealedText: (text: [UInt8], tag: [UInt8]) { ([UInt8](buffers.text), [UInt8](buffers.tag)) }
}
