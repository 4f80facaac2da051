import FrameCrypto
import FrameVectors

/// The key-count study's case: an ``SFrameReceiver`` holding `keys` receive keys opens
/// frames spread over all of them, the sender of each frame drawn as a random permutation
/// of the keys per round, so every batch touches many keys' state and the whole set is
/// touched in turn (no stride a prefetcher could follow).
///
/// Frames are sealed in advance, untimed, by one ``SFrameSender`` per key into a ring of
/// ``ringCapacity`` frames; batches open the ring in order, and when it runs out it is
/// sealed afresh (new counters, so the replay windows accept them), outside the timed
/// batches. Refills are rare — once per ring, not per batch — so the timed opens find the
/// receive keys where the previous opens left them, not pushed out by the senders.
final class KeyCountOpenRunner<Context: AEADContext & ~Copyable>: FrameBatchRunner {
    let implementation = Implementation.swift
    let backend: String
    /// Live receive keys.
    let keys: Int
    private var senders: [SenderBox]
    private var receiver: SFrameReceiver<Context>
    private let plaintext: UnsafeMutableRawBufferPointer
    private let ring: UnsafeMutableRawBufferPointer
    private let lengths: UnsafeMutableBufferPointer<Int>
    private let order: UnsafeMutableBufferPointer<Int32>
    private let output: UnsafeMutableRawBufferPointer
    private let stride: Int
    private var position: Int
    private var random: SeededRandom
    /// Frames the ring holds.
    let ringCapacity: Int

    /// One sender per key, on the heap so the array can hold `~Copyable` values.
    private final class SenderBox {
        var sender: SFrameSender<Context>
        init(_ sender: consuming SFrameSender<Context>) { self.sender = sender }
    }

    /// The KID of key `index`: sender `index / 2`'s video in epoch `index % 2` — 200
    /// senders × 2 epochs at 400 keys, as during a rekey's grace period.
    static func keyID(_ index: Int) -> UInt64 {
        SenderKeyID(participant: UInt32(index / 2), kind: .video, epoch: UInt64(index % 2)).rawValue
    }

    /// A receiver with `keys` keys derived from `baseKey`, their senders, and a ring of
    /// `payload.count`-byte frames.
    init(keys: Int, baseKey: borrowing SecretBytes, payload: [UInt8], seed: UInt64) throws(SuiteError) {
        precondition(keys >= 1, "at least one key")
        backend = Context.info.name
        self.keys = keys
        do {
            receiver = SFrameReceiver<Context>(capacity: keys)
            senders = []
            for index in 0..<keys {
                try receiver.addKey(keyID: Self.keyID(index), baseKey: baseKey)
                senders.append(SenderBox(try SFrameSender<Context>(keyID: Self.keyID(index), baseKey: baseKey)))
            }
        } catch {
            throw .crypto(error)
        }
        stride = (payload.count + SFrameCipher.maxOverhead + 63) & ~63
        ringCapacity = max(1, min(2048, (512 << 10) / stride))
        plaintext = AlignedBuffer.copy(payload)
        ring = AlignedBuffer.zeroed(stride * ringCapacity)
        lengths = .allocate(capacity: ringCapacity)
        lengths.initialize(repeating: 0)
        order = .allocate(capacity: ringCapacity)
        order.initialize(repeating: 0)
        output = AlignedBuffer.zeroed(payload.count)
        position = ringCapacity
        random = SeededRandom(seed: seed ^ UInt64(keys))
        permutation = Array(0..<keys)
        next = keys
    }

    deinit {
        plaintext.deallocate()
        ring.deallocate()
        lengths.deallocate()
        order.deallocate()
        output.deallocate()
    }

    private var permutation: [Int]
    private var next: Int

    /// The next sender in the current random round.
    private func nextSender() -> Int {
        if next == keys {
            permutation.shuffle(using: &random)
            next = 0
        }
        defer { next += 1 }
        return permutation[next]
    }

    /// Seals a full ring of frames, untimed.
    private func refill() throws(FrameCryptoError) {
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        let plain = UnsafeRawBufferPointer(plaintext)
        for i in 0..<ringCapacity {
            let k = nextSender()
            order[i] = Int32(k)
            let slot = UnsafeMutableRawBufferPointer(start: ring.baseAddress! + i * stride, count: stride)
            lengths[i] = try senders[k].sender.seal(plaintext: plain, metadata: none, into: slot)
        }
        position = 0
    }

    func runBatch(frames: Int) throws(SuiteError) -> UInt64 {
        var remaining = frames
        var nanoseconds: UInt64 = 0
        do {
            while remaining > 0 {
                if position == ringCapacity { try refill() }
                let part = min(remaining, ringCapacity - position)
                nanoseconds &+= try SFrameLoops.open(
                    &receiver, ring: UnsafeRawBufferPointer(rebasing: ring[(position * stride)...]), stride: stride,
                    lengths: UnsafeBufferPointer(rebasing: lengths[position...]), output: output, frames: part)
                position += part
                remaining -= part
            }
        } catch {
            throw .crypto(error)
        }
        return nanoseconds
    }

    /// The plaintext the last open left.
    var openedText: [UInt8] { [UInt8](output) }
    /// The sender of each frame of the current ring, in order (tests check the spread).
    var ringSenders: [Int] { order.map(Int.init) }
}
