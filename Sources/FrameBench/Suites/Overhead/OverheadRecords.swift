/// One backend's layers for one frame size and operation, measured in one interleaved
/// group.
package struct OverheadCase: Sendable, Equatable {
    package var backend: String
    /// For a variant, the default backend it is compared with (measured in the same group).
    package var parent: String?
    package var operation: FrameOperation
    package var frameSize: Int
    /// The measured layers: `c-library` (when the backend has a C reference),
    /// `swift-backend` and `sframe`.
    package var layers: [OverheadLayer: LayerLog]

    package init(backend: String, parent: String? = nil, operation: FrameOperation, frameSize: Int, layers: [OverheadLayer: LayerLog]) {
        self.backend = backend
        self.parent = parent
        self.operation = operation
        self.frameSize = frameSize
        self.layers = layers
    }
}

/// The harness layer: a meeting run's harness batches (seal phases and open phases) with
/// the crypto calls made no-ops, in ns per frame.
package struct HarnessLog: Sendable, Equatable {
    package var seal: [Double]
    package var open: [Double]
    /// Participants of the meeting it came from.
    package var participants: Int

    package init(seal: [Double], open: [Double], participants: Int) {
        self.seal = seal
        self.open = open
        self.participants = participants
    }
}

/// Turns measured layers into results records (`docs/overhead.md`): one per backend,
/// frame size, operation and layer, with
/// - `nsPerFrame`: percentiles of the layer's own batches, *cumulative* — a frame through
///   this layer and every layer below (the harness record: the harness's work alone);
/// - `extra.addedNsPerFrame` (`…Low`, `…High`): what the layer adds over the measured
///   layer below it, the median of paired batch differences with its interval; for the
///   lowest measured layer its whole cost; for the harness its own cost;
/// - `extra.addedFraction`: that over the layer below's median;
/// - `extra.cumulativeNsPerFrame`: the exact median of a frame through this layer and all
///   below (for the harness: the SFrame layer's plus the harness's); `nsPerFrame.p50` is the
///   same to HdrHistogram's three digits;
/// - for a variant, `extra.ratioToWarm` (`…Low`, `…High`): its batches over its warm
///   parent's of the same layer and round.
package enum OverheadRecords {
    package static func make(_ cases: [OverheadCase], harness: HarnessLog?, repetitions: Int) -> [MeasurementRecord] {
        var records: [MeasurementRecord] = []
        for item in cases {
            let parent = item.parent.flatMap { name in
                cases.first { $0.backend == name && $0.operation == item.operation && $0.frameSize == item.frameSize }
            }
            var below: (layer: OverheadLayer, log: LayerLog)?
            let reference = item.layers[.cLibrary]
            for layer in [OverheadLayer.cLibrary, .swiftBackend, .sframe] {
                guard let log = item.layers[layer] else { continue }
                var record = base(item, layer: layer, log: log, repetitions: repetitions)
                var extra: [String: Double] = .init(extra: [.cumulativeNsPerFrame: SampleStatistics.median(log.perFrame)])
                if let below, let added = OverheadAnalysis.added(log.perFrame, over: below.log.perFrame, parts: repetitions) {
                    put(added, .addedNsPerFrame, .addedNsPerFrameLow, .addedNsPerFrameHigh, into: &extra)
                    let lower = SampleStatistics.median(below.log.perFrame)
                    if lower > 0 { extra[.addedFraction] = added.median / lower }
                } else if let own = OverheadAnalysis.estimate(log.perFrame, parts: repetitions) {
                    put(own, .addedNsPerFrame, .addedNsPerFrameLow, .addedNsPerFrameHigh, into: &extra)
                }
                if layer != .cLibrary, let reference {
                    let c = PercentileSummary(values: reference.perFrame).p50
                    if c > 0 { record.referenceRatio = record.nsPerFrame.p50 / c }
                    record.referenceRatioSamples = OverheadAnalysis.ratio(log.perFrame, to: reference.perFrame, parts: repetitions)?.samples
                }
                if let warm = parent?.layers[layer], let ratio = OverheadAnalysis.ratio(log.perFrame, to: warm.perFrame, parts: repetitions)
                {
                    put(ratio, .ratioToWarm, .ratioToWarmLow, .ratioToWarmHigh, into: &extra)
                }
                record.extra = extra
                records.append(record)
                below = (layer, log)
            }
            if let harness, let sframe = records.last(where: { $0.backend == item.backend && $0.overheadLayer == .sframe }),
                sframe.frameOperation == item.operation, sframe.frameSize == item.frameSize
            {
                let values = item.operation == .seal ? harness.seal : harness.open
                if let own = OverheadAnalysis.estimate(values, parts: repetitions) {
                    var record = MeasurementRecord(
                        suite: .overhead, implementation: .swift, backend: item.backend, frames: 0, bytes: 0, seconds: 0,
                        nsPerFrame: PercentileSummary(values: values), samples: own.samples, samplesKind: "harnessPhaseMedianNsPerFrame")
                    record.operation = item.operation.rawValue
                    record.frameSize = item.frameSize
                    record.layer = OverheadLayer.harness.rawValue
                    record.batches = values.count
                    let underneath = sframe.extra?[.cumulativeNsPerFrame] ?? sframe.nsPerFrame.p50
                    var extra: [String: Double] = .init(extra: [
                        .cumulativeNsPerFrame: underneath + own.median,
                        .meetingParticipants: Double(harness.participants),
                    ])
                    put(own, .addedNsPerFrame, .addedNsPerFrameLow, .addedNsPerFrameHigh, into: &extra)
                    if underneath > 0 { extra[.addedFraction] = own.median / underneath }
                    record.extra = extra
                    records.append(record)
                }
            }
        }
        return records
    }

    private static func base(_ item: OverheadCase, layer: OverheadLayer, log: LayerLog, repetitions: Int) -> MeasurementRecord {
        let mean = log.frames > 0 ? Double(log.nanoseconds) / Double(log.frames) : 0
        var record = MeasurementRecord(
            suite: .overhead, implementation: layer == .cLibrary ? .c : .swift, backend: item.backend,
            frames: log.frames, bytes: log.frames * item.frameSize, seconds: Double(log.nanoseconds) / 1e9,
            nsPerFrame: PercentileSummary(values: log.perFrame, mean: mean),
            samples: SampleStatistics.chunkMedians(log.perFrame, parts: repetitions), samplesKind: "repetitionMedianNsPerFrame")
        record.operation = item.operation.rawValue
        record.frameSize = item.frameSize
        record.layer = layer.rawValue
        record.batchSize = log.batchSize
        record.batches = log.perFrame.count
        record.warmupFrames = log.warmupFrames
        return record
    }

    private static func put(
        _ estimate: OverheadAnalysis.Estimate, _ median: ExtraKey, _ low: ExtraKey, _ high: ExtraKey,
        into extra: inout [String: Double]
    ) {
        extra[median] = estimate.median
        extra[low] = estimate.low
        extra[high] = estimate.high
    }
}
