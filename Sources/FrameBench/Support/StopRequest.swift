import Synchronization

/// A request to stop measuring early, such as Ctrl-C: suites check it between cases (the
/// meeting suite also between slices, abandoning the unfinished case) and return what they
/// measured so far. Never checked per frame.
///
/// Safe to set from a signal handler: ``request(signal:)`` is one lock-free atomic
/// compare-and-exchange, with no allocation and no lock.
package final class StopRequest: Sendable {
    private let signalNumber = Atomic<Int32>(0)
    private let skipped = Atomic<Bool>(false)

    /// A request not yet made.
    package init() {}

    /// Records that `signal` asked to stop; returns `true` for the first request, `false`
    /// when one was already made (the first signal is kept).
    @discardableResult
    package func request(signal: Int32) -> Bool {
        signalNumber.compareExchange(expected: 0, desired: signal, ordering: .relaxed).exchanged
    }

    /// Whether stopping was requested.
    package var isRequested: Bool { signalNumber.load(ordering: .relaxed) != 0 }

    /// Records that work was skipped or abandoned because of the request: the results
    /// are incomplete. (A request that came after the last case finished skips nothing.)
    package func noteWorkSkipped() {
        skipped.store(true, ordering: .relaxed)
    }

    /// Whether a suite skipped or abandoned work because stopping was requested.
    package var skippedWork: Bool { skipped.load(ordering: .relaxed) }

    /// The signal that asked to stop, such as `SIGINT`, or `nil` while none did.
    package var signalName: String? {
        let number = signalNumber.load(ordering: .relaxed)
        return number == 0 ? nil : Self.name(of: number)
    }

    /// The exit status of a process stopped by the recorded signal: 128 + its number
    /// (130 for SIGINT, 143 for SIGTERM), or `nil` while none did.
    package var exitStatus: Int32? {
        let number = signalNumber.load(ordering: .relaxed)
        return number == 0 ? nil : 128 + number
    }

    /// `SIGINT`, `SIGTERM`, … or `signal N`.
    static func name(of signal: Int32) -> String {
        switch signal {
        case 1: "SIGHUP"
        case 2: "SIGINT"
        case 15: "SIGTERM"
        default: "signal \(signal)"
        }
    }
}
