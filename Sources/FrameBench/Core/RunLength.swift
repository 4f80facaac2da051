/// How long each case of a suite runs.
package enum RunLength: Sendable, Equatable {
    /// Each case records batches until its measured time reaches this many seconds.
    case seconds(Double)
    /// Each case records exactly this many frames (for callgrind and allocation
    /// counters); warm-up and calibration frames are extra and reported separately.
    case count(Int)
}
