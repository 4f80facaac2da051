package import FrameCrypto

/// One sender's stream of a kind, as the suite chooser costs it: the sizes of the packets
/// it is sealed in, per second of media, from the same generated media the meeting suite
/// sends (``Workload/generated(duration:seed:audio:video:screen:)`` with the model's
/// defaults: Opus-like audio, three simulcast video layers, a shared screen).
///
/// Packets, not frames: every frame is cut into packets of at most ``mtu`` bytes protected
/// (Zoom's per-packet E2EE; ``PacketBudget``), so every seal is between a few bytes and
/// ``mtu``, inside the range the frames suite measures (100 B and 1200 B). A frame of audio
/// is one packet.
package struct StreamProfile: Sendable {
    /// The stream's kind.
    package var kind: StreamKind
    /// Seconds of media generated.
    package var seconds: Double
    /// Media frames' sizes, in order.
    package var frameSizes: [Int]
    /// Bytes per protected packet.
    package var mtu: Int
    /// The KID the sender's headers carry: participant 1's stream of this kind, epoch 1.
    package var keyID: UInt64

    /// Media bits per second.
    package var mediaBitsPerSecond: Double { Double(frameSizes.reduce(0, +)) * 8 / seconds }

    /// The payload size of every packet under `suite`, in order: each frame cut into
    /// packets of `mtu − header − tag` bytes, the header being the one the packet's
    /// counter (0, 1, 2, … over the stream) gets.
    package func packetPayloads(suite: SFrameCipherSuite) -> (payloads: [Int], headerBytes: Int) {
        var payloads: [Int] = []
        var counter: UInt64 = 0, headers = 0
        for size in frameSizes {
            var left = size
            repeat {
                let header = SFrameHeader(keyID: keyID, counter: counter).byteCount
                let piece = min(left, mtu - header - suite.tagByteCount)
                payloads.append(piece)
                headers += header
                left -= piece
                counter += 1
            } while left > 0
        }
        return (payloads, headers)
    }

    /// The default model's streams, one per kind, over `seconds` of media from `seed`.
    package static func defaults(seconds: Double = 60, seed: UInt64 = 1, mtu: Int = PacketBudget.defaultMTU) -> [StreamProfile] {
        let duration = Int64(seconds * 1e9)
        let workload = Workload.generated(
            duration: duration, seed: seed, audio: AudioParameters(), video: VideoParameters(), screen: ScreenParameters())
        return StreamKind.allCases.map { kind in
            StreamProfile(
                kind: kind, seconds: seconds, frameSizes: workload.frames.filter { $0.kind == kind }.map(\.size), mtu: mtu,
                keyID: SenderKeyID(participant: 1, kind: kind, epoch: 1).rawValue)
        }
    }
}
