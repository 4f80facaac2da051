import FrameCrypto
import Synchronization

/// The frames suite's multi-core scaling measurement of one group (frame size and
/// operation): every backend's Swift case on 1 and on N threads, each thread with its own
/// keyed context and buffers, to show what running several streams at once costs —
/// contention inside a library (locks, shared reference counts, cache-line sharing)
/// shows as an efficiency below 1.
///
/// A *cell* is one backend at one thread count. Worker threads (``WorkerThreads``, thread
/// `k` pinned to the `k`-th CPU the process may use) are made once per group and run the
/// cells in slices: per slice, every cell in turn, the first cell rotating each slice (as
/// the interleaved single-thread groups do), so drift falls on every cell alike and each
/// N-thread cell is measured side by side with its 1-thread cell. Before each cell's slice
/// all threads meet at a ``SpinBarrier``; threads `0..<n` then run the same number of
/// batches of the same case, start-aligned, while the others wait at the next barrier.
///
/// An N-thread cell thus does exactly N times the frames of its 1-thread cell. Its
/// throughput is the frames of all its threads over the sum of its slices' wall times (the
/// earliest thread's start to the latest thread's end); speed-up is that over the 1-thread
/// cell's, and efficiency the speed-up over N. Between a slice's barrier and its end
/// nothing allocates or locks apart from what the backend itself does.
enum FramesScaling {
    /// What a group's scaling measurement needs from the single-threaded group: per Swift
    /// backend, its calibrated batch size and per-frame estimate.
    struct Calibration {
        var backend: AEADBackend
        var batchSize: Int
        var nanosecondsPerFrame: Double
    }

    /// Measures every backend at every count of `threadCounts` (1 first) and returns one
    /// record per backend and count above 1, with the speed-up over the 1-thread cell.
    static func measure(
        _ calibrations: [Calibration], algorithm: AEADAlgorithm = .aes256GCM, threadCounts: [Int], size: Int,
        operation: FrameOperation,
        key: [UInt8], payload: [UInt8], aad: [UInt8], overhead: SyntheticOverhead,
        configuration: FramesSuiteConfiguration
    ) throws(SuiteError) -> [MeasurementRecord] {
        precondition(threadCounts.first == 1 && threadCounts.count > 1, "scaling needs 1 and more threads")
        let plan = SlicePlan(calibrations: calibrations, length: configuration.length, repetitions: configuration.repetitions)
        let cells = calibrations.indices.flatMap { b in threadCounts.map { Cell(backend: b, threads: $0) } }
        let maxThreads = threadCounts.max()!
        var lanes: [ScalingLane] = []
        for _ in 0..<maxThreads {
            var runners: [any FrameBatchRunner] = []
            for calibration in calibrations {
                runners.append(
                    try FramesSuite.makeSwiftRunner(
                        calibration.backend, algorithm: algorithm, key: key, payload: payload, aad: aad, operation: operation,
                        overhead: overhead))
            }
            lanes.append(ScalingLane(runners: runners, cells: cells, plan: plan))
        }
        let run = ScalingRun(lanes: lanes, cells: cells, plan: plan)
        let usageStart = Clocks.processUsage()
        WorkerThreads.run(count: maxThreads) { k in run.work(thread: k) }
        let usage = Clocks.processUsage().since(usageStart)
        if let error = lanes.lazy.compactMap(\.error).first { throw error }

        var records: [MeasurementRecord] = []
        for (index, cell) in cells.enumerated() where cell.threads > 1 {
            let single = cells.firstIndex { $0.backend == cell.backend && $0.threads == 1 }!
            let base = summary(cell: single, lanes: lanes, threads: 1, slices: plan.slices)
            let this = summary(cell: index, lanes: lanes, threads: cell.threads, slices: plan.slices)
            var record = MeasurementRecord(
                suite: .frames, implementation: .swift, backend: lanes[0].runners[cell.backend].backend,
                frames: this.frames, bytes: this.frames * size, seconds: Double(this.wallNanoseconds) / 1e9,
                nsPerFrame: PercentileSummary(values: this.perFrame, mean: this.meanNanoseconds),
                samples: this.sliceMedians, samplesKind: "repetitionMedianNsPerFrame")
            record.operation = operation.rawValue
            record.frameSize = size
            record.threads = cell.threads
            record.batchSize = plan.batchSize[cell.backend]
            record.batches = this.batches
            record.warmupFrames = ScalingLane.warmupBatches * plan.batchSize[cell.backend] * cell.threads
            record.onCPUFraction =
                this.wallNanoseconds > 0
                ? min(Double(this.cpuNanoseconds) / (Double(cell.threads) * Double(this.wallNanoseconds)), 1) : nil
            let speedup = base.framesPerSecond > 0 ? this.framesPerSecond / base.framesPerSecond : 0
            let singleP50 = PercentileSummary(values: base.perFrame, mean: base.meanNanoseconds).p50
            record.extra = .init(extra: [
                .speedup: speedup,
                .efficiency: speedup / Double(cell.threads),
                .singleThreadFrames: Double(base.frames),
                .singleThreadFramesPerSecond: base.framesPerSecond,
                .singleThreadNsPerFrameP50: singleP50,
                // Per-thread cost while running, N threads over 1: blind to how much CPU the
                // machine gave the threads, so contention shows here even on a busy host.
                .perThreadSlowdownP50: singleP50 > 0 ? record.nsPerFrame.p50 / singleP50 : 0,
                .singleThreadNsPerFrameP99: PercentileSummary(values: base.perFrame, mean: base.meanNanoseconds).p99,
                .involuntaryContextSwitches: Double(usage.involuntaryContextSwitches),
            ])
            records.append(record)
        }
        return records
    }

    /// A cell's totals over its threads.
    struct CellSummary {
        var frames = 0
        var batches = 0
        var wallNanoseconds: UInt64 = 0
        var busyNanoseconds: UInt64 = 0
        var cpuNanoseconds: UInt64 = 0
        var perFrame: [Double] = []
        var sliceMedians: [Double] = []

        var framesPerSecond: Double { wallNanoseconds > 0 ? Double(frames) / (Double(wallNanoseconds) / 1e9) : 0 }
        var meanNanoseconds: Double { frames > 0 ? Double(busyNanoseconds) / Double(frames) : 0 }
    }

    /// Sums cell `index` over its `threads` lanes: per slice, wall time from the earliest
    /// start to the latest end.
    static func summary(cell index: Int, lanes: [ScalingLane], threads: Int, slices: Int) -> CellSummary {
        var result = CellSummary()
        let logs = lanes.prefix(threads).map { $0.logs[index] }
        for log in logs {
            result.frames += log.frames
            result.batches += log.batches
            result.cpuNanoseconds += log.cpuNanoseconds
            result.busyNanoseconds += (0..<log.batches).reduce(0) { $0 + log.batchNanoseconds[$1] }
            result.perFrame += log.nanosecondsPerFrame()
        }
        for slice in 0..<slices {
            let start = logs.map { $0.sliceStart[slice] }.min() ?? 0
            let end = logs.map { $0.sliceEnd[slice] }.max() ?? 0
            result.wallNanoseconds += end &- start
            let values = logs.flatMap { $0.nanosecondsPerFrame(slice: slice) }
            if !values.isEmpty { result.sliceMedians.append(SampleStatistics.median(values)) }
        }
        return result
    }
}

/// A backend (by index) at a thread count.
struct Cell: Sendable {
    var backend: Int
    var threads: Int
}

/// How many frames each slice of a backend's cells runs, the same on every thread and
/// at every thread count: count mode splits the count over the slices; time mode gives
/// each slice an equal share of the case's seconds, in whole batches.
struct SlicePlan: Sendable {
    /// Slices (the repetitions).
    let slices: Int
    /// Per backend: frames per batch.
    let batchSize: [Int]
    /// Per backend, per slice: frames.
    let frames: [[Int]]

    init(calibrations: [FramesScaling.Calibration], length: RunLength, repetitions: Int) {
        batchSize = calibrations.map(\.batchSize)
        switch length {
        case let .count(n):
            let count = max(1, min(repetitions, n))
            slices = count
            frames = calibrations.map { _ in (0..<count).map { s in n * (s + 1) / count - n * s / count } }
        case let .seconds(seconds):
            let count = max(1, repetitions)
            slices = count
            let sliceNanoseconds = seconds * 1e9 / Double(count)
            frames = calibrations.map { c in
                let batches = max(1, Int((sliceNanoseconds / max(c.nanosecondsPerFrame, 0.01) / Double(c.batchSize)).rounded()))
                return [Int](repeating: batches * c.batchSize, count: count)
            }
        }
    }

    /// Batches backend `b`'s cells run in one thread over all slices.
    func batches(backend b: Int) -> Int {
        frames[b].reduce(0) { $0 + ($1 + batchSize[b] - 1) / batchSize[b] }
    }
}

/// One worker thread's runners (one per backend: its own contexts and buffers) and logs
/// (one per cell).
final class ScalingLane: @unchecked Sendable {
    /// Unrecorded batches each runner runs before the first slice.
    static let warmupBatches = 4
    let runners: [any FrameBatchRunner]
    let logs: [ScalingLog]
    /// The first error this thread met.
    var error: SuiteError?

    init(runners: [any FrameBatchRunner], cells: [Cell], plan: SlicePlan) {
        self.runners = runners
        logs = cells.map { ScalingLog(batches: plan.batches(backend: $0.backend), slices: plan.slices) }
    }
}

/// The threads' shared state and their loop.
final class ScalingRun: @unchecked Sendable {
    let lanes: [ScalingLane]
    let cells: [Cell]
    let plan: SlicePlan
    let barrier: SpinBarrier
    private let failed = Atomic<Bool>(false)

    init(lanes: [ScalingLane], cells: [Cell], plan: SlicePlan) {
        self.lanes = lanes
        self.cells = cells
        self.plan = plan
        barrier = SpinBarrier(parties: lanes.count)
    }

    /// Thread `k`'s part: warm-up, then per slice every cell in rotated order, a barrier
    /// before each. A thread that failed keeps meeting the barriers, doing no work.
    func work(thread k: Int) {
        let lane = lanes[k]
        for (b, runner) in lane.runners.enumerated() {
            for _ in 0..<ScalingLane.warmupBatches {
                do {
                    _ = try runner.runBatch(frames: plan.batchSize[b])
                } catch {
                    fail(lane, error)
                }
            }
        }
        for slice in 0..<plan.slices {
            for i in 0..<cells.count {
                let index = (i &+ slice) % cells.count
                let cell = cells[index]
                barrier.wait()
                guard k < cell.threads, !failed.load(ordering: .relaxed) else { continue }
                run(cell, log: lane.logs[index], runner: lane.runners[cell.backend], slice: slice, lane: lane)
            }
        }
        barrier.wait()
    }

    /// One slice of one cell on this thread.
    @inline(never)
    private func run(_ cell: Cell, log: ScalingLog, runner: any FrameBatchRunner, slice: Int, lane: ScalingLane) {
        let batch = plan.batchSize[cell.backend]
        var remaining = plan.frames[cell.backend][slice]
        log.sliceFirstBatch[slice] = log.batches
        let cpu = Clocks.threadCPUNanoseconds()
        log.sliceStart[slice] = Clocks.monotonicNanoseconds()
        do {
            while remaining > 0 {
                let frames = min(batch, remaining)
                log.record(nanoseconds: try runner.runBatch(frames: frames), frames: frames)
                remaining -= frames
            }
        } catch {
            fail(lane, error)
        }
        log.sliceEnd[slice] = Clocks.monotonicNanoseconds()
        log.cpuNanoseconds &+= Clocks.threadCPUNanoseconds() &- cpu
        log.sliceFirstBatch[slice + 1] = log.batches
    }

    private func fail(_ lane: ScalingLane, _ error: SuiteError) {
        if lane.error == nil { lane.error = error }
        failed.store(true, ordering: .relaxed)
    }
}
