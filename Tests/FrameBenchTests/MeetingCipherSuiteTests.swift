import FrameCrypto
import FrameTestSupport
import Testing

@testable import FrameBench

/// The meeting suite under another SFrame cipher suite: every keyring keyed for it, the
/// same work as suite 5, tags of the suite's length, records that name it, and backends
/// that lack it named rather than dropped.
@Suite struct MeetingCipherSuiteTests {
    @Test(.enabled(if: TestBackends.isAvailable("openssl"), TestBackends.skipReason("openssl")))
    func aMeetingUnderACTRSuiteDoesTheSameWorkWithShorterTags() throws {
        var c = MeetingFixtures.configuration(seconds: 0.3, churn: 1)
        c.participants = [4]
        c.backends = ["openssl"]
        let gcm = try #require(try MeetingSuite.run(c).first)
        c.cipherSuite = .aes128CTRHMACSHA256Tag32
        let ctr = try #require(try MeetingSuite.run(c).first)
        #expect(gcm.cipherSuite == 5 && ctr.cipherSuite == 3)
        // The same schedule: the same frames sealed, opened and rekeyed.
        #expect(ctr.extra?[.seals] == gcm.extra?[.seals] && ctr.extra?[.opens] == gcm.extra?[.opens])
        #expect(ctr.extra?[.rekeys] == gcm.extra?[.rekeys] && ctr.extra?[.rekeys] == 1)
        // Same headers (same KIDs and counters), tags of 4 bytes instead of 16: exactly 12 bytes less per frame.
        let saved = try #require(gcm.overheadBytesPerFrame) - (try #require(ctr.overheadBytesPerFrame))
        #expect(abs(saved - 12) < 1e-9)
        #expect(CaseKey(gcm) != CaseKey(ctr) && CaseKey(ctr).label.contains("suite 3"))
        #expect(MeetingReport.overheadTable([gcm, ctr]).contains(" 3 "))
    }

    @Test(arguments: SFrameCipherSuite.allCases)
    func keyringsOfEverySuiteSealAndOpenEachOthersFrames(suite: SFrameCipherSuite) throws {
        let backend = try #require(BackendRegistry.available.first { $0.algorithms.contains(suite.aead) })
        func check<Context: AEADContext & ~Copyable>(_: Context.Type) throws {
            let key = MeetingKey.generate(meetingID: MeetingID(high: 1, low: 2), epoch: 1)
            var alice = try ParticipantKeyring<Context>(participant: 1, meetingKey: key, participants: [1, 2], suite: suite)
            var bob = try ParticipantKeyring<Context>(participant: 2, meetingKey: key, participants: [1, 2], suite: suite)
            #expect(alice.suite == suite && bob.suite == suite)
            let plaintext = (0..<200).map { UInt8(truncatingIfNeeded: $0) }
            let header = alice.nextHeaderByteCount(for: .video)
            var sealed = [UInt8](repeating: 0, count: 300)
            var out = sealed.mutableSpan
            let n = try alice.seal(.video, plaintext: plaintext.span, metadata: [UInt8]().span, into: &out)
            #expect(n == header + 200 + suite.tagByteCount)
            let frame = Array(sealed.prefix(n))
            var opened = [UInt8](repeating: 0, count: n)
            var into = opened.mutableSpan
            let result = try bob.open(frame: frame.span, metadata: [UInt8]().span, into: &into)
            #expect(Array(opened.prefix(result.plaintextCount)) == plaintext)
            // A receiver keyed for another suite from the same meeting key does not open it.
            let other: SFrameCipherSuite = suite == .default ? .aes128GCMSHA256 : .default
            if Context.algorithms.contains(other.aead) {
                var dave = try ParticipantKeyring<Context>(participant: 4, meetingKey: key, participants: [1, 4], suite: other)
                var into = opened.mutableSpan
                #expect(throws: FrameCryptoError.self) {
                    try dave.open(frame: frame.span, metadata: [UInt8]().span, into: &into)
                }
            }
        }
        try check(backend)
    }

    @Test func backendsThatLackTheSuiteAreNamedAndLeftOut() throws {
        var c = MeetingFixtures.configuration()
        c.backends = BackendRegistry.available.map { $0.info.name }
        c.cipherSuite = .aes256CTRHMACSHA512Tag80
        let measured = try c.resolvedBackends().map { $0.info.name }
        let lacking = try c.backendsLackingSuite()
        #expect(Set(measured).isDisjoint(with: lacking))
        #expect(Set(measured + lacking) == Set(BackendRegistry.available.map { $0.info.name }))
        for name in lacking {
            #expect(try !BackendRegistry.backend(named: name).algorithms.contains(c.cipherSuite.aead))
        }
        #expect(c.runConfiguration(backendNames: measured).extra?["cipherSuite"] == "6")
    }
}
