import FrameCrypto
import FrameVectors

/// The overhead suite, `framebench overhead`: why a frame costs more in an application
/// than the library's own loop suggests, layer by layer (``OverheadLayer``).
///
/// For each working set, frame size and operation (a *group*), every backend's layers are
/// set up — the C reference when the backend has one, the Swift backend call, a whole SFrame
/// seal or open with the receiver holding ``OverheadSuiteConfiguration/receiverKeys`` keys —
/// each on its own ring of one shared ``RingGeometry`` (``WorkingSet``: same footprint,
/// alignment, offsets and untimed refill for every layer), and
/// measured as the frames suite measures: batch size calibrated on the Swift-backend
/// case (the other layers of that backend use the same), warm-up, then every case of the
/// group interleaved batch by batch, so noise hits every layer alike and batches pair up
/// by round. The harness layer comes from a short meeting run with the crypto made no-ops.
/// Records: ``OverheadRecords``; reading them: `docs/overhead.md`.
package enum OverheadSuite {
    /// Runs every group (and the harness meeting) and returns the records. When `stop` is
    /// requested (Ctrl-C), the groups not yet started and the harness meeting are skipped and
    /// the skip is noted on `stop`; the groups already measured are returned.
    package static func run(
        _ configuration: OverheadSuiteConfiguration, stop: StopRequest? = nil, progress: (String) -> Void = { _ in }
    ) throws(SuiteError) -> [MeasurementRecord] {
        let selected = try configuration.resolvedBackends()
        var random = SeededRandom(seed: configuration.seed)
        let key = random.bytes(AESGCM.keyByteCount)
        let aad = random.bytes(OverheadSuiteConfiguration.headerBytes)
        let payloadBytes = random.bytes(configuration.frameSizes.max() ?? 0)
        let baseKey = SecretBytes(copying: key.span)
        let keyIDs = configuration.receiverKeyIDs

        var cases: [OverheadCase] = []
        var groupExtras: [(range: Range<Int>, onCPU: Double?, switches: Int, workingSet: WorkingSet, bytes: Int)] = []
        let caches = configuration.cacheSizes()
        let groups = configuration.workingSets.flatMap { set in
            configuration.frameSizes.flatMap { size in configuration.operations.map { (set, size, $0) } }
        }
        let rings = selected.reduce(0) { $0 + (RingReferenceRunner.backends.contains($1.name) ? 3 : 2) }
        for (index, (workingSet, size, operation)) in groups.enumerated() {
            if let stop, stop.isRequested {
                stop.noteWorkSkipped()
                break
            }
            let geometry = workingSet.geometry(
                frameSize: size, headerBytes: OverheadSuiteConfiguration.headerBytes, layers: rings, caches: caches)
            let footprint = workingSet.footprint(geometry, layers: rings)
            let label = "[\(index + 1)/\(groups.count)] \(workingSet.rawValue) \(operation.rawValue) \(size) B"
            let payload = Array(payloadBytes.prefix(size))
            progress(
                "\(label): setting up \(rings) rings of \(geometry.slots) × \(geometry.stride) B (\(footprint >> 10) KiB)"
                    + (operation == .open ? ", receivers with \(keyIDs.count) keys" : ""))
            let layers = try makeLayers(
                selected, key: key, baseKey: baseKey, payload: payload, header: aad, geometry: geometry, operation: operation,
                keyIDs: keyIDs)
            let layerSlots = layers.map { $0.mapValues { CaseSlot(runner: $0) } }
            let slots = layerSlots.flatMap { mine in [OverheadLayer.cLibrary, .swiftBackend, .sframe].compactMap { mine[$0] } }
            do {
                for mine in layerSlots {
                    try BatchCalibration.calibrate(
                        Array(mine.values), on: mine[.swiftBackend]!, target: configuration.targetBatchNanoseconds,
                        length: configuration.length)
                }
                progress(
                    "\(label): batch "
                        + selected.indices.map { "\(selected[$0].name) \(layerSlots[$0][.swiftBackend]!.batchSize)" }.joined(
                            separator: ", ") + "; warming up")
                let cost = try InterleavedGroup.warmUpAndMeasure(
                    slots, warmupSeconds: configuration.warmupSeconds, length: configuration.length)
                let first = cases.count
                for (choice, mine) in zip(selected, layerSlots) {
                    cases.append(
                        OverheadCase(
                            backend: choice.name, parent: choice.parent, operation: operation, frameSize: size,
                            layers: mine.mapValues { slot in
                                LayerLog(
                                    perFrame: slot.nanosecondsPerFrame, frames: slot.frames, nanoseconds: slot.measuredNanoseconds,
                                    batchSize: slot.batchSize, warmupFrames: slot.warmupFrames)
                            }))
                }
                groupExtras.append((first..<cases.count, cost.onCPUFraction, cost.involuntaryContextSwitches, workingSet, footprint))
            } catch {
                throw SuiteError(measuring: error)
            }
            progress(
                "\(label): "
                    + cases[groupExtras.last!.range].map { item in
                        "\(item.backend) "
                            + [OverheadLayer.cLibrary, .swiftBackend, .sframe].map { layer in
                                item.layers[layer].map { NumberFormat.nanoseconds(PercentileSummary(values: $0.perFrame).p50) } ?? "–"
                            }.joined(separator: "/") + " ns"
                    }.joined(separator: ", "))
        }

        var harness: HarnessLog?
        if configuration.measureHarness, let stop, stop.isRequested { stop.noteWorkSkipped() }
        if configuration.measureHarness, !(stop?.isRequested ?? false) {
            progress(
                "harness: a \(configuration.harnessParticipants)-participant meeting, \(NumberFormat.nanoseconds(configuration.harnessSeconds)) s of media, crypto made no-ops"
            )
            harness = try HarnessLayer.measure(
                participants: configuration.harnessParticipants, seconds: configuration.harnessSeconds, seed: configuration.seed)
        }
        var records: [MeasurementRecord] = []
        for group in groupExtras {
            var made = OverheadRecords.make(Array(cases[group.range]), harness: harness, repetitions: configuration.repetitions)
            for i in made.indices {
                made[i].workingSet = group.workingSet.rawValue
                made[i].workingSetBytes = group.bytes
            }
            for i in made.indices where made[i].overheadLayer != .harness {
                made[i].onCPUFraction = group.onCPU
                made[i].extra?[.involuntaryContextSwitches] = Double(group.switches)
                if made[i].frameOperation == .open, made[i].overheadLayer == .sframe {
                    made[i].extra?[.receiverKeys] = Double(keyIDs.count)
                }
            }
            records += made
        }
        return records
    }

    /// Every layer of every backend in `selected` for one group, each on its own ring of
    /// `geometry`: the C reference (when the backend has one), the Swift backend, SFrame.
    static func makeLayers(
        _ selected: [OverheadSuiteConfiguration.Selected], key: [UInt8], baseKey: borrowing SecretBytes, payload: [UInt8],
        header: [UInt8], geometry: RingGeometry, operation: FrameOperation, keyIDs: [UInt64]
    ) throws(SuiteError) -> [[OverheadLayer: any RingLayerRunner]] {
        var layers: [[OverheadLayer: any RingLayerRunner]] = []
        for choice in selected {
            var mine: [OverheadLayer: any RingLayerRunner] = [:]
            if let c = try RingReferenceRunner(
                backend: choice.name, key: key, payload: payload, header: header, geometry: geometry, operation: operation)
            {
                mine[.cLibrary] = c
            }
            let (swift, sframe) = try makeRunners(
                choice.backend, key: key, baseKey: baseKey, payload: payload, header: header, geometry: geometry, operation: operation,
                keyIDs: keyIDs)
            mine[.swiftBackend] = swift
            mine[.sframe] = sframe
            layers.append(mine)
        }
        return layers
    }

    /// Opens `backend` into a generic function: the Swift-backend and SFrame runners on rings
    /// of `geometry`, their loops compiled for that context type.
    private static func makeRunners(
        _ backend: AEADBackend, key: [UInt8], baseKey: borrowing SecretBytes, payload: [UInt8], header: [UInt8],
        geometry: RingGeometry, operation: FrameOperation, keyIDs: [UInt64]
    ) throws(SuiteError) -> (swift: any RingLayerRunner, sframe: any RingLayerRunner) {
        func make<Context: AEADContext & ~Copyable>(
            _: Context.Type, _ baseKey: borrowing SecretBytes
        ) throws(SuiteError) -> (any RingLayerRunner, any RingLayerRunner) {
            let swift = try RingBackendRunner<Context>(key: key, payload: payload, header: header, geometry: geometry, operation: operation)
            let kid = OverheadSuiteConfiguration.measuredKeyID
            switch operation {
            case .seal:
                return (
                    swift,
                    try RingSFrameSealRunner<Context>(keyID: kid, baseKey: baseKey, payload: payload, header: header, geometry: geometry)
                )
            case .open:
                return (
                    swift,
                    try RingSFrameOpenRunner<Context>(
                        keyID: kid, keyIDs: keyIDs, baseKey: baseKey, payload: payload, header: header, geometry: geometry)
                )
            }
        }
        do {
            return try make(backend, baseKey)
        } catch {
            throw SuiteError(measuring: error)
        }
    }
}
