import FrameCrypto

/// What the replay window should decide, modelled as plainly as possible: every accepted
/// counter per KID in a set, and the highest. A counter is allowed when it is above the
/// highest, or at most `width - 1` below it and not seen; one more than
/// ``maxForwardJump`` above the highest is refused separately.
struct ReplayModel {
    static let width: UInt64 = 1024

    private var seen: [UInt64: (highest: UInt64, counters: Set<UInt64>)] = [:]

    /// The receiver's default bound on one frame's forward jump.
    static let maxForwardJump = SFrameReplayWindow.defaultMaxForwardJump

    /// Whether `counter` is more than ``maxForwardJump`` past the highest accepted (past
    /// 0 before the first).
    func exceedsForwardJump(keyID: UInt64, counter: UInt64) -> Bool {
        let highest = seen[keyID]?.highest ?? 0
        return counter > highest && counter - highest > Self.maxForwardJump
    }

    func allows(keyID: UInt64, counter: UInt64) -> Bool {
        guard let state = seen[keyID], counter <= state.highest else { return true }
        return state.highest - counter < Self.width && !state.counters.contains(counter)
    }

    mutating func record(keyID: UInt64, counter: UInt64) {
        if var state = seen[keyID] {
            state.highest = max(state.highest, counter)
            state.counters.insert(counter)
            seen[keyID] = state
        } else {
            seen[keyID] = (counter, [counter])
        }
    }
}
