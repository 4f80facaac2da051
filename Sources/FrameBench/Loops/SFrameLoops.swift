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
            return try SFrameLoops.seal(&sender, plaintext: UnsafeRawBufferPointer(plaintext), output: output, frames: frames, overhead: overhead)
        } catch {
            throw .crypto(error)
        }
    }

    /// The last sealed frame's bytes (tests open it).
    var lastFrame: [UInt8] {
        [UInt8](output.prefix(SFrameCipher.protectedSize(
            plaintextCount: plaintext.count, header: SFrameHeader(keyID: sender.keyID, counter: sender.nextCounter &- 1))))
    }
}

/// The SFrame layer's open case: an ``SFrameReceiver`` holding `keys` receive keys opens
/// frames of one of them, each with a new counter (header parse, key lookup, replay check
/// and record, AES-256-GCM).
///
/// A receiver refuses a counter twice, so frames cannot be opened over and over as the
/// lower layers open one sealed frame: before each batch, untimed, a sender with the same
/// key seals as many fresh frames as the batch opens into a ring (at most
/// ``ringCapacity``; a larger batch is run in timed parts, their times summed). The batch
/// then opens them in order: frames just written, warm in cache, as a frame just received
/// from the network is.
final class SFrameOpenRunner<Context: AEADContext & ~Copyable>: FrameBatchRunner {
    let implementation = Implementation.swift
    let backend: String
    private var sender: SFrameSender<Context>
    private var receiver: SFrameReceiver<Context>
    private let plaintext: UnsafeMutableRawBufferPointer
    private let ring: UnsafeMutableRawBufferPointer
    private let lengths: UnsafeMutableBufferPointer<Int>
    private let output: UnsafeMutableRawBufferPointer
    private let stride: Int
    private let overhead: SyntheticOverhead
    /// Frames the ring holds.
    let ringCapacity: Int

    /// A receiver with `keyIDs.count` keys, all derived from `baseKey`, and a sender for
    /// `keyID` (one of them); frames of `payload.count` bytes. `overhead` is applied once
    /// per opened frame inside the timed loop (`none` but in gate self-tests).
    init(
        keyID: UInt64, keyIDs: [UInt64], baseKey: borrowing SecretBytes, payload: [UInt8],
        overhead: SyntheticOverhead = .none
    ) throws(SuiteError) {
        precondition(keyIDs.contains(keyID), "the measured KID must be installed")
        backend = Context.info.name
        self.overhead = overhead
        do {
            sender = try SFrameSender<Context>(keyID: keyID, baseKey: baseKey)
            receiver = SFrameReceiver<Context>(capacity: keyIDs.count)
            for kid in keyIDs { try receiver.addKey(keyID: kid, baseKey: baseKey) }
        } catch {
            throw .crypto(error)
        }
        stride = (payload.count + SFrameCipher.maxOverhead + 63) & ~63
        ringCapacity = max(1, min(4096, (4 << 20) / stride))
        plaintext = AlignedBuffer.copy(payload)
        ring = AlignedBuffer.zeroed(stride * ringCapacity)
        lengths = .allocate(capacity: ringCapacity)
        lengths.initialize(repeating: 0)
        output = AlignedBuffer.zeroed(payload.count)
    }

    deinit {
        plaintext.deallocate()
        ring.deallocate()
        lengths.deallocate()
        output.deallocate()
    }

    func runBatch(frames: Int) throws(SuiteError) -> UInt64 {
        var remaining = frames
        var nanoseconds: UInt64 = 0
        do {
            while remaining > 0 {
                let part = min(remaining, ringCapacity)
                try SFrameLoops.fill(&sender, plaintext: UnsafeRawBufferPointer(plaintext), ring: ring, stride: stride, lengths: lengths, frames: part)
                nanoseconds &+= try SFrameLoops.open(&receiver, ring: UnsafeRawBufferPointer(ring), stride: stride, lengths: UnsafeBufferPointer(lengths), output: output, frames: part, overhead: overhead)
                remaining -= part
            }
        } catch {
            throw .crypto(error)
        }
        return nanoseconds
    }

    /// The plaintext the last open left (tests compare it with the payload).
    var openedText: [UInt8] { [UInt8](output) }
}

/// The SFrame layer's per-frame loops, timed around the whole batch like `FrameLoops`.
/// Everything they touch is preallocated. Specialised for every registered context type
/// that FrameBench compiles against (the list in `SpecializedContexts.swift`, from which
/// `scripts/generate-specializations.py` writes the attributes), so the backend call is
/// direct; other backends run
/// through the generic copy. As in `FrameLoops`, a ``SyntheticOverhead`` other than `none`
/// (gate self-tests only) is decided once per batch, so the plain loop carries no trace of it.
enum SFrameLoops {
    @inline(never)
    // BEGIN GENERATED specializations (SFrameLoops)
    @_specialize(exported: false, where Context == OpenSSLContext)
    @_specialize(exported: false, where Context == SodiumContext)
    @_specialize(exported: false, where Context == OpenSSLColdContext)
    @_specialize(exported: false, where Context == OpenSSLPlaceholderContext)
    @_specialize(exported: false, where Context == SodiumNoPrecomputationContext)
    // END GENERATED
    static func seal<Context: AEADContext & ~Copyable>(
        _ sender: inout SFrameSender<Context>, plaintext: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer,
        frames: Int, overhead: SyntheticOverhead = .none
    ) throws(FrameCryptoError) -> UInt64 {
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        let start = Clocks.monotonicNanoseconds()
        if overhead.isNone {
            for _ in 0..<frames {
                _ = try sender.seal(plaintext: plaintext, metadata: none, into: output)
            }
        } else {
            for _ in 0..<frames {
                _ = try sender.seal(plaintext: plaintext, metadata: none, into: output)
                overhead.apply()
            }
        }
        return Clocks.monotonicNanoseconds() &- start
    }

    /// Seals `frames` new frames into the ring, untimed.
    @inline(never)
    static func fill<Context: AEADContext & ~Copyable>(
        _ sender: inout SFrameSender<Context>, plaintext: UnsafeRawBufferPointer, ring: UnsafeMutableRawBufferPointer,
        stride: Int, lengths: UnsafeMutableBufferPointer<Int>, frames: Int
    ) throws(FrameCryptoError) {
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        for i in 0..<frames {
            let slot = UnsafeMutableRawBufferPointer(start: ring.baseAddress! + i * stride, count: stride)
            lengths[i] = try sender.seal(plaintext: plaintext, metadata: none, into: slot)
        }
    }

    @inline(never)
    // BEGIN GENERATED specializations (SFrameLoops)
    @_specialize(exported: false, where Context == OpenSSLContext)
    @_specialize(exported: false, where Context == SodiumContext)
    @_specialize(exported: false, where Context == OpenSSLColdContext)
    @_specialize(exported: false, where Context == OpenSSLPlaceholderContext)
    @_specialize(exported: false, where Context == SodiumNoPrecomputationContext)
    // END GENERATED
    static func open<Context: AEADContext & ~Copyable>(
        _ receiver: inout SFrameReceiver<Context>, ring: UnsafeRawBufferPointer, stride: Int,
        lengths: UnsafeBufferPointer<Int>, output: UnsafeMutableRawBufferPointer, frames: Int,
        overhead: SyntheticOverhead = .none
    ) throws(FrameCryptoError) -> UInt64 {
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        let base = ring.baseAddress!
        let start = Clocks.monotonicNanoseconds()
        if overhead.isNone {
            for i in 0..<frames {
                _ = try receiver.open(frame: UnsafeRawBufferPointer(start: base + i &* stride, count: lengths[i]), metadata: none, into: output)
            }
        } else {
            for i in 0..<frames {
                _ = try receiver.open(frame: UnsafeRawBufferPointer(start: base + i &* stride, count: lengths[i]), metadata: none, into: output)
                overhead.apply()
            }
        }
        return Clocks.monotonicNanoseconds() &- start
    }
}
