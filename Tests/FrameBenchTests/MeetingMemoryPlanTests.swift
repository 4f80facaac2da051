import FrameCrypto
import Testing

@testable import FrameBench

/// The meeting suite's memory plan: how many keyed contexts a runner holds, the measured size
/// of one, and backends grouped within the budget, the ones too large alone left out by name.
@Suite struct MeetingMemoryPlanTests {
    @Test func aRunnerHoldsEverySendersAndEveryReceiversKeys() {
        #expect(MeetingMemoryPlan.contexts(participants: 200, mode: .meeting) == 3 * 200 + 200 * 3 * 199)
        #expect(MeetingMemoryPlan.contexts(participants: 200, mode: .client) == 3 * 200 + 3 * 199)
        #expect(MeetingMemoryPlan.contexts(participants: 1, mode: .meeting) == 3)
    }

    @Test func backendsAreGroupedWithinTheBudgetAndTooLargeOnesNamed() throws {
        let backends = BackendRegistry.available
        try #require(backends.count >= 2)
        let contexts = Double(MeetingMemoryPlan.contexts(participants: 10, mode: .meeting))
        let perRunner = { (bytes: Int) in Int(Double(bytes) * contexts * MeetingMemoryPlan.margin) }
        // Every backend 1000 B a context, 2 runners each: all fit together.
        let roomy = MeetingMemoryPlan.plan(
            backends, participants: 10, mode: .meeting, runners: 2, budget: backends.count * 2 * perRunner(1000), bytes: { _ in 1000 })
        #expect(roomy.groups.map { $0.map { $0.info.name } } == [backends.map { $0.info.name }] && roomy.skipped.isEmpty)
        // Room for one backend's runners at a time: one group each, in order.
        let tight = MeetingMemoryPlan.plan(
            backends, participants: 10, mode: .meeting, runners: 2, budget: 2 * perRunner(1000), bytes: { _ in 1000 })
        #expect(tight.groups.map { $0.map { $0.info.name } } == backends.map { [$0.info.name] })
        // The first backend's contexts are a thousand times larger: it alone is left out, with the reason.
        let first = backends[0].info.name
        let skewed = MeetingMemoryPlan.plan(
            backends, participants: 10, mode: .meeting, runners: 2, budget: backends.count * 2 * perRunner(1000),
            bytes: { $0.info.name == first ? 1_000_000 : 1000 })
        #expect(skewed.skipped.map(\.name) == [first])
        #expect(skewed.skipped[0].reason.contains("1000000 B per keyed context"))
        #expect(skewed.groups.flatMap { $0 }.map { $0.info.name } == backends.dropFirst().map { $0.info.name })
        // No budget known: everything in one group.
        let unknown = MeetingMemoryPlan.plan(backends, participants: 200, mode: .meeting, runners: 4, budget: nil)
        #expect(unknown.groups.count == 1 && unknown.skipped.isEmpty)
    }

    @Test func aKeyedContextsHeapBytesAreMeasured() throws {
        let openssl = try BackendRegistry.backend(named: "openssl")
        let bytes = try #require(MeetingMemoryPlan.contextBytes(openssl))
        // At least the Swift value itself, and OpenSSL's two keyed EVP_CIPHER_CTX on the heap.
        #expect(bytes > MemoryLayout<OpenSSLContext>.stride && bytes < 1_000_000)
        #expect(try #require(MeetingMemoryPlan.budget()) > 0)
    }
}
