public import FrameCrypto
import FrameVectors

/// What the key-count study measures: the per-frame cost of an SFrame open as the
/// receiver holds more live keys, with the frames spread over all of them.
public struct KeyCountConfiguration: Sendable, Equatable {
    /// Backends by name; empty means every available default backend.
    public var backends: [String] = []
    /// Live receive keys, one case each: from one sender up to 200 senders × 2 epochs.
    public var keyCounts: [Int] = [1, 2, 10, 50, 100, 200, 400]
    /// Frame sizes: an audio frame and a video packet, where per-key costs weigh most.
    public var frameSizes: [Int] = [100, 1200]
    /// Time (or frames) per case.
    public var length: RunLength = .seconds(0.3)
    /// Interleaved warm-up per frame size.
    public var warmupSeconds: Double = 0.1
    /// Batch duration to calibrate to (on the one-key case; every key count of a backend
    /// uses that batch size).
    public var targetBatchNanoseconds: UInt64 = 20_000
    /// Consecutive runs of batches whose medians are the samples.
    public var repetitions = 10
    /// Seed of keys, payload and the order of senders.
    public var seed: UInt64 = 1

    /// The defaults.
    public init() {}

    /// The most keys a case may hold.
    public static let maxKeyCount = 100_000

    /// Checks every value and resolves the backends.
    ///
    /// - Throws: ``OverheadSuiteError/invalidConfiguration(_:)`` or ``OverheadSuiteError/crypto(_:)``.
    public func resolvedBackends() throws(OverheadSuiteError) -> [AEADBackend] {
        func invalid(_ reason: String) -> OverheadSuiteError { .invalidConfiguration(reason) }
        guard !keyCounts.isEmpty else { throw invalid("no key counts given") }
        for n in keyCounts where !(1...Self.maxKeyCount).contains(n) {
            throw invalid("a key count must be 1 to \(Self.maxKeyCount), not \(n)")
        }
        guard Set(keyCounts).count == keyCounts.count else { throw invalid("a key count is listed twice") }
        if let reason = ConfigurationChecks.frameSizes(frameSizes, context: " for the key-count study") { throw invalid(reason) }
        if let reason = ConfigurationChecks.timing(
            length: length, warmupSeconds: warmupSeconds, targetBatchNanoseconds: targetBatchNanoseconds,
            repetitions: repetitions) { throw invalid(reason) }
        return try ConfigurationChecks.backends(backends, crypto: { .crypto($0) }, invalid: invalid)
    }

    /// The study's options as text, for ``RunConfiguration/extra``.
    public var extraDescription: [String: String] {
        var extra = [
            "keyCounts": keyCounts.map(String.init).joined(separator: ","),
            "keyFrameSizes": frameSizes.map(String.init).joined(separator: ","),
        ]
        switch length {
        case let .seconds(s): extra["keySecondsPerCase"] = String(s)
        case let .count(n): extra["keyFramesPerCase"] = String(n)
        }
        return extra
    }
}

/// The key-count study: per-frame SFrame open cost with 1 … 400 live receive keys.
///
/// Per frame size, one interleaved group holds every backend × key count
/// (``KeyCountOpenRunner``: frames from all the receiver's keys in random order), so
/// drift of the machine falls on all of them alike; a backend's key counts share the batch
/// size calibrated on its one-key case. Records: suite `keys`, operation `open`,
/// `keyCount`, and `extra.ratioToOneKey` (`…Low`, `…High`): each batch over the one-key
/// case's batch of the same round (when the one-key case is measured).
public enum KeyCountStudy {
    /// Runs the study and returns one record per backend, frame size and key count.
    public static func run(
        _ configuration: KeyCountConfiguration, progress: (String) -> Void = { _ in }
    ) throws(OverheadSuiteError) -> [MeasurementRecord] {
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
                    let mine = slots.filter { $0.backend == backend }
                    let (batch, perFrame, run) = try InterleavedGroup.calibrate(mine[0].slot.runner, target: configuration.targetBatchNanoseconds)
                    mine[0].slot.warmupFrames += run
                    var batchSize = batch
                    if case let .count(n) = configuration.length { batchSize = max(batchSize, (n + (1 << 24) - 1) >> 24) }
                    for item in mine { (item.slot.batchSize, item.slot.calibratedNanosecondsPerFrame) = (batchSize, perFrame) }
                }
                let all = slots.map(\.slot)
                progress("\(label): warming up")
                try InterleavedGroup.warmUp(all, seconds: configuration.warmupSeconds)
                for slot in all { slot.allocateLog(capacity: InterleavedGroup.logCapacity(for: slot, length: configuration.length)) }
                let wallStart = Clocks.monotonicNanoseconds()
                let cpuStart = Clocks.threadCPUNanoseconds()
                try InterleavedGroup.measure(all, length: configuration.length)
                let cpu = Double(Clocks.threadCPUNanoseconds() &- cpuStart)
                let wall = Double(Clocks.monotonicNanoseconds() &- wallStart)
                let logs = slots.map { item in
                    KeyCountLog(
                        backend: item.backend, keys: item.keys,
                        log: LayerLog(perFrame: item.slot.nanosecondsPerFrame, frames: item.slot.frames,
                                      nanoseconds: item.slot.measuredNanoseconds, batchSize: item.slot.batchSize,
                                      warmupFrames: item.slot.warmupFrames))
                }
                var made = makeRecords(logs, frameSize: size, repetitions: configuration.repetitions)
                for i in made.indices { made[i].onCPUFraction = wall > 0 ? min(cpu / wall, 1) : nil }
                progress("\(label): " + made.map { "\($0.backend)/\($0.keyCount ?? 0) \(FramesSuite.format($0.nsPerFrame.p50))" }.joined(separator: ", ") + " ns")
                records += made
            } catch {
                throw OverheadSuiteError(error)
            }
        }
        return records
    }

    /// One case's timed batches.
    public struct KeyCountLog: Sendable, Equatable {
        public var backend: String
        public var keys: Int
        public var log: LayerLog

        public init(backend: String, keys: Int, log: LayerLog) {
            self.backend = backend
            self.keys = keys
            self.log = log
        }
    }

    /// The records of one frame size's cases, each with its paired ratio to the same
    /// backend's one-key case.
    public static func makeRecords(_ logs: [KeyCountLog], frameSize: Int, repetitions: Int) -> [MeasurementRecord] {
        logs.map { item in
            let mean = item.log.frames > 0 ? Double(item.log.nanoseconds) / Double(item.log.frames) : 0
            var record = MeasurementRecord(
                suite: "keys", implementation: "swift", backend: item.backend, frames: item.log.frames,
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
                record.extra = ["ratioToOneKey": ratio.median, "ratioToOneKeyLow": ratio.low, "ratioToOneKeyHigh": ratio.high]
            }
            return record
        }
    }

    private static func makeRunner(
        _ backend: AEADBackend, keys: Int, baseKey: borrowing SecretBytes, payload: [UInt8], seed: UInt64
    ) throws(OverheadSuiteError) -> any FrameBatchRunner {
        func make<Context: AEADContext & ~Copyable>(_: Context.Type, _ baseKey: borrowing SecretBytes) throws(FramesSuiteError) -> any FrameBatchRunner {
            try KeyCountOpenRunner<Context>(keys: keys, baseKey: baseKey, payload: payload, seed: seed)
        }
        do {
            return try make(backend, baseKey)
        } catch {
            throw OverheadSuiteError(error)
        }
    }

    /// The study's results as a terminal table: per frame size and backend, ns/frame p50
    /// and p99 at each key count and the paired ratio to one key.
    public static func table(_ records: [MeasurementRecord]) -> String {
        let study = records.filter { $0.suite == "keys" && $0.keyCount != nil }
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
                        String(size), backend, String(r.keyCount!), FramesSuite.format(r.nsPerFrame.p50), FramesSuite.format(r.nsPerFrame.p99),
                        e["ratioToOneKey"].map { MeetingReport.fixed($0, 3) } ?? "–",
                        e["ratioToOneKeyLow"].flatMap { low in e["ratioToOneKeyHigh"].map { "\(MeetingReport.fixed(low, 3)) … \(MeetingReport.fixed($0, 3))" } } ?? "",
                    ])
                }
            }
        }
        return table.render()
    }
}
