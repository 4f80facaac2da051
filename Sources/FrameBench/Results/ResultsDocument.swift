/// One run's results: where it ran, what it was asked to do, and what it measured.
///
/// Serialised as JSON with a versioned schema (``schemaVersion``); readers refuse other
/// versions rather than guess. Field meanings are documented in `docs/results-schema.md`.
public struct ResultsDocument: Sendable, Equatable, Codable {
    /// The schema this build writes and reads.
    public static let currentSchemaVersion = 1

    /// Always ``currentSchemaVersion`` when written by this build.
    public var schemaVersion: Int
    /// When the run started, ISO 8601 in UTC.
    public var createdAt: String
    /// The machine, operating system, toolchain, libraries and command line.
    public var environment: RunEnvironment
    /// What the run was asked to measure.
    public var configuration: RunConfiguration
    /// One entry per measured case.
    public var measurements: [MeasurementRecord]
    /// `false` when the run was stopped early (Ctrl-C, SIGTERM) and ``measurements`` holds
    /// only the cases finished before; absent (`nil`) in a complete run's file.
    public var complete: Bool?
    /// The signal that stopped an incomplete run, such as `SIGINT`.
    public var interruptedBy: String?
    /// The process's peak resident set size when the file was written, in bytes.
    public var peakRSSBytes: Int?

    /// Whether the run measured everything it was asked to (``complete`` is not `false`).
    public var isComplete: Bool { complete != false }

    /// Marks the document as stopped early by `signal`, such as `SIGINT`.
    public mutating func markIncomplete(interruptedBy signal: String) {
        complete = false
        interruptedBy = signal
    }

    /// A document of the current schema version.
    public init(
        createdAt: String, environment: RunEnvironment, configuration: RunConfiguration,
        measurements: [MeasurementRecord]
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.createdAt = createdAt
        self.environment = environment
        self.configuration = configuration
        self.measurements = measurements
    }
}

/// The options a run was given. Suite-specific fields are `nil` for other suites.
public struct RunConfiguration: Sendable, Equatable, Codable {
    /// `frames` or `meeting`.
    public var suite: String
    /// The seed for payloads, keys and workloads.
    public var seed: UInt64
    /// The backends measured, by name.
    public var backends: [String]
    /// `time` (each case runs ``secondsPerCase``) or `count` (each case runs exactly
    /// ``framesPerCase`` frames).
    public var runMode: String
    /// Measured seconds per case in time mode.
    public var secondsPerCase: Double?
    /// Measured frames per case in count mode.
    public var framesPerCase: Int?
    /// Wall-clock warm-up per interleaved group, before anything is recorded.
    public var warmupSeconds: Double
    /// The batch duration the batch size is calibrated to, in nanoseconds.
    public var targetBatchNanoseconds: Int?
    /// A fixed batch size, when the run was told one instead of calibrating.
    public var fixedBatchSize: Int?
    /// Number of consecutive runs of batches whose medians are stored as samples.
    public var repetitions: Int?
    /// Frame sizes measured, in bytes (frames suite).
    public var frameSizes: [Int]?
    /// Operations measured: `seal`, `open` (frames suite).
    public var operations: [String]?
    /// Bytes of additional authenticated data per frame (the SFrame header's stand-in).
    public var aadBytes: Int?
    /// Whether the C reference was measured alongside.
    public var reference: Bool?
    /// Anything else a suite wants recorded, as text.
    public var extra: [String: String]?

    /// A configuration for `suite`; fill in the rest by assignment.
    public init(suite: String, seed: UInt64, backends: [String], runMode: String, warmupSeconds: Double) {
        self.suite = suite
        self.seed = seed
        self.backends = backends
        self.runMode = runMode
        self.warmupSeconds = warmupSeconds
    }
}

/// One measured case.
///
/// `nsPerFrame` percentiles are over *batch means*: frames run in batches timed as a
/// whole (a frame can cost about as much as reading the clock), and each batch
/// contributes one value, its nanoseconds divided by its frames. `nsPerFrame.mean` is
/// total measured nanoseconds over total frames. See `docs/measurement.md`.
public struct MeasurementRecord: Sendable, Equatable, Codable {
    /// `frames`, `meeting`, `overhead` or `keys` (the key-count study).
    public var suite: String
    /// `swift` (through FrameCrypto) or `c` (the C reference, no Swift in the loop).
    public var implementation: String
    /// The backend's name, such as `openssl`.
    public var backend: String
    /// `seal` or `open` (frames suite).
    public var operation: String?
    /// Frame size in bytes (frames suite).
    public var frameSize: Int?
    /// Participants in the meeting (meeting suite).
    public var participants: Int?
    /// The meeting's mode (meeting suite).
    public var mode: String?
    /// Frames measured (warm-up and calibration excluded).
    public var frames: Int
    /// Payload bytes measured.
    public var bytes: Int
    /// Measured time: the sum of the batches' durations, in seconds.
    public var seconds: Double
    /// `frames / seconds`.
    public var framesPerSecond: Double
    /// `bytes / seconds`.
    public var bytesPerSecond: Double
    /// Nanoseconds per frame: percentiles over batch means, exact max and mean.
    public var nsPerFrame: PercentileSummary
    /// Media time processed per second of wall time (meeting suite).
    public var realtimeFactor: Double?
    /// Frames per timed batch (the last batch of a count-mode case may be shorter).
    public var batchSize: Int?
    /// Number of timed batches.
    public var batches: Int?
    /// Frames run before recording: calibration and warm-up.
    public var warmupFrames: Int?
    /// Thread CPU time over wall time across this case's interleaved group: below 1 when
    /// the measuring thread was descheduled.
    public var onCPUFraction: Double?
    /// For a `swift` measurement, its median ns/frame over the C reference's for the same
    /// backend, operation and size.
    public var referenceRatio: Double?
    /// Raw samples for later statistics (bootstrap, Mann–Whitney): see ``samplesKind``.
    public var samples: [Double]
    /// What ``samples`` holds, such as `repetitionMedianNsPerFrame`: the median batch
    /// ns/frame of each of ``RunConfiguration/repetitions`` consecutive runs of batches.
    public var samplesKind: String
    /// For a `swift` measurement beside its C reference: the ratio of each timed batch's
    /// ns/frame to the C reference's batch of the same interleaved round (run within
    /// microseconds of it, so drift of the machine's speed cancels), reduced like
    /// ``samples`` to the median of each repetition. What `framebench compare` gates on
    /// by default; `nil` elsewhere and in files written before it existed.
    public var referenceRatioSamples: [Double]?
    /// Suite-specific numbers.
    public var extra: [String: Double]?
    /// Worker threads the case ran on (meeting suite).
    public var threads: Int?
    /// Whether frames were released on their media schedule (meeting suite, `--paced`).
    public var paced: Bool?
    /// The real-time factor of each slice of the case, in the order run (meeting suite):
    /// seconds of media per second of measured wall time.
    public var realtimeFactorSamples: [Double]?
    /// Which layer of a frame's path the record measures (overhead suite): `c-library`,
    /// `swift-backend`, `sframe` or `harness` (`docs/overhead.md`); `nil` elsewhere and in
    /// files written before it existed.
    public var layer: String?
    /// Live receive keys installed in the receiver (key-count study, `docs/overhead.md`).
    public var keyCount: Int?
    /// The SFrame cipher suite (RFC 9605 §4.5 and the IANA registry, 1–8) whose AEAD the
    /// record measures; `nil` in files written before suites were measured, which means 5,
    /// `AES_256_GCM_SHA512_128`.
    public var cipherSuite: Int?
    /// What one seal covered (meeting suite): `frame` or `packet`; `nil` in files written
    /// before packet granularity existed, which means `frame`.
    public var granularity: String?
    /// The protected packet size in bytes, SFrame header and tag included, when
    /// ``granularity`` is `packet`.
    public var mtu: Int?
    /// Bytes the encryption adds to a media frame on average (SFrame headers and tags,
    /// every packet's in packet granularity): measured from the protected frames the
    /// case wrote.
    public var overheadBytesPerFrame: Double?
    /// The working set the layers ran under (overhead suite, `docs/overhead.md`, "Working
    /// sets"): `hot`, `l2`, `llc` or `dram`; `nil` elsewhere and in files written before it
    /// existed (whose SFrame open layer read a ring, the layers below one hot frame).
    public var workingSet: String?
    /// That working set's bytes: the footprint between a frame's write and its read.
    public var workingSetBytes: Int?

    /// A record with the required fields; fill in the optional ones by assignment.
    public init(
        suite: String, implementation: String, backend: String, frames: Int, bytes: Int,
        seconds: Double, nsPerFrame: PercentileSummary, samples: [Double], samplesKind: String
    ) {
        self.suite = suite
        self.implementation = implementation
        self.backend = backend
        self.frames = frames
        self.bytes = bytes
        self.seconds = seconds
        self.framesPerSecond = seconds > 0 ? Double(frames) / seconds : 0
        self.bytesPerSecond = seconds > 0 ? Double(bytes) / seconds : 0
        self.nsPerFrame = nsPerFrame
        self.samples = samples
        self.samplesKind = samplesKind
    }
}
