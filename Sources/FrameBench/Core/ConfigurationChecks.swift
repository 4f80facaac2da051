import FrameCrypto

/// The checks the suites' configurations share (frames, overhead, key counts, meeting),
/// each giving the reason a value is invalid, so every command words the same problem the
/// same way.
enum ConfigurationChecks {
    /// The largest frame size accepted.
    static let maxFrameSize = 16 << 20

    /// Why `sizes` is not a usable list of frame sizes, or `nil`.
    static func frameSizes(_ sizes: [Int], context: String = "") -> String? {
        guard !sizes.isEmpty else { return "no frame sizes given\(context)" }
        for size in sizes where !(0...maxFrameSize).contains(size) {
            return "frame size \(size) is outside 0…\(maxFrameSize) bytes"
        }
        return Set(sizes).count == sizes.count ? nil : "a frame size is listed twice"
    }

    /// Why a per-frame suite's groups and timing are unusable (frame sizes, operations,
    /// measured length, warm-up, batch target, repetitions), or `nil`: the checks the frames
    /// and overhead suites share.
    static func groupsAndTiming(
        frameSizes sizes: [Int], operations: [FrameOperation], length: RunLength, warmupSeconds: Double,
        targetBatchNanoseconds: UInt64, repetitions: Int
    ) -> String? {
        if let reason = frameSizes(sizes) { return reason }
        guard !operations.isEmpty else { return "no operations given" }
        return timing(
            length: length, warmupSeconds: warmupSeconds, targetBatchNanoseconds: targetBatchNanoseconds,
            repetitions: repetitions)
    }

    /// Why the measured length, warm-up, batch target or repetition count is out of range, or `nil`.
    static func timing(length: RunLength, warmupSeconds: Double, targetBatchNanoseconds: UInt64, repetitions: Int) -> String? {
        switch length {
        case let .seconds(s) where !(s > 0 && s <= 3600):
            return "seconds per case must be more than 0 and at most 3600, not \(s)"
        case let .count(n) where !(1...1_000_000_000).contains(n):
            return "frames per case must be from 1 to 1000000000, not \(n)"
        default: break
        }
        guard warmupSeconds >= 0, warmupSeconds <= 60 else { return "warm-up must be 0–60 s" }
        guard (1_000...10_000_000).contains(targetBatchNanoseconds) else { return "target batch time must be 1 µs to 10 ms" }
        guard (1...10_000).contains(repetitions) else { return "repetitions must be 1 to 10000" }
        return nil
    }

    /// The backends called `names` (every available one when empty), at least one.
    ///
    /// - Throws: `crypto(error)` for an unknown or unavailable name, `invalid(reason)` when
    ///   nothing is available here.
    static func backends<Failure: Error>(
        _ names: [String], crypto: (FrameCryptoError) -> Failure, invalid: (String) -> Failure
    ) throws(Failure) -> [AEADBackend] {
        let chosen: [AEADBackend]
        do {
            chosen = try BackendRegistry.select(names)
        } catch {
            throw crypto(error)
        }
        guard !chosen.isEmpty else { throw invalid("no backend is available on this machine") }
        return chosen
    }
}
