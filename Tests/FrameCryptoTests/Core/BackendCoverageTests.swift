import FrameTestSupport
import Testing

/// The tests over "every available backend" (parameterised ones, and those that loop over
/// `TestBackends.available`) silently shrink when a backend cannot run here. This suite names
/// every registered backend and variant they leave out, as a warning on a developer's
/// machine and as a failure under `CI=true`.
@Suite struct BackendCoverageTests {
    @Test func everyRegisteredBackendRunsHereOrIsNamedAsLeftOut() {
        for issue in BackendCoverage.current.issues {
            Issue.record(Comment(rawValue: issue.comment), severity: issue.severity)
        }
    }

    @Test func aMissingBackendIsAWarningLocallyAndAFailureUnderCI() {
        let sodium = BackendCoverage.LeftOut(name: "sodium", reason: "no AES-NI")
        let local = BackendCoverage(leftOut: [sodium], environment: [:])
        #expect(local.issues.map(\.severity) == [.warning])
        #expect(local.issues.allSatisfy { $0.comment.contains("backend sodium") && $0.comment.contains("no AES-NI") })
        for value in ["true", "TRUE", "1"] {
            #expect(BackendCoverage(leftOut: [sodium], environment: ["CI": value]).issues.map(\.severity) == [.error], "CI=\(value)")
        }
        #expect(BackendCoverage(leftOut: [sodium], environment: ["CI": "false"]).issues.map(\.severity) == [.warning])
        // A CI machine known to lack one may say so, by name.
        let allowed = BackendCoverage(
            leftOut: [sodium, .init(name: "openssl", reason: "x")],
            environment: ["CI": "true", "FRAMEBENCH_ALLOW_MISSING_BACKENDS": "sodium, openssl-cold"])
        #expect(allowed.issues.map(\.severity) == [.warning, .error])
        #expect(BackendCoverage(leftOut: [], environment: ["CI": "true"]).issues.isEmpty)
    }
}
