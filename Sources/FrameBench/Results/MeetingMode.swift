/// Whose work a meeting case measures.
package enum MeetingMode: String, Sendable, CaseIterable, Codable {
    /// One participant's work: sealing its own streams and opening everything the SFU
    /// forwards to it. Other senders' frames are sealed outside the timed region.
    case client
    /// The whole meeting's client-side work: every participant's seals and opens.
    case meeting
}
