import CFrameReference
import FrameCrypto

/// What a frames-suite case does to each frame.
public enum FrameOperation: String, Sendable, CaseIterable, Codable {
    /// Encrypt in place under a fresh counter nonce, write the tag.
    case seal
    /// Verify the tag and decrypt one sealed frame into a separate buffer.
    case open
}

/// Runs timed batches of one case. Called once per batch (never per frame) through this
/// protocol; the per-frame loop inside is plain code over preallocated memory.
protocol FrameBatchRunner: AnyObject {
    /// `swift` or `c`.
    var implementation: String { get }
    /// The backend's name.
    var backend: String { get }
    /// Runs `frames` frames back to back and returns the nanoseconds they took, read on
    /// the monotonic clock just before the first and just after the last.
    func runBatch(frames: Int) throws(FramesSuiteError) -> UInt64
}

/// The memory one case works on, allocated and filled before measuring. The runner
/// that owns it calls ``deallocate()``.
struct FrameBuffers {
    /// seal: the frame, sealed in place over and over. open: where the plaintext goes.
    let text: UnsafeMutableRawBufferPointer
    /// open: the sealed frame, opened over and over (unused for seal).
    let sealed: UnsafeMutableRawBufferPointer
    /// The tag: written by seal, read by open.
    let tag: UnsafeMutableRawBufferPointer
    /// The additional authenticated data, standing in for an SFrame header.
    let aad: UnsafeMutableRawBufferPointer
    /// open: the nonce the sealed frame was sealed under.
    let nonce: Nonce

    init(payload: [UInt8], aad: [UInt8], nonce: Nonce) {
        func copy(_ bytes: [UInt8]) -> UnsafeMutableRawBufferPointer {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 64)
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            bytes.withUnsafeBytes { if let base = $0.baseAddress { buffer.baseAddress!.copyMemory(from: base, byteCount: $0.count) } }
            return UnsafeMutableRawBufferPointer(rebasing: buffer[0..<bytes.count])
        }
        text = copy(payload)
        sealed = copy(payload)
        tag = copy([UInt8](repeating: 0, count: AESGCM.tagByteCount))
        self.aad = copy(aad)
        self.nonce = nonce
    }

    func deallocate() {
        for buffer in [text, sealed, tag, aad] { buffer.baseAddress?.deallocate() }
    }
}

/// A case run through FrameCrypto: `Context`'s seal or open, called per frame from a
/// loop generic over the context type.
final class SwiftFrameRunner<Context: AEADContext & ~Copyable>: FrameBatchRunner {
    let implementation = "swift"
    let backend: String
    private var context: Context
    private let buffers: FrameBuffers
    private let operation: FrameOperation
    private let overhead: SyntheticOverhead
    private var counter: UInt64 = 0

    /// A keyed context and buffers for `operation` on `payload`; for open, the payload is
    /// sealed once here so every measured open authenticates. `overhead` is applied once
    /// per frame inside the timed loop (``SyntheticOverhead``; `none` outside gate tests).
    init(
        key: [UInt8], payload: [UInt8], aad: [UInt8], operation: FrameOperation, overhead: SyntheticOverhead = .none
    ) throws(FramesSuiteError) {
        backend = Context.info.name
        self.overhead = overhead
        do {
            context = try Context(key: key.span)
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

    func runBatch(frames: Int) throws(FramesSuiteError) -> UInt64 {
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

/// The timed per-frame loops. Everything they touch is preallocated: no allocation, no
/// lock, no existential, no closure per frame.
///
/// A runner is made by opening an ``AEADBackend`` existential, so the compiler cannot see
/// the concrete context type and would compile these loops once, generically: one
/// indirect witness-table call per frame. `@_specialize` adds a copy specialised for each
/// listed backend, which the generic entry point jumps to after one type comparison per
/// batch; there the library call is direct, as in an application that names its backend.
/// A backend not listed still runs, through the generic copy (correct, a few ns slower).
/// `swift-crypto` is deliberately not listed: it allocates on every frame anyway, and with a
/// third copy LLVM's function merging folded the sodium copy into a shared body that calls
/// through a function pointer, which changed what sodium's Swift/C ratio measures.
///
/// A ``SyntheticOverhead`` other than `none` runs once per frame after the library call;
/// `none` is decided once per batch, so the plain loop carries no trace of it.
enum FrameLoops {
    @inline(never)
    @_specialize(exported: false, where Context == OpenSSLContext)
    @_specialize(exported: false, where Context == SodiumContext)
    static func seal<Context: AEADContext & ~Copyable>(
        _ context: inout Context, _ buffers: FrameBuffers, frames: Int, counter: inout UInt64,
        overhead: SyntheticOverhead = .none
    ) throws(FrameCryptoError) -> UInt64 {
        let aad = UnsafeRawBufferPointer(buffers.aad)
        let text = buffers.text
        let tag = buffers.tag.baseAddress!
        var next = counter
        let start = Clocks.monotonicNanoseconds()
        if overhead.isNone {
            for _ in 0..<frames {
                next &+= 1
                try context.seal(nonce: Nonce(counter: next), aad: aad, plaintext: UnsafeRawBufferPointer(text), ciphertext: text, tag: tag)
            }
        } else {
            for _ in 0..<frames {
                next &+= 1
                try context.seal(nonce: Nonce(counter: next), aad: aad, plaintext: UnsafeRawBufferPointer(text), ciphertext: text, tag: tag)
                overhead.apply()
            }
        }
        let end = Clocks.monotonicNanoseconds()
        counter = next
        return end &- start
    }

    @inline(never)
    @_specialize(exported: false, where Context == OpenSSLContext)
    @_specialize(exported: false, where Context == SodiumContext)
    static func open<Context: AEADContext & ~Copyable>(
        _ context: inout Context, _ buffers: FrameBuffers, frames: Int, overhead: SyntheticOverhead = .none
    ) throws(FrameCryptoError) -> UInt64 {
        let aad = UnsafeRawBufferPointer(buffers.aad)
        let sealed = UnsafeRawBufferPointer(buffers.sealed)
        let text = buffers.text
        let tag = UnsafeRawPointer(buffers.tag.baseAddress!)
        let nonce = buffers.nonce
        let start = Clocks.monotonicNanoseconds()
        if overhead.isNone {
            for _ in 0..<frames {
                try context.open(nonce: nonce, aad: aad, ciphertext: sealed, tag: tag, plaintext: text)
            }
        } else {
            for _ in 0..<frames {
                try context.open(nonce: nonce, aad: aad, ciphertext: sealed, tag: tag, plaintext: text)
                overhead.apply()
            }
        }
        let end = Clocks.monotonicNanoseconds()
        return end &- start
    }
}
