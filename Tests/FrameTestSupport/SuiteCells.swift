package import FrameCrypto
package import FrameVectors
import Testing

/// One cell of the (cipher suite, backend) matrix, for parameterised tests.
package struct SuiteCell: Sendable, Hashable, CustomTestStringConvertible {
    package var suite: SFrameCipherSuite
    package var backend: String

    package init(suite: SFrameCipherSuite, backend: String) {
        self.suite = suite
        self.backend = backend
    }

    package var testDescription: String { "suite \(suite.rawValue) on \(backend)" }
}

/// The matrix the tests run over: every backend and variant that runs here, default ones
/// first, crossed with the suites it implements (``implemented``) or lacks (``missing``).
package enum SuiteCells {
    /// Every backend and variant that runs here.
    package static var backends: [AEADBackend] {
        (BackendRegistry.all + BackendRegistry.variants + BackendRegistry.ctrHMACVariants).filter {
            $0.info.availability.isAvailable
        }
    }

    /// Every (suite, backend) cell that backend implements.
    package static var implemented: [SuiteCell] {
        backends.flatMap { backend in
            SFrameCipherSuite.allCases.filter { BackendRegistry.implements(backend, $0) }.map {
                SuiteCell(suite: $0, backend: backend.info.name)
            }
        }
    }

    /// Every (suite, backend) cell that backend does not implement.
    package static var missing: [SuiteCell] {
        backends.flatMap { backend in
            SFrameCipherSuite.allCases.filter { !BackendRegistry.implements(backend, $0) }.map {
                SuiteCell(suite: $0, backend: backend.info.name)
            }
        }
    }

    /// What a file with `counts` vectors per suite must give on `backend`: every vector of an
    /// implemented suite passed, every vector of another skipped, none failed.
    package static func expected(_ counts: [SFrameCipherSuite: Int], on backend: AEADBackend) -> [UInt64: VectorTally] {
        var tallies: [UInt64: VectorTally] = [:]
        for (suite, count) in counts {
            tallies[UInt64(suite.rawValue)] =
                BackendRegistry.implements(backend, suite)
                ? VectorTally(passed: count, failed: 0, skipped: 0) : VectorTally(passed: 0, failed: 0, skipped: count)
        }
        return tallies
    }
}
