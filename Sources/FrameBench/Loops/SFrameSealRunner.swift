import FrameCrypto

/// The SFrame layer's seal case: one ``SFrameSender`` sealing the same plaintext into an
/// output buffer frame after frame (header, counter nonce from the salt, AES-256-GCM), as
/// an application sealing each captured frame into a packet buffer does.
final class SFrameSealRunner<Context: AEADContext & ~Copyable>: FrameBatchRunner {
    let implementation = Implementation.swift
    let backend: String
    private var sender: SFrameSender<Context>
    private let plaintext: UnsafeMutableRawBufferPointer
    private let output: UnsafeMutableRawBufferPointer
    private let overhead: SyntheticOverhead

    /// A sender for `keyID` keyed from `baseKey`, and buffers for `payload`. `overhead` is
    /// applied once per frame inside the loop (``SyntheticOverhead``; `none` but in gate
    /// self-tests).
    init(keyID: UInt64, baseKey: borrowing SecretBytes, payload: [UInt8], overhead: SyntheticOverhead = .none) throws(SuiteError) {
        backend = Context.info.name
        self.overhead = overhead
        do {
            sender = try SFrameSender<Context>(keyID: keyID, baseKey: baseKey)
        } catch {
            throw .crypto(error)
        }
        plaintext = AlignedBuffer.copy(payload)
        output = AlignedBuffer.zeroed(payload.count + SFrameCipher.maxOverhead)
    }

    deinit {
        plaintext.deallocate()
        output.deallocate()
    }

    func runBatch(frames: Int) throws(SuiteError) -> UInt64 {
        do {
            return try SFrameLoops.seal(
                &sender, plaintext: UnsafeRawBufferPointer(plaintext), output: output, frames: frames, overhead: overhead)
        } catch {
            throw .crypto(error)
        }
    }

    /// The last sealed frame's bytes (tests open it).
    var lastFrame: [UInt8] {
        [UInt8](
            output.prefix(
                SFrameCipher.protectedSize(
                    plaintextCount: plaintext.count, header: SFrameHeader(keyID: sender.keyID, counter: sender.nextCounter &- 1))))
    }
}
