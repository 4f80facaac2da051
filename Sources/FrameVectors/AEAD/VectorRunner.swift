public import FrameCrypto

/// Counts of passed, failed and skipped vectors.
public struct VectorTally: Sendable, Equatable {
    /// Vectors whose outcome matched what their source expects.
    public var passed = 0
    /// Vectors whose outcome did not.
    public var failed = 0
    /// Vectors the primitive cannot express (another IV or tag size), not run.
    public var skipped = 0

    /// A tally with these counts.
    public init(passed: Int = 0, failed: Int = 0, skipped: Int = 0) {
        self.passed = passed
        self.failed = failed
        self.skipped = skipped
    }

    /// Adds `other`'s counts to these.
    public mutating func add(_ other: VectorTally) {
        passed += other.passed
        failed += other.failed
        skipped += other.skipped
    }

    /// `N passed, N failed, N skipped`: the closing-line form.
    public var summary: String { "\(passed) passed, \(failed) failed, \(skipped) skipped" }
}

/// The outcome of one vector file against one backend.
public struct VectorReport: Sendable {
    /// The file's path, or `built-in`.
    public var file: String
    /// The format the file was read as.
    public var kind: VectorFile.Kind
    /// The backend's name.
    public var backend: String
    /// How many vectors passed, failed and were skipped.
    public var tally: VectorTally
    /// Each failed vector's id and what went wrong.
    public var failures: [(id: String, reason: String)]
    /// Why vectors were skipped, with how many for each reason.
    public var skipReasons: [String: Int]
}

/// Runs vector files against backends.
public enum VectorRunner {
    /// Checks every vector of `file` against `backend`, each keyed for the GCM algorithm its
    /// key size names, or only for `algorithm` when given (vectors of another key size are
    /// then skipped).
    public static func run<Context: AEADContext & ~Copyable>(
        _ file: VectorFile, on backend: Context.Type, as algorithm: AEADAlgorithm? = nil
    ) -> VectorReport {
        var report = VectorReport(
            file: file.path, kind: file.kind, backend: Context.info.name, tally: VectorTally(), failures: [],
            skipReasons: [:])
        for vector in file.vectors {
            switch vector.check(with: backend, as: algorithm) {
            case .passed:
                report.tally.passed += 1
            case let .failed(reason):
                report.tally.failed += 1
                report.failures.append((vector.id, reason))
            case let .skipped(reason):
                report.tally.skipped += 1
                report.skipReasons[reason, default: 0] += 1
            }
        }
        return report
    }
}
