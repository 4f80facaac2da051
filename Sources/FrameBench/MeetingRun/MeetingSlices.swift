/// How a meeting case's measured ticks are cut into slices (one repetition each).
enum MeetingSlices {
    /// `range` cut into at most `parts` consecutive slices of near-equal length.
    static func ranges(_ range: Range<Int>, parts: Int) -> [Range<Int>] {
        let count = min(max(parts, 1), max(range.count, 1))
        return (0..<count).map { part in
            (range.lowerBound + part * range.count / count)..<(range.lowerBound + (part + 1) * range.count / count)
        }.filter { !$0.isEmpty }
    }
}
