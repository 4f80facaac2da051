import FrameCrypto
import Testing

@testable import FrameBench

/// Packet granularity: a frame sealed packet by packet, each packet within the budget,
/// opened back whole; and the meeting suite's records for it.
@Suite struct MeetingPacketTests {
    let backend = BackendRegistry.available[0]

    /// A keyed meeting of `n` seats, everyone receiving everyone (meeting mode).
    private func keys<Context: AEADContext & ~Copyable>(_: Context.Type, participants n: Int) throws -> MeetingKeyState<Context> {
        let c = MeetingFixtures.configuration(seconds: 0.1)
        let schedule = MeetingScheduleBuilder.build(participants: n, configuration: c)
        return try MeetingKeyState<Context>(
            schedule: schedule, mode: .meeting, gracePeriod: .seconds(10), rekeyThreads: 1, setupThreads: 1)
    }

    @Test(arguments: [0, 1, 99, 100, 1000, 4096])
    func aFrameSealedPerPacketFillsEachPacketAndOpensWhole(size: Int) throws {
        let state = try keys(OpenSSLContext.self, participants: 3)
        let budget = PacketBudget(mtu: 100)
        let work = state.work(overhead: .none, packets: budget)
        let plaintext = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
        var sealed = [UInt8](repeating: 0, count: budget.maxProtectedSize(frameSize: size, tagCount: AESGCM.tagByteCount))
        let done = try plaintext.withUnsafeBytes { plain in
            try sealed.withUnsafeMutableBytes { out in try work.seal(seat: 0, kind: .video, plaintext: plain, into: out) }
        }
        // Every packet but the last is exactly the budget; the last is at most it.
        let expectedPackets = max(1, (done.bytes + budget.mtu - 1) / budget.mtu)
        #expect(done.packets == expectedPackets)
        #expect(done.bytes > size && done.bytes <= budget.mtu * done.packets)
        #expect(done.bytes - size >= done.packets * (1 + AESGCM.tagByteCount))
        // Each packet parses as its own SFrame frame with consecutive counters.
        var offset = 0
        var counters: [UInt64] = []
        while offset < done.bytes {
            let piece = Array(sealed[offset..<min(offset + budget.mtu, done.bytes)])
            let header = try piece.withUnsafeBytes { try SFrameHeader.decode($0) }.header
            counters.append(header.counter)
            offset += piece.count
        }
        #expect(counters == Array(0..<UInt64(done.packets)))

        var opened = [UInt8](repeating: 0xEE, count: max(size, 1))
        let back = try sealed.withUnsafeBytes { frame in
            try opened.withUnsafeMutableBytes { out in
                try work.open(receiver: 1, frame: UnsafeRawBufferPointer(rebasing: frame[0..<done.bytes]), into: out)
            }
        }
        #expect(back.bytes == size && back.packets == done.packets)
        #expect(Array(opened[0..<size]) == plaintext)
    }

    @Test func aTamperedPacketFailsTheFrame() throws {
        let state = try keys(OpenSSLContext.self, participants: 2)
        let work = state.work(overhead: .none, packets: PacketBudget(mtu: 64))
        let plaintext = [UInt8](repeating: 0x42, count: 300)
        var sealed = [UInt8](repeating: 0, count: 1024)
        let done = try plaintext.withUnsafeBytes { plain in
            try sealed.withUnsafeMutableBytes { out in try work.seal(seat: 0, kind: .audio, plaintext: plain, into: out) }
        }
        #expect(done.packets >= 3)
        sealed[64 + 40] ^= 0x01  // inside the second packet
        var opened = [UInt8](repeating: 0, count: 300)
        #expect(throws: FrameCryptoError.authenticationFailed) {
            try sealed.withUnsafeBytes { frame in
                try opened.withUnsafeMutableBytes { out in
                    try work.open(receiver: 1, frame: UnsafeRawBufferPointer(rebasing: frame[0..<done.bytes]), into: out)
                }
            }
        }
    }

    @Test func theHarnessCountsPacketsAsTheRealWorkDoes() throws {
        let null = NullWork(mtu: 100)
        let plaintext = [UInt8](repeating: 0, count: 250)
        var out = [UInt8](repeating: 0, count: 1)
        let sealed = try plaintext.withUnsafeBytes { p in
            try out.withUnsafeMutableBytes { try null.seal(seat: 0, kind: .video, plaintext: p, into: $0) }
        }
        #expect(sealed.packets == 4 && sealed.bytes == 250 + 4 * NullWork.overhead)
        let frame = [UInt8](repeating: 0, count: sealed.bytes)
        let opened = try frame.withUnsafeBytes { f in try out.withUnsafeMutableBytes { try null.open(receiver: 1, frame: f, into: $0) } }
        #expect(opened.packets == 4 && opened.bytes == 250)
    }

    @Test func frameAndPacketRunSideBySideWithTheSameWorkAndRekeys() throws {
        var c = MeetingFixtures.configuration(seconds: 0.4, churn: 2)
        c.granularities = [.frame, .packet]
        c.packetBudget = PacketBudget(mtu: 300)
        c.alsoThreads = [2]
        let records = try MeetingSuite.runCase(participants: 8, mode: .meeting, backends: [backend], configuration: c)
        try #require(records.count == 4)
        let frame = records.filter { !$0.isPerPacket }, packet = records.filter(\.isPerPacket)
        #expect(frame.count == 2 && packet.count == 2)
        for (f, p) in zip(frame, packet) {
            #expect(p.granularity == "packet" && p.mtu == 300 && f.granularity == "frame" && f.mtu == nil)
            #expect(p.extra?[.seals] == f.extra?[.seals] && p.extra?[.opens] == f.extra?[.opens] && p.bytes == f.bytes)
            #expect(p.extra?[.rekeys] == 2 && (p.extra?[.oldEpochOpens] ?? 0) > 0 && p.extra?[.harnessShare] != nil)
            // Per frame one seal each; per packet more, and more bytes of headers and tags.
            #expect(f.extra?[.packetsSealed] == f.extra?[.seals])
            #expect((p.extra?[.packetsSealed] ?? 0) > (p.extra?[.seals] ?? 0))
            #expect((p.extra?[.packetsOpened] ?? 0) > (p.extra?[.opens] ?? 0))
            #expect((p.overheadBytesPerFrame ?? 0) > (f.overheadBytesPerFrame ?? .infinity))
            #expect((p.extra?[.overheadKbpsVideo] ?? 0) > (f.extra?[.overheadKbpsVideo] ?? .infinity))
            // Audio frames fit one packet either way: the same bytes.
            #expect(p.extra?[.overheadKbpsAudio] == f.extra?[.overheadKbpsAudio])
        }
        #expect(CaseKey(frame[0]) != CaseKey(packet[0]))
    }

    @Test func overheadBytesMatchHeadersAndTagsPerFrame() throws {
        var c = MeetingFixtures.configuration(seconds: 0.3)
        c.participants = [4]
        let records = try MeetingSuite.run(c)
        let r = try #require(records.first)
        // Header of 2–17 bytes plus the 16-byte tag, per frame.
        let perFrame = try #require(r.overheadBytesPerFrame)
        #expect(perFrame >= Double(AESGCM.tagByteCount + 2) && perFrame <= Double(AESGCM.tagByteCount + 17))
        let e = try #require(r.extra)
        for (media, overhead, percent) in [
            (ExtraKey.mediaKbpsAudio, ExtraKey.overheadKbpsAudio, ExtraKey.overheadPercentAudio),
            (.mediaKbpsVideo, .overheadKbpsVideo, .overheadPercentVideo), (.mediaKbpsScreen, .overheadKbpsScreen, .overheadPercentScreen),
        ] {
            let m = try #require(e[media]), o = try #require(e[overhead]), p = try #require(e[percent])
            #expect(m > 0 && o > 0)
            #expect(abs(p - 100 * o / m) < 1e-6 * p)
        }
        // 50 audio frames a second of 18–33 bytes of overhead: 7.2–13.2 kbit/s per sender.
        #expect((7.2...13.2).contains(e[.overheadKbpsAudio]!))
    }

    @Test func badGranularityOptionsAreRefusedBeforeMeasuring() {
        var c = MeetingFixtures.configuration()
        c.granularities = []
        #expect(throws: SuiteError.self) { try c.resolvedBackends() }
        c.granularities = [.packet, .packet]
        #expect(throws: SuiteError.self) { try c.resolvedBackends() }
        c.granularities = [.packet]
        c.packetBudget = PacketBudget(mtu: PacketBudget.minimumMTU - 1)
        #expect(throws: SuiteError.self) { try c.resolvedBackends() }
        c.packetBudget = PacketBudget(mtu: PacketBudget.maximumMTU + 1)
        #expect(throws: SuiteError.self) { try c.resolvedBackends() }
        c.packetBudget = PacketBudget(mtu: PacketBudget.minimumMTU)
        #expect(throws: Never.self) { try c.resolvedBackends() }
    }

    @Test func theRunJobMeasuresTheLargestMeetingBothWays() {
        let job = RunJob(quick: true)
        let largest = job.meetings.first { $0.configuration.participants == [200] }
        #expect(largest?.configuration.granularities == [.frame, .packet])
        #expect(job.meetings.first?.configuration.granularities == [.frame])
        var chosen = RunJob(quick: true)
        chosen.granularities = [.packet]
        chosen.packetBudget = PacketBudget(mtu: 800)
        #expect(chosen.meetings.allSatisfy { $0.configuration.granularities == [.packet] && $0.configuration.packetBudget.mtu == 800 })
    }
}
