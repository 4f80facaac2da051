extension FramesSuite {
    /// The per-repetition medians of `slot`'s batch-by-batch ratio to the C reference of
    /// its backend in the same group, or `nil` when `slot` is not a Swift case or has no
    /// reference.
    ///
    /// Batch *i* of both cases ran in the same interleaved round, tens of microseconds
    /// apart, so a change in the machine's speed (another process, frequency, a noisy
    /// neighbour) scales both and cancels in the ratio; what remains is the Swift layer's
    /// cost over the library's. Batches past the shorter log are not paired.
    static func pairedReferenceRatios(_ slot: CaseSlot, in slots: [CaseSlot], parts: Int) -> [Double]? {
        guard slot.runner.implementation == .swift,
            let reference = slots.first(where: { $0.runner.implementation == .c && $0.runner.backend == slot.runner.backend })
        else { return nil }
        let ours = slot.nanosecondsPerFrame
        let theirs = reference.nanosecondsPerFrame
        let count = min(ours.count, theirs.count)
        var ratios: [Double] = []
        ratios.reserveCapacity(count)
        for i in 0..<count where theirs[i] > 0 { ratios.append(ours[i] / theirs[i]) }
        guard !ratios.isEmpty else { return nil }
        return SampleStatistics.chunkMedians(ratios, parts: parts)
    }
}
