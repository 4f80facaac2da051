import FrameCrypto

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
                try SFrameLoops.fill(
                    &sender, plaintext: UnsafeRawBufferPointer(plaintext), ring: ring, stride: stride, lengths: lengths, frames: part)
                nanoseconds &+= try SFrameLoops.open(
                    &receiver, ring: UnsafeRawBufferPointer(ring), stride: stride, lengths: UnsafeBufferPointer(lengths), output: output,
                    frames: part, overhead: overhead)
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
