package import FrameCrypto

/// What the frames suite measures: every backend × frame size × operation, each beside
/// the C reference of the same backend.
package struct FramesSuiteConfiguration: Sendable, Equatable {
    /// Backends by name; empty means every backend available here.
    package var backends: [String] = []
    /// Frame sizes in bytes: tiny, an Opus packet, an audio frame with headroom, a video
    /// packet near the MTU, and larger video frames up to a big keyframe.
    package var frameSizes: [Int] = [16, 64, 160, 1200, 4096, 16384, 65536]
    /// The SFrame cipher suites whose AEAD is measured: 5 (`AES_256_GCM_SHA512_128`) by
    /// default. A backend is measured under each suite it implements; a cell it lacks has
    /// no record, and the tables show it as "n/a".
    package var cipherSuites: [SFrameCipherSuite] = [.default]
    /// The operations, each measured separately.
    package var operations: [FrameOperation] = [.seal, .open]
    /// Time per case, or frames per case.
    package var length: RunLength = .seconds(1)
    /// Seed of the key, payload and AAD bytes.
    package var seed: UInt64 = 1
    /// Wall-clock warm-up per interleaved group before anything is recorded (after the
    /// batch size is calibrated). 0 disables it.
    package var warmupSeconds: Double = 0.2
    /// The duration a batch is calibrated to: 20 µs keeps the two clock reads (~20–40 ns)
    /// well under 1 % of a batch while still giving tens of thousands of batches a second.
    package var targetBatchNanoseconds: UInt64 = 20_000
    /// A fixed batch size instead of calibrating (the same for every case).
    package var batchSize: Int? = nil
    /// Consecutive runs of batches whose medians are stored as each case's samples.
    package var repetitions: Int = 20
    /// Bytes of AAD per frame: 8, a typical SFrame header (RFC 9605 §4.3: a config byte,
    /// a short key id and a counter of a few bytes).
    package var aadBytes: Int = 8
    /// Whether to measure the C reference of each backend alongside.
    package var includeReference: Bool = true
    /// Busy work added to every frame of the Swift cases, in nanoseconds (the C reference
    /// is left alone, a control): a known slowdown for testing a regression gate, see
    /// ``SyntheticOverhead``. 0, the default, adds nothing.
    package var syntheticOverheadNanoseconds: Int = 0
    /// Heap allocations added to every frame of the Swift cases (``SyntheticOverhead``): the
    /// known allocation that proves the allocation gate can see one. 0, the default, adds none.
    package var syntheticAllocations: Int = 0
    /// Thread counts to measure each Swift case at. `[1]`, the default, is the ordinary
    /// single-threaded suite. Any count above 1 adds a scaling measurement per group: on
    /// each of N threads its own contexts and buffers, the same case, start-aligned, slice
    /// by slice interleaved with the same case on 1 thread (`docs/measurement.md`, "Multi-core scaling").
    package var threadCounts: [Int] = [1]
    /// The frame sizes the scaling measurement runs at; `nil`, the default, means all.
    package var scalingFrameSizes: [Int]? = nil

    /// The thread counts of the scaling measurement, 1 first, or empty when only one
    /// thread was asked for.
    package var scalingThreadCounts: [Int] {
        let above = Set(threadCounts.filter { $0 > 1 }).sorted()
        return above.isEmpty ? [] : [1] + above
    }

    /// Whether the group of `size` gets a scaling measurement.
    package func scales(size: Int) -> Bool {
        !scalingThreadCounts.isEmpty && (scalingFrameSizes?.contains(size) ?? true)
    }

    /// The groups (frame size and operation) that get a scaling measurement.
    package var scalingGroups: Int { frameSizes.filter(scales(size:)).count * operations.count }

    /// The defaults.
    package init() {}

    /// The largest frame size accepted.
    package static let maxFrameSize = ConfigurationChecks.maxFrameSize

    /// The most threads a scaling measurement may use.
    package static let maxThreads = 256

    /// Checks every value and resolves the backends.
    ///
    /// - Throws: ``SuiteError/invalidConfiguration(_:)`` or, for an unknown or
    ///   unavailable backend, ``SuiteError/crypto(_:)``.
    package func resolvedBackends() throws(SuiteError) -> [AEADBackend] {
        func invalid(_ reason: String) -> SuiteError { .invalidConfiguration(reason) }
        if let reason = ConfigurationChecks.groupsAndTiming(
            frameSizes: frameSizes, operations: operations, length: length, warmupSeconds: warmupSeconds,
            targetBatchNanoseconds: targetBatchNanoseconds, repetitions: repetitions)
        {
            throw invalid(reason)
        }
        if let batchSize, !(1...(1 << 24)).contains(batchSize) { throw invalid("batch size must be 1 to \(1 << 24)") }
        guard (0...4096).contains(aadBytes) else { throw invalid("AAD size must be 0 to 4096 bytes") }
        guard (0...10_000_000).contains(syntheticOverheadNanoseconds) else {
            throw invalid("synthetic overhead must be 0 to 10000000 ns per frame")
        }
        guard (0...1000).contains(syntheticAllocations) else { throw invalid("synthetic allocations must be 0 to 1000 per frame") }
        guard !cipherSuites.isEmpty else { throw invalid("no cipher suite given") }
        guard Set(cipherSuites).count == cipherSuites.count else { throw invalid("a cipher suite is listed twice") }
        guard !threadCounts.isEmpty else { throw invalid("no thread counts given") }
        for threads in threadCounts where !(1...Self.maxThreads).contains(threads) {
            throw invalid("thread count \(threads) is outside 1…\(Self.maxThreads)")
        }
        guard Set(threadCounts).count == threadCounts.count else { throw invalid("a thread count is listed twice") }
        return try ConfigurationChecks.backends(backends, crypto: { .crypto($0) }, invalid: invalid)
    }

    /// This configuration as recorded in a results document.
    package func runConfiguration(backendNames: [String]) -> RunConfiguration {
        var run = RunConfiguration(
            suite: SuiteName.frames.rawValue, seed: seed, backends: backendNames,
            runMode: { if case .count = length { "count" } else { "time" } }(), warmupSeconds: warmupSeconds)
        switch length {
        case let .seconds(s): run.secondsPerCase = s
        case let .count(n): run.framesPerCase = n
        }
        run.targetBatchNanoseconds = batchSize == nil ? Int(targetBatchNanoseconds) : nil
        run.fixedBatchSize = batchSize
        run.repetitions = repetitions
        run.frameSizes = frameSizes
        run.operations = operations.map(\.rawValue)
        run.aadBytes = aadBytes
        run.reference = includeReference
        var extra: [String: String] = [:]
        if cipherSuites != [.default] { extra["cipherSuites"] = cipherSuites.map { String($0.rawValue) }.joined(separator: ",") }
        if syntheticOverheadNanoseconds > 0 { extra["syntheticOverheadNs"] = String(syntheticOverheadNanoseconds) }
        if syntheticAllocations > 0 { extra["syntheticAllocations"] = String(syntheticAllocations) }
        if !scalingThreadCounts.isEmpty { extra["threadCounts"] = scalingThreadCounts.map(String.init).joined(separator: ",") }
        if let scalingFrameSizes, !scalingThreadCounts.isEmpty {
            extra["scalingFrameSizes"] = scalingFrameSizes.map(String.init).joined(separator: ",")
        }
        run.extra = extra.isEmpty ? nil : extra
        return run
    }
}
