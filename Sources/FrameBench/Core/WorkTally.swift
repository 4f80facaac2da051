/// Frames, packets and bytes done by one thread in one phase of one tick.
struct WorkTally {
    /// Media frames sealed or opened.
    var frames = 0
    /// Plaintext bytes sealed or opened.
    var bytes = 0
    /// SFrame seals or opens: one per frame in frame granularity, one per packet in packet
    /// granularity.
    var packets = 0
    /// Bytes SFrame added (headers and tags) to the audio, video and screen frames sealed.
    var overheadAudio = 0, overheadVideo = 0, overheadScreen = 0
}

/// What one ``FrameWork`` call did: the bytes it returns (protected bytes written when
/// sealing, plaintext bytes when opening) and the SFrame seals or opens it took.
struct WorkDone {
    var bytes: Int
    var packets: Int
}
