/// Frames and plaintext bytes done.
struct WorkTally {
    var frames = 0
    var bytes = 0
}
