import Foundation
import FrameCrypto
package import Testing

/// Which registered backends and variants the tests over "every available backend" leave
/// out, and whether that is allowed: on a developer's machine a backend may be missing
/// (libsodium's AES-GCM needs AES-NI), so the tests skip it and say so; under `CI=true`
/// every registered backend must run, unless `FRAMEBENCH_ALLOW_MISSING_BACKENDS` names it
/// (comma-separated), for a CI machine known to lack one.
package struct BackendCoverage {
    /// A backend or variant that cannot run here, and why.
    package struct LeftOut: Equatable {
        package var name: String
        package var reason: String

        package init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    package var leftOut: [LeftOut]
    package var environment: [String: String]

    package init(leftOut: [LeftOut], environment: [String: String]) {
        self.leftOut = leftOut
        self.environment = environment
    }

    /// This machine's backends and this process's environment.
    package static var current: BackendCoverage {
        BackendCoverage(
            leftOut: (BackendRegistry.all + BackendRegistry.variants).compactMap { backend in
                backend.info.availability.reason.map { LeftOut(name: backend.info.name, reason: $0) }
            },
            environment: ProcessInfo.processInfo.environment)
    }

    package var isCI: Bool { CIEnvironment.isCI(environment) }

    package var allowedMissing: Set<String> {
        Set(
            (environment["FRAMEBENCH_ALLOW_MISSING_BACKENDS"] ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            })
    }

    /// One issue per backend left out: an error under CI (unless allowed), else a warning
    /// that names it, so a skipped backend is never silent.
    package var issues: [(severity: Issue.Severity, comment: String)] {
        leftOut.map { backend in
            let text = "backend \(backend.name) is registered but unavailable here (\(backend.reason)): "
            if isCI && !allowedMissing.contains(backend.name) {
                return (
                    .error,
                    text + "under CI=true every registered backend must run (FRAMEBENCH_ALLOW_MISSING_BACKENDS=\(backend.name) exempts it)"
                )
            }
            return (.warning, text + "every test over the available backends leaves it out")
        }
    }
}
