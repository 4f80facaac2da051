import CFrameReference
import FrameCrypto

/// The timed per-frame loops. Everything they touch is preallocated: no allocation, no
/// lock, no existential, no closure per frame.
///
/// A runner is made by opening an ``AEADBackend`` existential, so the compiler cannot see
/// the concrete context type and would compile these loops once, generically: one
/// indirect witness-table call per frame. `@_specialize` adds a copy specialised for each
/// backend listed for `FrameLoops` in `SpecializedContexts.swift` (the attributes are
/// generated from there by `scripts/generate-specializations.py`), which the generic entry point jumps to after one type comparison per
/// batch; there the library call is direct, as in an application that names its backend.
/// Every registered backend is listed (`scripts/check-specializations.py` holds the release
/// binary to it), and FrameBench is compiled with LLVM's function merging off, which had
/// folded the sodium copy into a shared body calling through a function pointer.
///
/// A ``SyntheticOverhead`` other than `none` runs once per frame after the library call;
/// `none` is decided once per batch, so the plain loop carries no trace of it.
enum FrameLoops {
    // Not reformatted: swift-format rewrites the generated attributes\' spacing.
    // swift-format-ignore
    @inline(never)
    // BEGIN GENERATED specializations (FrameLoops)
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

    // Not reformatted: swift-format rewrites the generated attributes\' spacing.
    // swift-format-ignore
    @inline(never)
    // BEGIN GENERATED specializations (FrameLoops)
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

    /// The ring variant of ``seal(_:_:frames:counter:overhead:)`` (overhead suite,
    /// `docs/overhead.md`, "Working sets"): seals `frames` consecutive slots of a
    /// ``FrameRing`` from `ring` in place, each slot's AAD at its start, its text after it
    /// and its tag after the text, nonce `counter + 1`, `+ 2`, … as the C reference's
    /// `fbr_*_seal_ring`.
    // Not reformatted: swift-format rewrites the generated attributes\' spacing.
    // swift-format-ignore
    @inline(never)
    // BEGIN GENERATED specializations (FrameLoops)
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
        _ context: inout Context, ring: UnsafeMutableRawPointer, stride: Int, size: Int, aadBytes: Int, frames: Int,
        counter: inout UInt64
    ) throws(FrameCryptoError) -> UInt64 {
        var next = counter
        var slot = ring
        let start = Clocks.monotonicNanoseconds()
        for _ in 0..<frames {
            next &+= 1
            let text = slot + aadBytes
            try context.seal(
                nonce: Nonce(counter: next), aad: UnsafeRawBufferPointer(start: slot, count: aadBytes),
                plaintext: UnsafeRawBufferPointer(start: text, count: size), ciphertext: UnsafeMutableRawBufferPointer(start: text, count: size),
                tag: text + size)
            slot += stride
        }
        let end = Clocks.monotonicNanoseconds()
        counter = next
        return end &- start
    }

    /// The ring variant of ``open(_:_:frames:overhead:)``: opens `frames` consecutive slots
    /// from `ring` into `output`, slot `i` under the nonce of counter `firstCounter + i`, as
    /// the C reference's `fbr_*_open_ring`.
    // Not reformatted: swift-format rewrites the generated attributes\' spacing.
    // swift-format-ignore
    @inline(never)
    // BEGIN GENERATED specializations (FrameLoops)
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
    static func openRing<Context: AEADContext & ~Copyable>(
        _ context: inout Context, ring: UnsafeRawPointer, stride: Int, size: Int, aadBytes: Int,
        output: UnsafeMutableRawBufferPointer, firstCounter: UInt64, frames: Int
    ) throws(FrameCryptoError) -> UInt64 {
        var slot = ring
        var counter = firstCounter
        let start = Clocks.monotonicNanoseconds()
        for _ in 0..<frames {
            let text = slot + aadBytes
            try context.open(
                nonce: Nonce(counter: counter), aad: UnsafeRawBufferPointer(start: slot, count: aadBytes),
                ciphertext: UnsafeRawBufferPointer(start: text, count: size), tag: text + size, plaintext: output)
            counter &+= 1
            slot += stride
        }
        return Clocks.monotonicNanoseconds() &- start
    }
}
