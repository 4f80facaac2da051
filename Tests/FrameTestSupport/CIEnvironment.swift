import Foundation

/// Whether this test run is CI: `CI` set to `true` or `1` (any case), as CI services set it.
/// Under CI the tests are strict — a missing vector folder or a registered backend that
/// cannot run fails instead of being skipped.
package enum CIEnvironment {
    /// Whether `environment` marks a CI run.
    package static func isCI(_ environment: [String: String]) -> Bool {
        guard let value = environment["CI"]?.lowercased() else { return false }
        return value == "true" || value == "1"
    }

    /// Whether this process runs under CI.
    package static var isCI: Bool { isCI(ProcessInfo.processInfo.environment) }
}
