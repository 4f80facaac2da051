import FrameCrypto

/// When a ring layer rewrites, untimed, the slots a batch reads.
package enum RingRefill: String, Sendable, Equatable {
    /// Just before reading them: each frame was written the moment before, so it is in L1
    /// when the ring fits there (the `hot` working set).
    case beforeRead
    /// Just after reading them, for the next lap: each frame is read one lap after it was
    /// written, with the whole group's rings touched in between (`l2`, `llc`, `dram`).
    case afterRead
}

/// The memory layout every layer of an overhead case walks (`docs/overhead.md`, "Working
/// sets"): `slots` frame slots `stride` bytes apart, each starting on a cache line; in a
/// slot, the SFrame header (for the C and Swift-backend layers: as many bytes of AAD) at
/// offset 0, the frame's `frameSize` bytes of text from ``headerBytes``, the 16-byte tag
/// after them. Every layer of a case gets an equal geometry, so they read and write the
/// same footprint at the same alignments and offsets, refilled the same way.
package struct RingGeometry: Sendable, Equatable {
    /// The frame's plaintext (and ciphertext) bytes.
    package var frameSize: Int
    /// Where the text starts in a slot: the SFrame header's length, the lower layers' AAD.
    package var headerBytes: Int
    /// Slots in the ring.
    package var slots: Int
    /// When the slots are rewritten.
    package var refill: RingRefill

    package init(frameSize: Int, headerBytes: Int, slots: Int, refill: RingRefill) {
        self.frameSize = frameSize
        self.headerBytes = headerBytes
        self.slots = max(1, slots)
        self.refill = refill
    }

    /// Bytes from one slot to the next: the largest SFrame frame of `frameSize`, rounded up to
    /// a cache line.
    package static func stride(frameSize: Int) -> Int { (frameSize + SFrameCipher.maxOverhead + 63) & ~63 }

    /// Bytes from one slot to the next.
    package var stride: Int { Self.stride(frameSize: frameSize) }
    /// The ring's bytes.
    package var ringBytes: Int { stride * slots }
}

/// A ring of frames laid out by a ``RingGeometry``, with the one output buffer opened frames
/// go to and the templates refills copy from. The runner that owns it calls
/// ``deallocate()``.
struct FrameRing {
    let geometry: RingGeometry
    /// The slots.
    let memory: UnsafeMutableRawBufferPointer
    /// open: where every slot is decrypted to (one buffer, as a receiver's decode buffer).
    let output: UnsafeMutableRawBufferPointer
    /// The frame's plaintext, copied into a slot by each refill.
    let payload: UnsafeMutableRawBufferPointer
    /// The AAD the C and Swift-backend layers put where an SFrame header lies.
    let header: UnsafeMutableRawBufferPointer

    init(geometry: RingGeometry, payload: [UInt8], header: [UInt8]) {
        precondition(payload.count == geometry.frameSize && header.count == geometry.headerBytes, "ring geometry mismatch")
        self.geometry = geometry
        memory = AlignedBuffer.zeroed(geometry.ringBytes)
        output = AlignedBuffer.zeroed(geometry.frameSize)
        self.payload = AlignedBuffer.copy(payload)
        self.header = AlignedBuffer.copy(header)
    }

    /// The start of slot `index`.
    @inline(__always)
    func slot(_ index: Int) -> UnsafeMutableRawPointer { memory.baseAddress! + index &* geometry.stride }

    /// Writes, untimed, a fresh frame into each of `count` slots from `first`: the AAD at
    /// the slot's start and the plaintext after it (the C and Swift-backend layers' refill).
    func writeFrames(first: Int, count: Int) {
        let h = geometry.headerBytes
        let size = geometry.frameSize
        for index in first..<(first + count) {
            let slot = slot(index)
            if h > 0 { slot.copyMemory(from: header.baseAddress!, byteCount: h) }
            if size > 0 { (slot + h).copyMemory(from: payload.baseAddress!, byteCount: size) }
        }
    }

    /// Writes the plaintext alone into slot `index` at `offset` (the SFrame layers' refill:
    /// the header is SFrame's to write).
    func writePayload(slot index: Int, offset: Int) {
        if geometry.frameSize > 0 { (slot(index) + offset).copyMemory(from: payload.baseAddress!, byteCount: geometry.frameSize) }
    }

    func deallocate() {
        for buffer in [memory, output, payload, header] { buffer.baseAddress?.deallocate() }
    }
}

/// A layer that walks a ``FrameRing``: a batch is run in parts over consecutive slots, each
/// part timed on its own (the times summed) and its slots refilled untimed before or after
/// it (``RingRefill``), the same way for every layer.
protocol RingLayerRunner: FrameBatchRunner {
    var ring: FrameRing { get }
    /// The next slot a batch reads.
    var cursor: Int { get set }
    /// The most frames a part starting now may hold (the SFrame seal layer keeps a part's
    /// headers one length); `Int.max` otherwise.
    func partLimit() -> Int
    /// Rewrites `count` slots from `first` with fresh frames, untimed.
    func refill(first: Int, count: Int) throws(SuiteError)
    /// Runs `count` frames over the slots from `first` and returns their nanoseconds.
    func timed(first: Int, count: Int) throws(SuiteError) -> UInt64
}

extension RingLayerRunner {
    func partLimit() -> Int { .max }

    /// Fills every slot once; for ``RingRefill/afterRead``, at set-up.
    func fillWholeRing() throws(SuiteError) {
        try refill(first: 0, count: ring.geometry.slots)
    }

    /// The batch: parts of at most the slots left before the ring wraps.
    func runRing(frames: Int) throws(SuiteError) -> UInt64 {
        let slots = ring.geometry.slots
        let before = ring.geometry.refill == .beforeRead
        var remaining = frames
        var nanoseconds: UInt64 = 0
        while remaining > 0 {
            let first = cursor
            let part = min(remaining, slots - first, max(1, partLimit()))
            if before { try refill(first: first, count: part) }
            nanoseconds &+= try timed(first: first, count: part)
            if !before { try refill(first: first, count: part) }
            cursor = first + part == slots ? 0 : first + part
            remaining -= part
        }
        return nanoseconds
    }

    func runBatch(frames: Int) throws(SuiteError) -> UInt64 { try runRing(frames: frames) }
}
