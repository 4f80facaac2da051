import Foundation
import FrameCrypto

/// The default job, `framebench run`: a sweep of both suites over every available
/// backend, sized to finish in a few minutes (`quick`: under one).
///
/// - frames: every backend × 64 B, 1200 B, 64 KiB × seal, open, beside the C reference;
///   at 1200 B also multi-core scaling: 1, 2, 4 … up to the CPUs (at most 8) threads;
/// - overhead: every backend × 100 B, 1200 B, 64 KiB × seal, open, layer by layer (C
///   library, Swift backend, SFrame, harness), shorter than `framebench overhead`, at the
///   receiver's working set (`llc`) and, but in `quick`, at `hot` too;
/// - cipher suites: every SFrame suite 1–8 × every backend that implements it × 100 B,
///   1200 B × seal, open, beside the C reference (the suite chooser);
/// - key counts: SFrame open with 1 … 400 live receive keys (a short version);
/// - meeting: every backend × participant counts × client and meeting mode, unpaced, the
///   200-participant meeting on 1 and 2 threads and per frame and per packet, interleaved;
///   one paced meeting.
package struct RunJob: Sendable {
    /// The under-a-minute variant.
    package var quick: Bool
    /// The seed of every workload and payload.
    package var seed: UInt64
    /// Backends by name; empty means every available one.
    package var backends: [String]
    /// What one seal covers in every meeting part; `nil` for the default: whole frames,
    /// and the 200-participant meeting both per frame and per packet, interleaved.
    package var granularities: [Granularity]? = nil
    /// The protected packet size in packet granularity.
    package var packetBudget = PacketBudget()

    /// A job; `quick` for the short variant.
    package init(quick: Bool = false, seed: UInt64 = 1, backends: [String] = []) {
        self.quick = quick
        self.seed = seed
        self.backends = backends
    }

    /// The frames part.
    package var frames: FramesSuiteConfiguration {
        var c = FramesSuiteConfiguration()
        c.backends = backends
        c.seed = seed
        c.frameSizes = [64, 1200, 65536]
        c.length = .seconds(quick ? 0.1 : 1)
        c.warmupSeconds = quick ? 0.05 : 0.1
        c.repetitions = quick ? 10 : 20
        c.threadCounts = Self.scalingThreadCounts
        c.scalingFrameSizes = [1200]
        return c
    }

    /// The cipher-suite part: every SFrame suite's AEAD on every backend that implements
    /// it, at 100 B (an audio frame) and 1200 B (a packet near the MTU), seal and open,
    /// beside the C reference; the suite chooser reads it (``SuiteChooser``).
    package var suites: FramesSuiteConfiguration {
        var c = FramesSuiteConfiguration()
        c.backends = backends
        c.seed = seed
        c.cipherSuites = SFrameCipherSuite.allCases
        c.frameSizes = [100, 1200]
        c.length = .seconds(quick ? 0.05 : 0.25)
        c.warmupSeconds = quick ? 0.02 : 0.05
        c.repetitions = quick ? 5 : 10
        return c
    }

    /// The frames scaling's thread counts: 1, then powers of two up to the CPUs this
    /// process may use, at most 8, and that CPU count itself when it is not a power of two.
    static var scalingThreadCounts: [Int] {
        let cpus = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)
        var counts = [1]
        while counts.last! * 2 <= cpus { counts.append(counts.last! * 2) }
        if counts.last! != cpus { counts.append(cpus) }
        return counts
    }

    /// The overhead part: the four layers, shorter cases than `framebench overhead`.
    package var overhead: OverheadSuiteConfiguration {
        var c = OverheadSuiteConfiguration()
        c.backends = backends
        c.seed = seed
        c.length = .seconds(quick ? 0.05 : 0.25)
        c.warmupSeconds = quick ? 0.02 : 0.05
        c.repetitions = quick ? 10 : 20
        c.harnessSeconds = quick ? 1 : 2
        // What a receiver sees (docs/overhead.md, "Working sets"), and in the full run the hot
        // working set beside it, for the report's cost-vs-working-set chart (~15 s more).
        c.workingSets = quick ? [.receiverDefault] : [.receiverDefault, .hot]
        return c
    }

    /// The key-count part: a short version of the study (`framebench meeting --key-counts`).
    package var keyCounts: KeyCountConfiguration {
        var c = KeyCountConfiguration()
        c.backends = backends
        c.seed = seed
        c.keyCounts = quick ? [1, 10, 100, 400] : [1, 10, 50, 200, 400]
        c.frameSizes = quick ? [100] : [100, 1200]
        c.length = .seconds(quick ? 0.05 : 0.2)
        c.warmupSeconds = quick ? 0.02 : 0.05
        return c
    }

    /// The meeting parts, in the order they run, each with a name for progress.
    package var meetings: [(name: String, configuration: MeetingSuiteConfiguration)] {
        var sweep = MeetingSuiteConfiguration()
        sweep.backends = backends
        sweep.seed = seed
        sweep.participants = quick ? [2, 25] : [2, 10, 50, 100]
        sweep.modes = [.client, .meeting]
        sweep.seconds = quick ? 1 : 5
        sweep.warmupSeconds = quick ? 0.2 : 0.5
        sweep.repetitions = quick ? 5 : 10
        sweep.packetBudget = packetBudget
        sweep.granularities = granularities ?? [.frame]
        // The largest meeting also on 2 threads, interleaved with 1 thread: the speed-up; and
        // per packet beside per frame, interleaved: what Zoom's granularity costs.
        var largest = sweep
        largest.participants = [200]
        largest.alsoThreads = [2]
        largest.granularities = granularities ?? [.frame, .packet]
        var paced = sweep
        paced.participants = [50]
        paced.modes = [.meeting]
        paced.paced = true
        return [("meeting sweep", sweep), ("meeting 200", largest), ("meeting paced", paced)]
    }

    /// Checks both parts' configurations and returns the backend names.
    ///
    /// - Throws: the reason, as text, for a bad backend or value.
    package func validate() throws(RunJobError) -> [String] {
        do {
            let names = try frames.resolvedBackends().map { $0.info.name }
            for part in meetings { _ = try part.configuration.resolvedBackends() }
            _ = try overhead.resolvedBackends()
            _ = try suites.resolvedBackends()
            _ = try keyCounts.resolvedBackends()
            return names
        } catch {
            throw RunJobError(description: "\(error)")
        }
    }

    /// Runs both suites and returns every record. `progress(fraction, status, line)`:
    /// the share done (0…1), what is running, and a finished step's line (or `nil`).
    ///
    /// When `stop` is requested, the job stops at the next case boundary (the meeting suite
    /// abandons an unfinished case after its current slice) and returns the records of the
    /// cases finished so far; `stop.skippedWork` then tells the caller they are incomplete.
    package func run(
        stop: StopRequest? = nil, progress: (Double, String, String?) -> Void = { _, _, _ in }
    ) throws(RunJobError) -> [MeasurementRecord] {
        // frames, then each meeting part; overhead, cipher suites and key counts between them.
        let weights = [0.12, 0.25, 0.37, 0.08]
        let overheadWeight = 0.08, suitesWeight = 0.06, keysWeight = 0.04
        var records: [MeasurementRecord] = []
        do {
            var groupsDone = 0
            let groups = Double(frames.frameSizes.count * frames.operations.count + frames.scalingGroups)
            records += try FramesSuite.run(frames, stop: stop) { line in
                // Start lines ("…; warming up", "scaling on 1, 2 threads") do not finish a step.
                let starting = line.hasSuffix("warming up") || line.hasSuffix("threads")
                if !starting { groupsDone += 1 }
                progress(weights[0] * Double(groupsDone) / groups, "frames \(line)", starting ? nil : "frames: \(line)")
            }
        } catch {
            throw RunJobError(description: "frames suite: \(error)")
        }
        var base = weights[0]
        if let stop, stop.isRequested {
            stop.noteWorkSkipped()
            return records
        }
        do {
            let groups = Double(overhead.workingSets.count * overhead.frameSizes.count * overhead.operations.count + 1)
            var done = 0
            records += try OverheadSuite.run(overhead, stop: stop) { line in
                let finished = line.hasSuffix(" ns")
                if finished { done += 1 }
                progress(base + overheadWeight * Double(done) / groups, "overhead \(line)", finished ? "overhead: \(line)" : nil)
            }
        } catch {
            throw RunJobError(description: "overhead suite: \(error)")
        }
        base += overheadWeight
        if let stop, stop.isRequested {
            stop.noteWorkSkipped()
            return records
        }
        do {
            let groups = Double(max(1, suites.cipherSuites.count * suites.frameSizes.count * suites.operations.count))
            var done = 0
            records += try FramesSuite.run(suites, stop: stop) { line in
                let starting = line.hasSuffix("warming up")
                if !starting { done += 1 }
                progress(base + suitesWeight * min(1, Double(done) / groups), "suites \(line)", starting ? nil : "suites: \(line)")
            }
        } catch {
            throw RunJobError(description: "cipher suites: \(error)")
        }
        base += suitesWeight
        if let stop, stop.isRequested {
            stop.noteWorkSkipped()
            return records
        }
        do {
            var done = 0
            records += try KeyCountStudy.run(keyCounts) { line in
                let finished = line.hasSuffix(" ns")
                if finished { done += 1 }
                progress(
                    base + keysWeight * Double(done) / Double(keyCounts.frameSizes.count), "\(line)", finished ? "meeting: \(line)" : nil)
            }
        } catch {
            throw RunJobError(description: "key-count study: \(error)")
        }
        base += keysWeight
        for (index, part) in meetings.enumerated() {
            if let stop, stop.isRequested {
                stop.noteWorkSkipped()
                return records
            }
            let weight = weights[index + 1]
            do {
                records += try MeetingSuite.run(part.configuration, stop: stop) { step in
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
    package func runConfiguration(backendNames: [String]) -> RunConfiguration {
        var run = frames.runConfiguration(backendNames: backendNames)
        run.suite = "run"
        var extra = ["quick": String(quick)]
        for (key, value) in overhead.extraDescription { extra["overhead.\(key)"] = value }
        if case let .seconds(s) = overhead.length { extra["overhead.secondsPerCase"] = String(s) }
        for (key, value) in keyCounts.extraDescription { extra["keys.\(key)"] = value }
        extra["suites.cipherSuites"] = suites.cipherSuites.map { String($0.rawValue) }.joined(separator: ",")
        extra["suites.frameSizes"] = suites.frameSizes.map(String.init).joined(separator: ",")
        if case let .seconds(s) = suites.length { extra["suites.secondsPerCase"] = String(s) }
        for part in meetings {
            for (key, value) in part.configuration.extraDescription { extra["\(part.name).\(key)"] = value }
            extra["\(part.name).secondsPerCase"] = String(part.configuration.seconds)
        }
        run.extra = extra
        return run
    }
}

/// Why the run job could not run or stopped.
package struct RunJobError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    package var description: String
}
