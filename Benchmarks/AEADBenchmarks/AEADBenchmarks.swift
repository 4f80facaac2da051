// package-benchmark suite for the backend protocol itself: seal and open of one frame,
// each backend, each frame size. Run: swift package benchmark --target AEADBenchmarks
//
// Each sample is a loop of frames (the scaling factor), so per-frame numbers are not
// drowned by the harness's own per-sample cost.
//
// Thresholds (package-benchmark 1.38.1 semantics: a threshold is an allowed *deviation*
// from a reference, never a limit on its own):
//   - `mallocCountTotal`, absolute deviation 0. The reference values are the committed
//     `Benchmarks/Thresholds/<target>.<name>.p90.json` files, each `{"mallocCountTotal": 0}`,
//     so `swift package benchmark thresholds check --path Benchmarks/Thresholds` fails
//     when a frame allocates (scripts/check-benchmark-allocations.sh; run by .ci/run).
//     EXCEPTION, by design: `swift-crypto` allocates on every
//     frame, because swift-crypto's `AES.GCM` returns its results as new `Data`. Its files
//     record its real count instead of 0 (per frame: seal 9, open 5, at every size), so the
//     check holds it to exactly that count: one more allocation per frame fails as well.
//   - wall clock, throughput and MB/s, relative deviations for
//     `swift package benchmark baseline check BASE CANDIDATE` between two branches
//     (README, "Performance regression testing in CI"). They compare single percentiles
//     with no statistics, so they are wide: they catch gross slowdowns on a quiet machine.
//     The statistical gate for small ones is `framebench compare`.
import Benchmark
import FrameCrypto

/// The frame sizes measured: tiny, an Opus packet, a video slice near the MTU, and up to a
/// large keyframe.
let frameSizes = [16, 64, 100, 160, 1200, 4096, 16384, 65536, 262144]

let benchmarks: @Sendable () -> Void = {
    for backend in BackendRegistry.available {
        registerSealAndOpen(for: backend)
    }
}

/// Frames per sample: enough that a sample takes tens of microseconds or more.
func scaling(for size: Int) -> BenchmarkScalingFactor {
    size <= 4096 ? .kilo : .one
}

func configuration(for size: Int) -> Benchmark.Configuration {
    .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: scaling(for: size),
        maxDuration: .seconds(1),
        maxIterations: 100_000,
        thresholds: [
            .mallocCountTotal: .init(absolute: [.p0: 0, .p25: 0, .p50: 0, .p75: 0, .p90: 0, .p99: 0, .p100: 0]),
            .wallClock: timeThresholds,
            .throughput: timeThresholds,
            .custom("MB/s", polarity: .prefersLarger, useScalingFactor: false): timeThresholds,
        ])
}

/// Allowed slowdown between two baselines (`baseline check`): 10 % at the median and the
/// 25th percentile, 20 % at the 75th. Tighter than this flakes on a shared machine.
var timeThresholds: BenchmarkThresholds {
    .init(relative: [.p25: 10, .p50: 10, .p75: 20])
}

func registerSealAndOpen<Context: AEADContext & ~Copyable>(for backend: Context.Type) {
    let name = Context.info.name
    let key = [UInt8](repeating: 0x42, count: AESGCM.keyByteCount)
    let aad = [UInt8](repeating: 0x17, count: 8)

    for size in frameSizes {
        Benchmark("\(name) seal \(size) B", configuration: configuration(for: size)) { benchmark in
            var context = try Context(key: key.span)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
            defer { buffer.deallocate() }
            buffer.initializeMemory(as: UInt8.self, repeating: 0xA5)
            let tag = UnsafeMutableRawPointer.allocate(byteCount: AESGCM.tagByteCount, alignment: 16)
            defer { tag.deallocate() }
            var counter: UInt64 = 0
            try aad.withUnsafeBytes { aad in
                let clock = ContinuousClock()
                let start = clock.now
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    counter &+= 1
                    try context.seal(
                        nonce: Nonce(counter: counter), aad: aad, plaintext: UnsafeRawBufferPointer(buffer),
                        ciphertext: buffer, tag: tag)
                }
                benchmark.stopMeasurement()
                recordMegabytesPerSecond(benchmark, bytes: size * benchmark.scaledIterations.count, since: start, clock)
            }
            blackHole(buffer[0])
        }

        Benchmark("\(name) open \(size) B", configuration: configuration(for: size)) { benchmark in
            var context = try Context(key: key.span)
            let sealed = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
            defer { sealed.deallocate() }
            sealed.initializeMemory(as: UInt8.self, repeating: 0xA5)
            let opened = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
            defer { opened.deallocate() }
            let tag = UnsafeMutableRawPointer.allocate(byteCount: AESGCM.tagByteCount, alignment: 16)
            defer { tag.deallocate() }
            let nonce = Nonce(counter: 7)
            try aad.withUnsafeBytes { aad in
                try context.seal(nonce: nonce, aad: aad, plaintext: UnsafeRawBufferPointer(sealed), ciphertext: sealed, tag: tag)
                let clock = ContinuousClock()
                let start = clock.now
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    try context.open(
                        nonce: nonce, aad: aad, ciphertext: UnsafeRawBufferPointer(sealed), tag: tag, plaintext: opened)
                }
                benchmark.stopMeasurement()
                recordMegabytesPerSecond(benchmark, bytes: size * benchmark.scaledIterations.count, since: start, clock)
            }
            blackHole(opened[0])
        }
    }
}

/// Records this sample's payload rate in MB/s (10^6 bytes per second) as a custom metric.
func recordMegabytesPerSecond(_ benchmark: Benchmark, bytes: Int, since start: ContinuousClock.Instant, _ clock: ContinuousClock) {
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    guard seconds > 0 else { return }
    benchmark.measurement(.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false), Int(Double(bytes) / seconds / 1e6))
}
