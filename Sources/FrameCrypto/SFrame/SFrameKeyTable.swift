/// One installed receive key: its KID, keyed context, salt, replay window and tag size.
@usableFromInline
struct SFrameKeyEntry<Context: AEADContext & ~Copyable>: ~Copyable {
    @usableFromInline let keyID: UInt64
    @usableFromInline var context: Context
    @usableFromInline let salt: Nonce
    @usableFromInline var window: SFrameReplayWindow
    /// The key's suite's `Nt`.
    @usableFromInline let tagByteCount: Int

    @usableFromInline
    init(keyID: UInt64, keyed: consuming SFrameKeyedContext<Context>, maxForwardJump: UInt64) {
        self.keyID = keyID
        self.salt = keyed.salt
        self.tagByteCount = keyed.suite.tagByteCount
        self.context = keyed.context
        self.window = SFrameReplayWindow(maxForwardJump: maxForwardJump)
    }
}

/// A fixed-capacity map from KID to ``SFrameKeyEntry``, allocated once.
///
/// Entries sit densely in `entries[0..<count]`; an open-addressing index of
/// power-of-two size (at least twice the capacity, so at most half full) maps a KID to its
/// entry with linear probing. Each slot keeps the KID beside the entry number, so a probe
/// reads only the index. Removal shifts later slots of the probe run back (no tombstones),
/// and moves the last entry into the freed place. Lookups allocate nothing and take
/// expected constant time.
@usableFromInline
struct SFrameKeyTable<Context: AEADContext & ~Copyable>: ~Copyable {
    @usableFromInline
    struct Slot: BitwiseCopyable {
        @usableFromInline var keyID: UInt64
        /// The entry's index, or -1 for an empty slot.
        @usableFromInline var entry: Int32
    }

    @usableFromInline let capacity: Int
    @usableFromInline let slotMask: Int
    /// 64 minus log2 of the slot count: ``home(of:)`` keeps the product's top bits.
    @usableFromInline let slotShift: UInt64
    @usableFromInline let slots: UnsafeMutablePointer<Slot>
    @usableFromInline let entries: UnsafeMutablePointer<SFrameKeyEntry<Context>>
    @usableFromInline var count: Int

    @usableFromInline
    init(capacity: Int) {
        precondition(capacity >= 0 && capacity <= Int(Int32.max) / 4, "SFrame key table: capacity out of range")
        var slotCount = 2
        while slotCount < 2 * capacity { slotCount <<= 1 }
        self.capacity = capacity
        self.slotMask = slotCount - 1
        self.slotShift = UInt64(slotCount.leadingZeroBitCount + 1)
        self.slots = .allocate(capacity: slotCount)
        self.slots.initialize(repeating: Slot(keyID: 0, entry: -1), count: slotCount)
        self.entries = .allocate(capacity: max(capacity, 1))
        self.count = 0
    }

    @inlinable
    deinit {
        entries.deinitialize(count: count)
        // The salts sat inline in the entries: wipe them with the rest before freeing.
        Self.wipe(entries, count: capacity)
        entries.deallocate()
        slots.deallocate()
    }

    /// The slot holding `keyID`, or `nil`.
    @inlinable @inline(__always)
    func slot(of keyID: UInt64) -> Int? {
        var i = home(of: keyID)
        while true {
            let slot = slots[i]
            if slot.entry < 0 { return nil }
            if slot.keyID == keyID { return i }
            i = (i + 1) & slotMask
        }
    }

    /// The entry index of `keyID`, or `nil`.
    @inlinable @inline(__always)
    func entryIndex(of keyID: UInt64) -> Int? {
        guard let s = slot(of: keyID) else { return nil }
        return Int(slots[s].entry)
    }

    /// Installs `entry`, replacing (and destroying) any entry with its KID.
    ///
    /// - Throws: ``FrameCryptoError/keyStoreFull(capacity:)`` for a new KID when the table
    ///   is full; the table is unchanged then.
    mutating func insert(_ entry: consuming SFrameKeyEntry<Context>) throws(FrameCryptoError) {
        let keyID = entry.keyID
        if let index = entryIndex(of: keyID) {
            (entries + index).deinitialize(count: 1)
            Self.wipe(entries + index, count: 1)
            (entries + index).initialize(to: entry)
            return
        }
        guard count < capacity else { throw .keyStoreFull(capacity: capacity) }
        var i = home(of: keyID)
        while slots[i].entry >= 0 { i = (i + 1) & slotMask }
        (entries + count).initialize(to: entry)
        slots[i] = Slot(keyID: keyID, entry: Int32(count))
        count += 1
    }

    /// Removes and destroys the entry for `keyID`; `false` when there is none.
    mutating func remove(_ keyID: UInt64) -> Bool {
        guard let found = slot(of: keyID) else { return false }
        let index = Int(slots[found].entry)
        deleteSlot(found)
        (entries + index).deinitialize(count: 1)
        Self.wipe(entries + index, count: 1)
        let last = count - 1
        if index != last {
            let moved = entries[last].keyID
            (entries + index).initialize(to: (entries + last).move())
            // The move leaves the old bytes, salt included, behind.
            Self.wipe(entries + last, count: 1)
            slots[slot(of: moved)!].entry = Int32(index)
        }
        count = last
        return true
    }

    /// Empties slot `hole` and shifts back the later slots of its probe run that may move,
    /// so that every remaining KID stays reachable from its home slot.
    private mutating func deleteSlot(_ start: Int) {
        var hole = start
        var j = start
        while true {
            j = (j + 1) & slotMask
            let slot = slots[j]
            if slot.entry < 0 { break }
            let slotHome = home(of: slot.keyID)
            // The slot at j may fill the hole unless its home lies cyclically in (hole, j].
            let homeInRun = hole <= j ? (slotHome > hole && slotHome <= j) : (slotHome > hole || slotHome <= j)
            if !homeInRun {
                slots[hole] = slot
                hole = j
            }
        }
        slots[hole] = Slot(keyID: 0, entry: -1)
    }

    /// Zeroes the (deinitialised) memory of `count` entries from `first`.
    @usableFromInline
    static func wipe(_ first: UnsafeMutablePointer<SFrameKeyEntry<Context>>, count: Int) {
        secureZero(UnsafeMutableRawPointer(first), count: count * MemoryLayout<SFrameKeyEntry<Context>>.stride)
    }

    /// The slot where `keyID`'s probe starts: Fibonacci hashing, the top bits of the KID
    /// times 2^64/φ. Every KID bit reaches the top bits of the product, so sequential and
    /// structured KIDs (epoch ‖ sender ‖ stream) spread evenly, in one multiply and one shift
    /// per lookup (a MurmurHash3 finaliser took two multiplies and three shift-XORs).
    @inlinable @inline(__always)
    func home(of keyID: UInt64) -> Int {
        Int(truncatingIfNeeded: (keyID &* 0x9E37_79B9_7F4A_7C15) &>> slotShift)
    }
}
