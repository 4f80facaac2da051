import FrameCrypto

/// The SFrame layer's per-frame loops, timed around the whole batch like `FrameLoops`.
/// Everything they touch is preallocated. Specialised for every registered context type
/// that FrameBench compiles against (the list in `SpecializedContexts.swift`, from which
/// `scripts/generate-specializations.py` writes the attributes), so the backend call is
/// direct; other backends run through the generic copy. As in `FrameLoops`, a
/// ``SyntheticOverhead`` other than `none` (gate self-tests only) is decided once per
/// batch, so the plain loop carries no trace of it.
enum SFrameLoops {
    // Not reformatted: swift-format rewrites the generated attributes\' spacing.
    // swift-format-ignore
    @inline(never)
    // BEGIN GENERATED specializations (SFrameLoops)
    @_specialize(exported: false, where Context == OpenSSLContext)
    @_specialize(exported: false, where Context == SodiumContext)
    @_specialize(exported: false, where Context == SwiftCryptoContext)
    #if Nettle
    @_specialize(exported: false, where Context == NettleContext)
    #endif
    #if Libgcrypt
    @_specialize(exported: false, where Context == LibgcryptContext)
    #endif
    #if MbedTLS
    @_specialize(exported: false, where Context == MbedTLSContext)
    #endif
    #if WolfSSL
    @_specialize(exported: false, where Context == WolfSSLContext)
    #endif
    #if Botan
    @_specialize(exported: false, where Context == BotanContext)
    #endif
    @_specialize(exported: false, where Context == OpenSSLColdContext)
    @_specialize(exported: false, where Context == OpenSSLPlaceholderContext)
    @_specialize(exported: false, where Context == SodiumNoPrecomputationContext)
    @_specialize(exported: false, where Context == OpenSSLHMACRekeyContext)
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

    // Not reformatted: swift-format rewrites the generated attributes\' spacing.
    // swift-format-ignore
    @inline(never)
    // BEGIN GENERATED specializations (SFrameLoops)
    @_specialize(exported: false, where Context == OpenSSLContext)
    @_specialize(exported: false, where Context == SodiumContext)
    @_specialize(exported: false, where Context == SwiftCryptoContext)
    #if Nettle
    @_specialize(exported: false, where Context == NettleContext)
    #endif
    #if Libgcrypt
    @_specialize(exported: false, where Context == LibgcryptContext)
    #endif
    #if MbedTLS
    @_specialize(exported: false, where Context == MbedTLSContext)
    #endif
    #if WolfSSL
    @_specialize(exported: false, where Context == WolfSSLContext)
    #endif
    #if Botan
    @_specialize(exported: false, where Context == BotanContext)
    #endif
    @_specialize(exported: false, where Context == OpenSSLColdContext)
    @_specialize(exported: false, where Context == OpenSSLPlaceholderContext)
    @_specialize(exported: false, where Context == SodiumNoPrecomputationContext)
    @_specialize(exported: false, where Context == OpenSSLHMACRekeyContext)
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

    /// The ring variant of ``seal(_:plaintext:output:frames:overhead:)`` (overhead suite,
    /// `docs/overhead.md`, "Working sets"): seals `frames` consecutive slots from `ring` in
    /// place, each slot's plaintext at `payloadOffset` (the header length of the counters
    /// this part seals, the same for all of them) and its frame written from the slot's start.
    // Not reformatted: swift-format rewrites the generated attributes\' spacing.
    // swift-format-ignore
    @inline(never)
    // BEGIN GENERATED specializations (SFrameLoops)
    @_specialize(exported: false, where Context == OpenSSLContext)
    @_specialize(exported: false, where Context == SodiumContext)
    @_specialize(exported: false, where Context == SwiftCryptoContext)
    #if Nettle
    @_specialize(exported: false, where Context == NettleContext)
    #endif
    #if Libgcrypt
    @_specialize(exported: false, where Context == LibgcryptContext)
    #endif
    #if MbedTLS
    @_specialize(exported: false, where Context == MbedTLSContext)
    #endif
    #if WolfSSL
    @_specialize(exported: false, where Context == WolfSSLContext)
    #endif
    #if Botan
    @_specialize(exported: false, where Context == BotanContext)
    #endif
    @_specialize(exported: false, where Context == OpenSSLColdContext)
    @_specialize(exported: false, where Context == OpenSSLPlaceholderContext)
    @_specialize(exported: false, where Context == SodiumNoPrecomputationContext)
    @_specialize(exported: false, where Context == OpenSSLHMACRekeyContext)
    // END GENERATED
    static func sealRing<Context: AEADContext & ~Copyable>(
        _ sender: inout SFrameSender<Context>, ring: UnsafeMutableRawPointer, stride: Int, payloadOffset: Int, size: Int,
        frames: Int
    ) throws(FrameCryptoError) -> UInt64 {
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        var slot = ring
        let start = Clocks.monotonicNanoseconds()
        for _ in 0..<frames {
            _ = try sender.seal(
                plaintext: UnsafeRawBufferPointer(start: slot + payloadOffset, count: size), metadata: none,
                into: UnsafeMutableRawBufferPointer(start: slot, count: stride))
            slot += stride
        }
        return Clocks.monotonicNanoseconds() &- start
    }
}
