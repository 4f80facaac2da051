package import FrameCrypto
import FrameVectors

/// Runs exactly one case's per-frame loop for a fixed number of frames, in batches of a
/// fixed size: no calibration, no warm-up, no statistics, no results file. It is the
/// workload `scripts/instructions.sh` counts under callgrind, which collects only inside
/// the loop functions (`FrameLoops.seal/open`, `SFrameLoops.seal/open`); everything the
/// probe does outside them (start-up, keys, the ring refill before each SFrame open batch)
/// is not counted.
///
/// The loops and runners are the measuring suites' own (``SwiftFrameRunner`` for the
/// backend layer, ``SFrameSealRunner`` and ``SFrameOpenRunner`` with the overhead suite's
/// receiver keys for the SFrame layer), so what is counted is what `frames` and `overhead`
/// time. With the same binary and the same arguments the count is the same on every run:
/// keys and payload come from a fixed seed.
///
/// With a ``WorkingSet``, the probe runs the overhead suite's ring runners instead
/// (``RingReferenceRunner``, ``RingBackendRunner``, ``RingSFrameSealRunner``,
/// ``RingSFrameOpenRunner``; loops `fbr_*_ring`, `FrameLoops.sealRing/openRing`,
/// `SFrameLoops.sealRing/open`), on one ring that alone spans the working set (the suite's
/// group of rings does together), so `scripts/cache-profile.py --working-set` sees the
/// memory the suite's layers see. The instruction gate runs without one.
package enum InstructionProbe {
    /// The layer a probe runs.
    package enum Layer: String, CaseIterable, Sendable {
        /// The C reference's loop over the same library calls (`CFrameReference`), as the
        /// frames suite's C case and the overhead suite's C-library layer. Only for backends
        /// with a C reference (openssl, sodium).
        case cLibrary = "c-library"
        /// The backend's AEAD call (`FrameLoops`), as the frames suite's Swift case.
        case aead
        /// A whole SFrame seal or open (`SFrameLoops`), as the overhead suite's SFrame layer.
        case sframe
    }

    /// What went wrong setting up or running a probe.
    package enum Failure: Error, CustomStringConvertible {
        /// Frames or batch size out of range.
        case invalid(String)
        /// The case failed to set up or a frame failed.
        case suite(SuiteError)

        package var description: String {
            switch self {
            case .invalid(let message): message
            case .suite(let error): "\(error)"
            }
        }
    }

    /// Runs `frames` frames of `operation` on `size`-byte frames through `layer` of
    /// `backend`, `batchSize` frames per call of the loop (the last call may be shorter).
    /// `overhead` is applied once per frame inside the loop; pass ``SyntheticOverhead/init(steps:)``
    /// to inject a known number of instructions (the gate's self-test), `none` otherwise.
    package static func run(
        backend: AEADBackend, layer: Layer, operation: FrameOperation, size: Int, frames: Int, batchSize: Int,
        overhead: SyntheticOverhead = .none, workingSet: WorkingSet? = nil
    ) throws(Failure) {
        if workingSet != nil, !overhead.isNone { throw .invalid("a synthetic overhead needs the plain runners (no working set)") }
        guard (0...(1 << 24)).contains(size) else { throw .invalid("frame size must be 0 to 16777216 bytes, not \(size)") }
        guard frames >= 0 else { throw .invalid("frames must not be negative, not \(frames)") }
        guard (1...4096).contains(batchSize) else { throw .invalid("batch size must be 1 to 4096, not \(batchSize)") }
        var random = SeededRandom(seed: 1)
        let key = random.bytes(AESGCM.keyByteCount)
        let aad = random.bytes(OverheadSuiteConfiguration.headerBytes)
        let payload = random.bytes(size)
        let baseKey = SecretBytes(copying: key.span)
        let runner: any FrameBatchRunner
        do {
            if let workingSet {
                let geometry = workingSet.geometry(
                    frameSize: size, headerBytes: aad.count, layers: 1, caches: CacheSizes.read())
                runner = try makeRingRunner(
                    backend, layer: layer, operation: operation, key: key, baseKey: baseKey, payload: payload, header: aad,
                    geometry: geometry)
            } else {
                runner = try makeRunner(
                    backend, layer: layer, operation: operation, key: key, baseKey: baseKey, payload: payload, aad: aad,
                    overhead: overhead)
            }
            var remaining = frames
            while remaining > 0 {
                let batch = min(remaining, batchSize)
                _ = try runner.runBatch(frames: batch)
                remaining -= batch
            }
        } catch {
            throw .suite(error)
        }
    }

    /// Opens `backend` into a generic function, so the runner's loops are the ones
    /// specialised for its context type, as in the suites.
    private static func makeRunner(
        _ backend: AEADBackend, layer: Layer, operation: FrameOperation, key: [UInt8], baseKey: borrowing SecretBytes,
        payload: [UInt8], aad: [UInt8], overhead: SyntheticOverhead
    ) throws(SuiteError) -> any FrameBatchRunner {
        func make<Context: AEADContext & ~Copyable>(
            _: Context.Type, _ baseKey: borrowing SecretBytes
        ) throws(SuiteError) -> any FrameBatchRunner {
            let kid = OverheadSuiteConfiguration.measuredKeyID
            switch (layer, operation) {
            case (.cLibrary, _):
                guard
                    let reference = try ReferenceFrameRunner(
                        backend: Context.info.name, key: key, payload: payload, aad: aad, operation: operation)
                else {
                    throw .invalidConfiguration("\(Context.info.name) has no C reference (layer c-library)")
                }
                return reference
            case (.aead, _):
                return try SwiftFrameRunner<Context>(key: key, payload: payload, aad: aad, operation: operation, overhead: overhead)
            case (.sframe, .seal):
                return try SFrameSealRunner<Context>(keyID: kid, baseKey: baseKey, payload: payload, overhead: overhead)
            case (.sframe, .open):
                return try SFrameOpenRunner<Context>(
                    keyID: kid, keyIDs: OverheadSuiteConfiguration().receiverKeyIDs, baseKey: baseKey, payload: payload,
                    overhead: overhead)
            }
        }
        return try make(backend, baseKey)
    }

    /// The overhead suite's ring runner for `layer`, its loops specialised for `backend`'s
    /// context type.
    private static func makeRingRunner(
        _ backend: AEADBackend, layer: Layer, operation: FrameOperation, key: [UInt8], baseKey: borrowing SecretBytes,
        payload: [UInt8], header: [UInt8], geometry: RingGeometry
    ) throws(SuiteError) -> any FrameBatchRunner {
        func make<Context: AEADContext & ~Copyable>(
            _: Context.Type, _ baseKey: borrowing SecretBytes
        ) throws(SuiteError) -> any FrameBatchRunner {
            let kid = OverheadSuiteConfiguration.measuredKeyID
            switch (layer, operation) {
            case (.cLibrary, _):
                guard
                    let reference = try RingReferenceRunner(
                        backend: Context.info.name, key: key, payload: payload, header: header, geometry: geometry, operation: operation)
                else {
                    throw .invalidConfiguration("\(Context.info.name) has no C reference (layer c-library)")
                }
                return reference
            case (.aead, _):
                return try RingBackendRunner<Context>(key: key, payload: payload, header: header, geometry: geometry, operation: operation)
            case (.sframe, .seal):
                return try RingSFrameSealRunner<Context>(keyID: kid, baseKey: baseKey, payload: payload, header: header, geometry: geometry)
            case (.sframe, .open):
                return try RingSFrameOpenRunner<Context>(
                    keyID: kid, keyIDs: OverheadSuiteConfiguration().receiverKeyIDs, baseKey: baseKey, payload: payload, header: header,
                    geometry: geometry)
            }
        }
        return try make(backend, baseKey)
    }
}
