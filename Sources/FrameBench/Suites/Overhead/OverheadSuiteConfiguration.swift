package import FrameCrypto

/// What `framebench overhead` measures: per backend, frame size and operation, the cost of
/// each layer of a frame's path (``OverheadLayer``), all layers interleaved batch by batch.
package struct OverheadSuiteConfiguration: Sendable, Equatable {
    /// Backends by name, variants included; empty means every available default backend.
    /// A variant (`openssl-cold`, …) is measured beside its warm parent, which is added
    /// when not listed.
    package var backends: [String] = []
    /// Add every variant in ``BackendRegistry/variants`` (with its parent).
    package var includeVariants = false
    /// Frame sizes in bytes: an audio frame (100 B), a video packet near the MTU (1200 B)
    /// and a large video frame (64 KiB).
    package var frameSizes: [Int] = [100, 1200, 65536]
    /// The working sets, each its own groups (``WorkingSet``); by default what a receiver sees.
    package var workingSets: [WorkingSet] = [.receiverDefault]
    /// Where the cache sizes are read (cpu0's sysfs cache directory; tests pass a fake one).
    package var cacheRoot: String = CacheSizes.sysfsRoot
    /// The operations, each its own interleaved group.
    package var operations: [FrameOperation] = [.seal, .open]
    /// Time (or frames) per case, that is per backend and layer.
    package var length: RunLength = .seconds(0.5)
    /// Interleaved warm-up per group before recording.
    package var warmupSeconds: Double = 0.1
    /// The duration a batch is calibrated to, as in the frames suite.
    package var targetBatchNanoseconds: UInt64 = 20_000
    /// Consecutive runs of batches whose medians are stored as samples (and give the
    /// intervals of the added cost).
    package var repetitions = 20
    /// Seed of keys and payload.
    package var seed: UInt64 = 1
    /// Keys the SFrame receiver holds while opening: 200 senders × 3 streams × 2 epochs,
    /// a participant of a 200-person meeting during a rekey's grace period. The frames
    /// opened all belong to one of them.
    package var receiverKeys = 1200
    /// Measure the harness layer with a short meeting run.
    package var measureHarness = true
    /// Participants of that meeting.
    package var harnessParticipants = 25
    /// Seconds of media of that meeting.
    package var harnessSeconds: Double = 2

    /// The defaults.
    package init() {}

    /// The KID every SFrame case seals and opens: participant 17's video in epoch 1, a
    /// 2-byte KID as in a real meeting.
    package static let measuredKeyID = SenderKeyID(participant: 17, kind: .video, epoch: 1).rawValue

    /// The SFrame header's length at the counters a measurement reaches (~2^16 and up): the
    /// AAD length the C and Swift-backend layers use, so every layer authenticates as many
    /// bytes.
    package static var headerBytes: Int { SFrameHeader(keyID: measuredKeyID, counter: 1 << 16).byteCount }

    /// The KIDs the receiver holds: participants 0, 1, … × audio, video, screen × epochs
    /// 0 and 1, the first ``receiverKeys`` of them, always including ``measuredKeyID``.
    package var receiverKeyIDs: [UInt64] {
        var kids: [UInt64] = [Self.measuredKeyID]
        var participant: UInt32 = 0
        while kids.count < receiverKeys {
            for kind in [StreamKind.audio, .video, .screen] {
                for epoch: UInt64 in 0..<2 where kids.count < receiverKeys {
                    let kid = SenderKeyID(participant: participant, kind: kind, epoch: epoch).rawValue
                    if kid != Self.measuredKeyID { kids.append(kid) }
                }
            }
            participant += 1
        }
        return kids
    }

    /// A backend to measure and, for a variant, the name of its warm parent.
    package struct Selected: Sendable {
        package var backend: AEADBackend
        package var parent: String?
        package var name: String { backend.info.name }
    }

    /// Checks every value and resolves the backends: parents before their variants.
    ///
    /// - Throws: ``SuiteError/invalidConfiguration(_:)`` or, for an unknown or
    ///   unavailable backend, ``SuiteError/crypto(_:)``.
    package func resolvedBackends() throws(SuiteError) -> [Selected] {
        func invalid(_ reason: String) -> SuiteError { .invalidConfiguration(reason) }
        if let reason = ConfigurationChecks.groupsAndTiming(
            frameSizes: frameSizes, operations: operations, length: length, warmupSeconds: warmupSeconds,
            targetBatchNanoseconds: targetBatchNanoseconds, repetitions: repetitions)
        {
            throw invalid(reason)
        }
        guard !workingSets.isEmpty else { throw invalid("give at least one working set") }
        guard Set(workingSets).count == workingSets.count else { throw invalid("a working set is listed twice") }
        guard (1...100_000).contains(receiverKeys) else { throw invalid("receiver keys must be 1 to 100000, not \(receiverKeys)") }
        guard (2...MeetingLimits.e2eeCap).contains(harnessParticipants) else {
            throw invalid("harness meeting participants must be 2 to \(MeetingLimits.e2eeCap)")
        }
        guard harnessSeconds > 0, harnessSeconds <= 600 else {
            throw invalid("harness meeting seconds must be more than 0 and at most 600")
        }
        var chosen = try ConfigurationChecks.backends(backends, crypto: { .crypto($0) }, invalid: invalid)
        if includeVariants {
            for variant in BackendRegistry.variants where variant.info.availability.isAvailable {
                if !chosen.contains(where: { $0.info.name == variant.info.name }) { chosen.append(variant) }
            }
        }
        var selected: [Selected] = []
        func add(_ backend: AEADBackend, parent: String?) {
            if !selected.contains(where: { $0.name == backend.info.name }) { selected.append(Selected(backend: backend, parent: parent)) }
        }
        for backend in chosen {
            let name = backend.info.name
            if BackendRegistry.all.contains(where: { $0.info.name == name }) {
                add(backend, parent: nil)
            } else if let parent = Self.parent(of: backend) {
                add(parent, parent: nil)
                add(backend, parent: parent.info.name)
            } else {
                add(backend, parent: nil)
            }
        }
        // Parents first, each variant after the backends it is compared with.
        return selected.filter { $0.parent == nil } + selected.filter { $0.parent != nil }
    }

    /// The default backend on the same library as `variant`: what it is compared with.
    static func parent(of variant: AEADBackend) -> AEADBackend? {
        BackendRegistry.all.first { $0.info.library == variant.info.library && $0.info.name != variant.info.name }
    }

    /// The cache sizes the working sets are sized from, read now.
    package func cacheSizes() -> CacheSizes { CacheSizes.read(root: cacheRoot) }

    /// This configuration as recorded in a results document.
    package func runConfiguration(backendNames: [String]) -> RunConfiguration {
        var run = RunConfiguration(
            suite: SuiteName.overhead.rawValue, seed: seed, backends: backendNames,
            runMode: { if case .count = length { "count" } else { "time" } }(), warmupSeconds: warmupSeconds)
        switch length {
        case let .seconds(s): run.secondsPerCase = s
        case let .count(n): run.framesPerCase = n
        }
        run.targetBatchNanoseconds = Int(targetBatchNanoseconds)
        run.repetitions = repetitions
        run.frameSizes = frameSizes
        run.operations = operations.map(\.rawValue)
        run.aadBytes = Self.headerBytes
        run.reference = true
        run.extra = extraDescription
        return run
    }

    /// The overhead options as text, for ``RunConfiguration/extra``.
    package var extraDescription: [String: String] {
        let caches = cacheSizes()
        var extra = [
            "receiverKeys": String(receiverKeys), "variants": String(includeVariants), "measureHarness": String(measureHarness),
            "workingSets": workingSets.map(\.rawValue).joined(separator: ","),
            "cacheSizes": "L1d \(caches.l1d), L2 \(caches.l2), LLC \(caches.llc) bytes (\(caches.source))",
        ]
        if measureHarness {
            extra["harnessParticipants"] = String(harnessParticipants)
            extra["harnessSeconds"] = String(harnessSeconds)
        }
        return extra
    }
}
