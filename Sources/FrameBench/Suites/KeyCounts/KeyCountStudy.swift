import FrameCrypto
import FrameVectors

/// The key-count study: per-frame SFrame open cost with 1 … 400 live receive keys.
///
/// Per frame size, one interleaved group holds every backend × key count
/// (``KeyCountOpenRunner``: frames from all the receiver's keys in random order), so
/// drift of the machine falls on all of them alike; a backend's key counts share the batch
/// size calibrated on its one-key case. Records: suite `keys`, operation `open`,
/// `keyCount`, and `extra.ratioToOneKey` (`…Low`, `…High`): each batch over the one-key
/// case's batch of the same round (when the one-key case is measured).
package enum KeyCountStudy {
    /// Runs the study and returns one record per backend, frame size and key count.
    package static func run(
        _ configuration: KeyCountConfiguration, progress: (String) -> Void = { _ in }
    ) throws(SuiteError) -> [MeasurementRecord] {
        let backends = try configuration.resolvedBackends()
        var random = SeededRandom(seed: configuration.seed)
        let keyBytes = random.bytes(32)
        let baseKey = SecretBytes(copying: keyBytes.span)
        let payloadBytes = random.bytes(configuration.frameSizes.max() ?? 0)
        let counts = configuration.keyCounts.sorted()
        var records: [MeasurementRecord] = []
        for (index, size) in configuration.frameSizes.enumerated() {
            let label = "keys [\(index + 1)/\(configuration.frameSizes.count)] open \(size) B"
            progress("\(label): keying \(backends.count) × \(counts.map(String.init).joined(separator: ",")) keys")
            let payload = Array(payloadBytes.prefix(size))
            var slots: [(backend: String, keys: Int, slot: CaseSlot)] = []
            for backend in backends {
                for n in counts {
                    let runner = try makeRunner(backend, keys: n, baseKey: baseKey, payload: payload, seed: configuration.seed)
                    slots.append((backend.info.name, n, CaseSlot(runner: runner)))
                }
            }
            do {
                for backend in backends.map({ $0.info.name }) {
                    let mine = slots.filter { $0.backend == backend }.map(\.slot)
                    try BatchCalibration.calibrate(
                        mine, on: mine[0], target: configuration.targetBatchNanoseconds, length: configuration.length)
                }
                progress("\(label): warming up")
                let cost = try InterleavedGroup.warmUpAndMeasure(
                    slots.map(\.slot), warmupSeconds: configuration.warmupSeconds, length: configuration.length)
                let logs = slots.map { item in
                    KeyCountLog(
                        backend: item.backend, keys: item.keys,
                        log: LayerLog(
                            perFrame: item.slot.nanosecondsPerFrame, frames: item.slot.frames,
                            nanoseconds: item.slot.measuredNanoseconds, batchSize: item.slot.batchSize,
                            warmupFrames: item.slot.warmupFrames))
                }
                var made = makeRecords(logs, frameSize: size, repetitions: configuration.repetitions)
                for i in made.indices { made[i].onCPUFraction = cost.onCPUFraction }
                progress(
                    "\(label): "
                        + made.map { "\($0.backend)/\($0.keyCount ?? 0) \(NumberFormat.nanoseconds($0.nsPerFrame.p50))" }.joined(
                            separator: ", ") + " ns")
                records += made
            } catch {
                throw SuiteError(measuring: error)
            }
        }
        return records
    }

    /// One case's timed batches.
    package struct KeyCountLog: Sendable, Equatable {
        package var backend: String
        package var keys: Int
        package var log: LayerLog

        package init(backend: String, keys: Int, log: LayerLog) {
            self.backend = backend
            self.keys = keys
            self.log = log
        }
    }

    /// The records of one frame size's cases, each with its paired ratio to the same
    /// backend's one-key case.
    package static func makeRecords(_ logs: [KeyCountLog], frameSize: Int, repetitions: Int) -> [MeasurementRecord] {
        logs.map { item in
            let mean = item.log.frames > 0 ? Double(item.log.nanoseconds) / Double(item.log.frames) : 0
            var record = MeasurementRecord(
                suite: .keys, implementation: .swift, backend: item.backend, frames: item.log.frames,
                bytes: item.log.frames * frameSize, seconds: Double(item.log.nanoseconds) / 1e9,
                nsPerFrame: PercentileSummary(values: item.log.perFrame, mean: mean),
                samples: SampleStatistics.chunkMedians(item.log.perFrame, parts: repetitions), samplesKind: "repetitionMedianNsPerFrame")
            record.operation = FrameOperation.open.rawValue
            record.frameSize = frameSize
            record.keyCount = item.keys
            record.batchSize = item.log.batchSize
            record.batches = item.log.perFrame.count
            record.warmupFrames = item.log.warmupFrames
            if let one = logs.first(where: { $0.backend == item.backend && $0.keys == 1 }),
                let ratio = OverheadAnalysis.ratio(item.log.perFrame, to: one.log.perFrame, parts: repetitions)
            {
                record.extra = .init(extra: [.ratioToOneKey: ratio.median, .ratioToOneKeyLow: ratio.low, .ratioToOneKeyHigh: ratio.high])
            }
            return record
        }
    }

    private static func makeRunner(
        _ backend: AEADBackend, keys: Int, baseKey: borrowing SecretBytes, payload: [UInt8], seed: UInt64
    ) throws(SuiteError) -> any FrameBatchRunner {
        func make<Context: AEADContext & ~Copyable>(
            _: Context.Type, _ baseKey: borrowing SecretBytes
        ) throws(SuiteError) -> any FrameBatchRunner {
            try KeyCountOpenRunner<Context>(keys: keys, baseKey: baseKey, payload: payload, seed: seed)
        }
        do {
            return try make(backend, baseKey)
        } catch {
            throw SuiteError(measuring: error)
        }
    }

    /// The study's results as a terminal table: per frame size and backend, ns/frame p50
    /// and p99 at each key count and the paired ratio to one key.
    package static func table(_ records: [MeasurementRecord]) -> String {
        let study = records.filter { $0.suiteName == .keys && $0.keyCount != nil }
        guard !study.isEmpty else { return "" }
        var table = TextTable(
            headers: ["size", "backend", "keys", "p50 ns", "p99 ns", "× 1 key", "95% interval"],
            alignments: [.right, .left, .right, .right, .right, .right, .right])
        var backends: [String] = []
        for r in study where !backends.contains(r.backend) { backends.append(r.backend) }
        for size in Set(study.compactMap(\.frameSize)).sorted() {
            for backend in backends {
                for r in study.filter({ $0.frameSize == size && $0.backend == backend }).sorted(by: { $0.keyCount! < $1.keyCount! }) {
                    let e = r.extra ?? [:]
                    table.add([
                        String(size), backend, String(r.keyCount!), NumberFormat.nanoseconds(r.nsPerFrame.p50),
                        NumberFormat.nanoseconds(r.nsPerFrame.p99),
                        e[.ratioToOneKey].map { NumberFormat.fixed($0, 3) } ?? "–",
                        e[.ratioToOneKeyLow].flatMap { low in
                            e[.ratioToOneKeyHigh].map { "\(NumberFormat.fixed(low, 3)) … \(NumberFormat.fixed($0, 3))" }
                        } ?? "",
                    ])
                }
            }
        }
        return table.render()
    }
}
