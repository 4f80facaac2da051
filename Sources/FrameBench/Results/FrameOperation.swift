/// What a frames-suite case does to each frame.
public enum FrameOperation: String, Sendable, CaseIterable, Codable {
    /// Encrypt in place under a fresh counter nonce, write the tag.
    case seal
    /// Verify the tag and decrypt one sealed frame into a separate buffer.
    case open
}
