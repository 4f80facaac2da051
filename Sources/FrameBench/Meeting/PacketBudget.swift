import FrameCrypto

/// The size of one protected packet in packet granularity, and the arithmetic that follows
/// from it.
///
/// The budget includes the SFrame header and tag: a packet is `header ‖ payload ‖ tag`,
/// and every packet but a frame's last is exactly ``mtu`` bytes. A sender fills each packet
/// with `mtu − header − tag` payload bytes, the header being the one its next counter
/// gets; a receiver therefore cuts a protected frame into ``mtu``-byte pieces without
/// reading anything. A frame of 0 bytes is one packet with an empty payload.
package struct PacketBudget: Sendable, Equatable {
    /// Bytes per protected packet: 1200 by default, what WebRTC stacks keep RTP payloads
    /// under so that a packet with its IP, UDP, RTP and extension headers stays below the
    /// 1280-byte IPv6 minimum MTU with room to spare.
    package var mtu: Int

    /// The smallest budget accepted: the longest SFrame header (17 bytes), a 16-byte tag
    /// and room for payload.
    package static let minimumMTU = 64
    /// The largest: a UDP datagram's payload.
    package static let maximumMTU = 65_507
    /// The default budget.
    package static let defaultMTU = 1200

    package init(mtu: Int = PacketBudget.defaultMTU) { self.mtu = mtu }

    /// Payload bytes a packet carries under a `headerCount`-byte header and a
    /// `tagCount`-byte tag.
    @inline(__always)
    package func payload(headerCount: Int, tagCount: Int) -> Int { mtu &- headerCount &- tagCount }

    /// The most packets a frame of `size` bytes can take: every packet with the longest
    /// header (so the smallest payload).
    package func maxPackets(frameSize size: Int, tagCount: Int) -> Int {
        let room = payload(headerCount: SFrameHeader.maxByteCount, tagCount: tagCount)
        return max(1, (size + room - 1) / room)
    }

    /// The most bytes a frame of `size` bytes can take once protected packet by packet.
    package func maxProtectedSize(frameSize size: Int, tagCount: Int) -> Int {
        size + maxPackets(frameSize: size, tagCount: tagCount) * (SFrameHeader.maxByteCount + tagCount)
    }
}
