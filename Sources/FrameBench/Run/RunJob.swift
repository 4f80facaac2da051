/// The default job, `framebench run`: a sweep of both suites over every available
/// backend, sized to finish in a few minutes (`quick`: under one).
///
/// - frames: every backend × 64 B, 1200 B, 64 KiB × seal, open, beside the C reference;
/// - meeting: every backend × participant counts × client and meeting mode, unpaced, the
///   200-participant meeting on 1 and 2 threads interleaved (speed-up); one paced meeting.
public struct RunJob: Sendable {
    /// The under-a-minute variant.
    public var quick: Bool
    /// The seed of every workload and payload.
    public var seed: UInt64
    /// Backends by name; empty means every available one.
    public var backends: [String]

    /// A job; `quick` for the short variant.
    public init(quick: Bool = false, seed: UInt64 = 1, backends: [String] = []) {
        self.quick = quick
        self.seed = seed
        self.backends = backends
    }

    /// The frames part.
    public var frames: FramesSuiteConfiguration {
        var c = FramesSuiteConfiguration()
        c.backends = backends
        c.seed = seed
        c.frameSizes = [64, 1200, 65536]
        c.length = .seconds(quick ? 0.1 : 1)
        c.warmupSeconds = quick ? 0.05 : 0.1
        c.repetitions = quick ? 10 : 20
        return c
    }

    /// The meeting parts, in the order they run, each with a name for progress.
    public var meetings: [(name: String, configuration: MeetingSuiteConfiguration)] {
        var sweep = MeetingSuiteConfiguration()
        sweep.backends = backends
        sweep.seed = seed
        sweep.participants = quick ? [2, 25] : [2, 10, 50, 100]
        sweep.modes = [.client, .meeting]
        sweep.seconds = quick ? 1 : 5
        sweep.warmupSeconds = quick ? 0.2 : 0.5
        sweep.repetitions = quick ? 5 : 10
        // The largest meeting also on 2 threads, interleaved with 1 thread: the speed-up.
        var largest = sweep
        largest.participants = [200]
        largest.alsoThreads = [2]
        var paced = sweep
        paced.participants = [50]
        paced.modes = [.meeting]
        paced.paced = true
        return [("meeting sweep", sweep), ("meeting 200", largest), ("meeting paced", paced)]
    }

    /// Checks both parts' configurations and returns the backend names.
    ///
    /// - Throws: the reason, as text, for a bad backend or value.
    public func validate() throws(RunJobError) -> [String] {
        do {
            let names = try frames.resolvedBackends().map { $0.info.name }
            for part in meetings { _ = try part.configuration.resolvedBackends() }
            return names
        } catch {
            throw RunJobError(description: "\(error)")
        }
    }

    /// Runs both suites and returns every record. `progress(fraction, status, line)`:
    /// the share done (0…1), what is running, and a finished step's line (or `nil`).
    public func run(progress: (Double, String, String?) -> Void = { _, _, _ in }) throws(RunJobError) -> [MeasurementRecord] {
        let weights = [0.15, 0.3, 0.45, 0.1]
        var records: [MeasurementRecord] = []
        do {
            var groupsDone = 0
            let groups = Double(frames.frameSizes.count * frames.operations.count)
            records += try FramesSuite.run(frames) { line in
                if !line.hasSuffix("warming up") { groupsDone += 1 }
                progress(weights[0] * Double(groupsDone) / groups, "frames \(line)", line.hasSuffix("warming up") ? nil : "frames: \(line)")
            }
        } catch {
            throw RunJobError(description: "frames suite: \(error)")
        }
        var base = weights[0]
        for (index, part) in meetings.enumerated() {
            let weight = weights[index + 1]
            do {
                records += try MeetingSuite.run(part.configuration) { step in
                    progress(base + weight * step.fraction, "\(part.name) \(step.status)", step.finished.map { "meeting: \($0)" })
                }
            } catch {
                throw RunJobError(description: "\(part.name): \(error)")
            }
            base += weight
        }
        progress(1, "done", nil)
        return records
    }

    /// The job as recorded in a results document.
    public func runConfiguration(backendNames: [String]) -> RunConfiguration {
        var run = frames.runConfiguration(backendNames: backendNames)
        run.suite = "run"
        var extra = ["quick": String(quick)]
        for part in meetings {
            for (key, value) in part.configuration.extraDescription { extra["\(part.name).\(key)"] = value }
            extra["\(part.name).secondsPerCase"] = String(part.configuration.seconds)
        }
        run.extra = extra
        return run
    }
}

/// Why the run job could not run or stopped.
public struct RunJobError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String
}
