import FrameCrypto
import FrameVectors

/// The frames suite: the cost of sealing and opening one frame, per backend, frame size
/// and operation, beside the C reference of each backend.
///
/// For each frame size and operation (a *group*), every backend's Swift case and C
/// reference case are made (keyed contexts, buffers, log memory), then:
/// 1. each backend's batch size is calibrated on its Swift case to take about
///    ``FramesSuiteConfiguration/targetBatchNanoseconds``; its C case uses the same size;
/// 2. the group warms up, interleaved, for ``FramesSuiteConfiguration/warmupSeconds``;
/// 3. the group is measured interleaved, batch by batch, until each case has its length;
/// 4. with ``FramesSuiteConfiguration/threadCounts`` above 1, its Swift cases are measured
///    again on 1 and N threads, slice by slice (multi-core scaling, `docs/measurement.md`).
/// Nothing in steps 3 and 4 allocates or locks (beyond what a backend itself does: the
/// `swift-crypto` backend allocates per frame): see `docs/measurement.md`.
package enum FramesSuite {
    /// Runs every group and returns one record per case, Swift cases carrying their ratio
    /// to the C reference. `progress` receives one line per step (for stderr). When `stop`
    /// is requested, returns after the current group with the groups finished so far.
    package static func run(
        _ configuration: FramesSuiteConfiguration, stop: StopRequest? = nil, progress: (String) -> Void = { _ in }
    ) throws(SuiteError) -> [MeasurementRecord] {
        let backends = try configuration.resolvedBackends()
        let (key, aad, payloadBytes) = inputs(configuration)
        let overhead = SyntheticOverhead(nanoseconds: configuration.syntheticOverheadNanoseconds)
            .allocating(configuration.syntheticAllocations)

        var records: [MeasurementRecord] = []
        // A group is one suite, frame size and operation: every backend that implements the
        // suite's AEAD, beside its C reference. Suites outermost, so the default suite's
        // groups keep their order.
        let groups = configuration.cipherSuites.flatMap { suite in
            configuration.frameSizes.flatMap { size in configuration.operations.map { (suite, size, $0) } }
        }
        for (index, (suite, size, operation)) in groups.enumerated() {
            if let stop, stop.isRequested {
                stop.noteWorkSkipped()
                break
            }
            let implementing = backends.filter { $0.algorithms.contains(suite.aead) }
            guard !implementing.isEmpty else { continue }
            let suiteLabel = configuration.cipherSuites == [.default] ? "" : "suite \(suite.rawValue) "
            let label = "[\(index + 1)/\(groups.count)] \(suiteLabel)\(operation.rawValue) \(size) B"
            let payload = Array(payloadBytes.prefix(size))
            let suiteKey = keyBytes(key, count: suite.keyByteCount, seed: configuration.seed)
            var slots: [CaseSlot] = []
            for backend in implementing {
                let swift = try makeSwiftRunner(
                    backend, algorithm: suite.aead, key: suiteKey, payload: payload, aad: aad, operation: operation,
                    overhead: overhead)
                slots.append(CaseSlot(runner: swift))
                if configuration.includeReference,
                    let c = try makeReferenceRunner(
                        backend.info.name, algorithm: suite.aead, key: suiteKey, payload: payload, aad: aad, operation: operation)
                {
                    slots.append(CaseSlot(runner: c))
                }
            }
            if configuration.includeReference, suite.aead == .aes256GCM {
                // The floor: AES-256-GCM in AES-NI and PCLMULQDQ with nothing else, beside the
                // libraries (absent without those instructions; `floorUnavailableReason`).
                // It has no other suite.
                if let floor = try ReferenceFrameRunner(
                    backend: ReferenceFrameRunner.floorName, key: key, payload: payload, aad: aad, operation: operation)
                {
                    slots.append(CaseSlot(runner: floor))
                } else if index == 0, let reason = ReferenceFrameRunner.floorUnavailableReason {
                    progress("floor reference absent: \(reason)")
                }
            }
            try prepare(slots, configuration)
            progress(
                "\(label): batch \(slots.map { "\($0.runner.backend)/\($0.runner.implementation) \($0.batchSize)" }.joined(separator: ", ")); warming up"
            )
            let cost = try InterleavedGroup.warmUpAndMeasure(
                slots, warmupSeconds: configuration.warmupSeconds, length: configuration.length)

            var groupRecords = slots.map { slot in
                var record = makeRecord(slot, size: size, operation: operation, configuration: configuration)
                record.onCPUFraction = cost.onCPUFraction
                record.extra = .init(extra: [.involuntaryContextSwitches: Double(cost.involuntaryContextSwitches)])
                record.referenceRatioSamples = pairedReferenceRatios(slot, in: slots, parts: configuration.repetitions)
                record.threads = 1
                record.cipherSuite = Int(suite.rawValue)
                // The AAD stands for the SFrame header (``FramesSuiteConfiguration/aadBytes``).
                record.overheadBytesPerFrame = Double(configuration.aadBytes + suite.tagByteCount)
                return record
            }
            addReferenceRatios(&groupRecords)
            addFloorDistances(&groupRecords)
            progress(
                "\(label): "
                    + groupRecords.map { "\($0.backend)/\($0.implementation) \(NumberFormat.nanoseconds($0.nsPerFrame.p50)) ns" }.joined(
                        separator: ", "))
            records += groupRecords

            let threadCounts = configuration.scalingThreadCounts
            if configuration.scales(size: size), suite == configuration.cipherSuites[0] {
                progress("\(label): scaling on \(threadCounts.map(String.init).joined(separator: ", ")) threads")
                let calibrations = zip(implementing, slots.filter { $0.runner.implementation == .swift }).map {
                    FramesScaling.Calibration(backend: $0, batchSize: $1.batchSize, nanosecondsPerFrame: $1.calibratedNanosecondsPerFrame)
                }
                let scaling = try FramesScaling.measure(
                    calibrations, algorithm: suite.aead, threadCounts: threadCounts, size: size, operation: operation,
                    key: suiteKey, payload: payload,
                    aad: aad, overhead: overhead, configuration: configuration)
                progress(
                    "\(label): "
                        + scaling.map { r in
                            "\(r.backend) \(r.threads ?? 0) threads efficiency \(NumberFormat.nanoseconds(100 * (r.extra?[.efficiency] ?? 0)))%"
                        }.joined(separator: ", "))
                records += scaling
            }
        }
        return records
    }

    /// The key, AAD and payload (as long as the largest frame) of every case, all from the
    /// configuration's seed: the run's only key material.
    static func inputs(_ configuration: FramesSuiteConfiguration) -> (key: [UInt8], aad: [UInt8], payload: [UInt8]) {
        var random = SeededRandom(seed: configuration.seed)
        let key = random.bytes(AESGCM.keyByteCount)
        let aad = random.bytes(configuration.aadBytes)
        return (key, aad, random.bytes(configuration.frameSizes.max() ?? 0))
    }

    /// `count` key bytes: the run's 32-byte key, extended for the CTR+HMAC suites' longer
    /// keys (48 and 96 bytes: encryption key ‖ HMAC key) from the same seed.
    static func keyBytes(_ key: [UInt8], count: Int, seed: UInt64) -> [UInt8] {
        guard count > key.count else { return Array(key.prefix(count)) }
        var random = SeededRandom(seed: seed ^ 0x4B45_5945_5854)
        return key + random.bytes(count - key.count)
    }

    /// The C reference of `backend` under `algorithm`, or `nil` when it has none: each
    /// library's own for AES-256-GCM, the optional libraries' for AES-128-GCM too, OpenSSL's
    /// suite reference for its other SFrame suites' AEADs (``ReferenceFrameRunner``, through
    /// ``CReferenceLibrary``).
    static func makeReferenceRunner(
        _ backend: String, algorithm: AEADAlgorithm, key: [UInt8], payload: [UInt8], aad: [UInt8], operation: FrameOperation
    ) throws(SuiteError) -> (any FrameBatchRunner)? {
        try ReferenceFrameRunner(backend: backend, algorithm: algorithm, key: key, payload: payload, aad: aad, operation: operation)
    }

    /// Opens `backend` into a generic function, so the runner's per-frame loop is
    /// compiled for that context type.
    static func makeSwiftRunner(
        _ backend: AEADBackend, algorithm: AEADAlgorithm = .aes256GCM, key: [UInt8], payload: [UInt8], aad: [UInt8],
        operation: FrameOperation, overhead: SyntheticOverhead
    ) throws(SuiteError) -> any FrameBatchRunner {
        func make<Context: AEADContext & ~Copyable>(_: Context.Type) throws(SuiteError) -> any FrameBatchRunner {
            try SwiftFrameRunner<Context>(
                algorithm: algorithm, key: key, payload: payload, aad: aad, operation: operation, overhead: overhead)
        }
        return try make(backend)
    }

    /// Calibrates (or fixes) every slot's batch size on its backend's Swift case, the C
    /// case taking the Swift case's size.
    private static func prepare(_ slots: [CaseSlot], _ configuration: FramesSuiteConfiguration) throws(SuiteError) {
        for calibrating in slots where calibrating.runner.implementation == .swift {
            try BatchCalibration.calibrate(
                slots.filter { $0.runner.backend == calibrating.runner.backend }, on: calibrating,
                target: configuration.targetBatchNanoseconds, length: configuration.length, fixed: configuration.batchSize)
        }
        // A C case with no Swift case of its backend (the floor) calibrates on itself.
        for lone in slots where lone.runner.implementation == .c {
            guard !slots.contains(where: { $0.runner.implementation == .swift && $0.runner.backend == lone.runner.backend }) else {
                continue
            }
            try BatchCalibration.calibrate(
                [lone], on: lone, target: configuration.targetBatchNanoseconds, length: configuration.length,
                fixed: configuration.batchSize)
        }
    }

    private static func makeRecord(
        _ slot: CaseSlot, size: Int, operation: FrameOperation, configuration: FramesSuiteConfiguration
    ) -> MeasurementRecord {
        let perFrame = slot.nanosecondsPerFrame
        let mean = slot.frames > 0 ? Double(slot.measuredNanoseconds) / Double(slot.frames) : 0
        var record = MeasurementRecord(
            suite: .frames, implementation: slot.runner.implementation, backend: slot.runner.backend,
            frames: slot.frames, bytes: slot.frames * size, seconds: Double(slot.measuredNanoseconds) / 1e9,
            nsPerFrame: PercentileSummary(values: perFrame, mean: mean),
            samples: SampleStatistics.chunkMedians(perFrame, parts: configuration.repetitions),
            samplesKind: "repetitionMedianNsPerFrame")
        record.operation = operation.rawValue
        record.frameSize = size
        record.batchSize = slot.batchSize
        record.batches = slot.batches
        record.warmupFrames = slot.warmupFrames
        return record
    }

    /// Sets every other record's median ns/frame above the floor's in the same group
    /// (``ExtraKey/aboveFloorNsPerFrameP50``): the library's own cost over the bare AES and
    /// GHASH work, for C records, and that plus the Swift layers', for Swift records.
    static func addFloorDistances(_ records: inout [MeasurementRecord]) {
        guard let floor = records.first(where: { $0.backend == ReferenceFrameRunner.floorName }) else { return }
        for i in records.indices where records[i].backend != ReferenceFrameRunner.floorName {
            var extra = records[i].extra ?? [:]
            extra[.aboveFloorNsPerFrameP50] = records[i].nsPerFrame.p50 - floor.nsPerFrame.p50
            records[i].extra = extra
        }
    }

    /// Sets each Swift record's ratio of median ns/frame to its backend's C record.
    static func addReferenceRatios(_ records: inout [MeasurementRecord]) {
        for i in records.indices where records[i].implementationKind == .swift {
            if let c = records.first(where: {
                $0.implementationKind == .c && $0.backend == records[i].backend && $0.operation == records[i].operation
                    && $0.frameSize == records[i].frameSize && $0.cipherSuite == records[i].cipherSuite
            }), c.nsPerFrame.p50 > 0 {
                records[i].referenceRatio = records[i].nsPerFrame.p50 / c.nsPerFrame.p50
            }
        }
    }
}
