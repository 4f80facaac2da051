/// What one SFrame seal covers: a whole media frame, or one packet of it.
///
/// Frame granularity is RFC 9605's model: the sender encrypts each encoded frame once and
/// the packetiser splits the protected frame. Packet granularity is Zoom's (E2EE whitepaper
/// §7.2, per UDP packet) and draft-ietf-avtcore-rtp-sframe's per-packet mode: the frame is
/// split first and every packet is sealed on its own, with its own counter, header and tag,
/// so the fixed per-call cost and the tag are paid once per packet.
package enum Granularity: String, Sendable, CaseIterable, Codable {
    /// One seal per media frame.
    case frame
    /// One seal per packet of at most ``PacketBudget/mtu`` bytes, header and tag included.
    case packet
}
