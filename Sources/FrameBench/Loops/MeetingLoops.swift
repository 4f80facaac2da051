import FrameCrypto

/// The per-frame loops of the meeting suite. Everything they touch is preallocated (the
/// schedule, the slots, the plaintext, the output buffer, the keyrings): no allocation,
/// no lock, no reference counting, no existential per frame.
///
/// They are generic over the ``FrameWork`` and reached once per tick and phase, from code
/// that only knows the backend as an existential; `@_specialize` compiles a copy for each
/// work type listed in `SpecializedContexts.swift` (attributes generated from there by
/// `scripts/generate-specializations.py`), which the generic entry jumps to after one type check per call (see
/// `docs/measurement.md`, "What the measured loop does not do"). Never inlined, so
/// allocation profilers can attribute to them (`scripts/check-meeting-allocations.sh`).
enum MeetingLoops {
    /// The metadata of the work types the generic entries check for, instantiated by
    /// ``instantiateDispatchMetadata()`` before any loop runs.
    nonisolated(unsafe) private static var dispatchMetadata: [ObjectIdentifier] = []

    /// Instantiates the type metadata the generic entries compare `W` against. Its first
    /// use would otherwise happen inside a loop, where it may allocate (the runtime's
    /// metadata cache grows); whether it does depends on how many types were instantiated
    /// before, so it came and went with unrelated changes. Call before the loops run.
    @inline(never)
    static func instantiateDispatchMetadata() {
        // BEGIN GENERATED dispatch metadata (MeetingLoops)
        dispatchMetadata = [
            ObjectIdentifier(KeyringWork<OpenSSLContext>.self),
            ObjectIdentifier(KeyringWork<SodiumContext>.self),
            ObjectIdentifier(KeyringWork<SwiftCryptoContext>.self),
            ObjectIdentifier(KeyringWork<OpenSSLColdContext>.self),
            ObjectIdentifier(KeyringWork<OpenSSLPlaceholderContext>.self),
            ObjectIdentifier(KeyringWork<SodiumNoPrecomputationContext>.self),
            ObjectIdentifier(KeyringWork<OpenSSLHMACRekeyContext>.self),
            ObjectIdentifier(NullWork.self),
        ]
        #if Nettle
        dispatchMetadata.append(ObjectIdentifier(KeyringWork<NettleContext>.self))
        #endif
        #if Libgcrypt
        dispatchMetadata.append(ObjectIdentifier(KeyringWork<LibgcryptContext>.self))
        #endif
        #if MbedTLS
        dispatchMetadata.append(ObjectIdentifier(KeyringWork<MbedTLSContext>.self))
        #endif
        #if WolfSSL
        dispatchMetadata.append(ObjectIdentifier(KeyringWork<WolfSSLContext>.self))
        #endif
        #if Botan
        dispatchMetadata.append(ObjectIdentifier(KeyringWork<BotanContext>.self))
        #endif
        // END GENERATED
    }

    /// Seals every frame of the seats `first`, `first + step`, … at each of `ticks`
    /// (seat by seat, so a seat's senders stay in cache for its whole block) into the
    /// ticks' slots.
    // Not reformatted: swift-format rewrites the generated attributes\' spacing.
    // swift-format-ignore
    @inline(never)
    // BEGIN GENERATED specializations (MeetingLoops)
    @_specialize(exported: false, where W == KeyringWork<OpenSSLContext>)
    @_specialize(exported: false, where W == KeyringWork<SodiumContext>)
    @_specialize(exported: false, where W == KeyringWork<SwiftCryptoContext>)
    #if Nettle
    @_specialize(exported: false, where W == KeyringWork<NettleContext>)
    #endif
    #if Libgcrypt
    @_specialize(exported: false, where W == KeyringWork<LibgcryptContext>)
    #endif
    #if MbedTLS
    @_specialize(exported: false, where W == KeyringWork<MbedTLSContext>)
    #endif
    #if WolfSSL
    @_specialize(exported: false, where W == KeyringWork<WolfSSLContext>)
    #endif
    #if Botan
    @_specialize(exported: false, where W == KeyringWork<BotanContext>)
    #endif
    @_specialize(exported: false, where W == KeyringWork<OpenSSLColdContext>)
    @_specialize(exported: false, where W == KeyringWork<OpenSSLPlaceholderContext>)
    @_specialize(exported: false, where W == KeyringWork<SodiumNoPrecomputationContext>)
    @_specialize(exported: false, where W == KeyringWork<OpenSSLHMACRekeyContext>)
    @_specialize(exported: false, where W == NullWork)
    // END GENERATED
    static func sealSeats<W: FrameWork>(
        _ work: W, _ view: ScheduleView, _ slots: SlotView, plaintext: UnsafeRawPointer,
        ticks: Range<Int>, first: Int, step: Int, tally: inout WorkTally
    ) throws(FrameCryptoError) {
        let streams = view.streams
        var seat = first
        while seat < view.seats {
            var tick = ticks.lowerBound
            while tick < ticks.upperBound {
                var stream = 0
                while stream < streams {
                    let size = view.size(tick, seat, stream)
                    if size >= 0 {
                        try sealFrame(work, view, slots, plaintext, tick, seat, stream, size, &tally)
                    }
                    stream &+= 1
                }
                tick &+= 1
            }
            seat &+= step
        }
    }

    /// Opens every frame forwarded to the receivers `first`, `first + step`, … at each of
    /// `ticks` (receiver by receiver, so a receiver's keys stay in cache for its whole
    /// block, as they would on its own device) into `output`.
    // Not reformatted: swift-format rewrites the generated attributes\' spacing.
    // swift-format-ignore
    @inline(never)
    // BEGIN GENERATED specializations (MeetingLoops)
    @_specialize(exported: false, where W == KeyringWork<OpenSSLContext>)
    @_specialize(exported: false, where W == KeyringWork<SodiumContext>)
    @_specialize(exported: false, where W == KeyringWork<SwiftCryptoContext>)
    #if Nettle
    @_specialize(exported: false, where W == KeyringWork<NettleContext>)
    #endif
    #if Libgcrypt
    @_specialize(exported: false, where W == KeyringWork<LibgcryptContext>)
    #endif
    #if MbedTLS
    @_specialize(exported: false, where W == KeyringWork<MbedTLSContext>)
    #endif
    #if WolfSSL
    @_specialize(exported: false, where W == KeyringWork<WolfSSLContext>)
    #endif
    #if Botan
    @_specialize(exported: false, where W == KeyringWork<BotanContext>)
    #endif
    @_specialize(exported: false, where W == KeyringWork<OpenSSLColdContext>)
    @_specialize(exported: false, where W == KeyringWork<OpenSSLPlaceholderContext>)
    @_specialize(exported: false, where W == KeyringWork<SodiumNoPrecomputationContext>)
    @_specialize(exported: false, where W == KeyringWork<OpenSSLHMACRekeyContext>)
    @_specialize(exported: false, where W == NullWork)
    // END GENERATED
    static func openReceivers<W: FrameWork>(
        _ work: W, _ view: ScheduleView, _ slots: SlotView, output: UnsafeMutableRawBufferPointer,
        ticks: Range<Int>, first: Int, step: Int, tally: inout WorkTally
    ) throws(FrameCryptoError) {
        var receiver = first
        while receiver < view.seats {
            var tick = ticks.lowerBound
            while tick < ticks.upperBound {
                try view.forEachReception(receiver: receiver, tick: tick) { (sender, stream) throws(FrameCryptoError) in
                    let done = try work.open(receiver: receiver, frame: slots.frame(tick, sender, stream), into: output)
                    tally.frames &+= 1
                    tally.packets &+= done.packets
                    tally.bytes &+= done.bytes
                }
                tick &+= 1
            }
            receiver &+= step
        }
    }

    /// Client mode, outside the timed region: seals, at `tick`, exactly the frames the SFU
    /// forwards to `receiver` (other senders' frames nobody measured would receive are not
    /// sealed at all).
    // Not reformatted: swift-format rewrites the generated attributes\' spacing.
    // swift-format-ignore
    @inline(never)
    // BEGIN GENERATED specializations (MeetingLoops)
    @_specialize(exported: false, where W == KeyringWork<OpenSSLContext>)
    @_specialize(exported: false, where W == KeyringWork<SodiumContext>)
    @_specialize(exported: false, where W == KeyringWork<SwiftCryptoContext>)
    #if Nettle
    @_specialize(exported: false, where W == KeyringWork<NettleContext>)
    #endif
    #if Libgcrypt
    @_specialize(exported: false, where W == KeyringWork<LibgcryptContext>)
    #endif
    #if MbedTLS
    @_specialize(exported: false, where W == KeyringWork<MbedTLSContext>)
    #endif
    #if WolfSSL
    @_specialize(exported: false, where W == KeyringWork<WolfSSLContext>)
    #endif
    #if Botan
    @_specialize(exported: false, where W == KeyringWork<BotanContext>)
    #endif
    @_specialize(exported: false, where W == KeyringWork<OpenSSLColdContext>)
    @_specialize(exported: false, where W == KeyringWork<OpenSSLPlaceholderContext>)
    @_specialize(exported: false, where W == KeyringWork<SodiumNoPrecomputationContext>)
    @_specialize(exported: false, where W == KeyringWork<OpenSSLHMACRekeyContext>)
    @_specialize(exported: false, where W == NullWork)
    // END GENERATED
    static func sealForwarded<W: FrameWork>(
        _ work: W, _ view: ScheduleView, _ slots: SlotView, plaintext: UnsafeRawPointer,
        tick: Int, to receiver: Int, tally: inout WorkTally
    ) throws(FrameCryptoError) {
        try view.forEachReception(receiver: receiver, tick: tick) { (sender, stream) throws(FrameCryptoError) in
            try sealFrame(work, view, slots, plaintext, tick, sender, stream, view.size(tick, sender, stream), &tally)
        }
    }

    @inline(__always)
    private static func sealFrame<W: FrameWork>(
        _ work: W, _ view: ScheduleView, _ slots: SlotView, _ plaintext: UnsafeRawPointer,
        _ tick: Int, _ seat: Int, _ stream: Int, _ size: Int, _ tally: inout WorkTally
    ) throws(FrameCryptoError) {
        let kind: StreamKind = stream == 0 ? .audio : (stream == view.screenStream ? .screen : .video)
        let done = try work.seal(
            seat: seat, kind: kind, plaintext: UnsafeRawBufferPointer(start: plaintext, count: size),
            into: slots.slot(tick, seat, stream))
        slots.setLength(tick, seat, stream, done.bytes)
        tally.frames &+= 1
        tally.packets &+= done.packets
        tally.bytes &+= size
        let added = done.bytes &- size
        switch kind {
        case .audio: tally.overheadAudio &+= added
        case .video: tally.overheadVideo &+= added
        case .screen: tally.overheadScreen &+= added
        }
    }
}
