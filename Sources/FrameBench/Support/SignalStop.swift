#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM handling for the measuring commands.
///
/// The first signal sets a ``StopRequest`` and prints one line: the command stops at the next
/// case boundary, writes what it measured so far (marked incomplete when a case was skipped
/// or abandoned), and exits 128 + the signal's number (130, 143). A second signal exits at once with that status, after removing
/// any results file still being written, so no partial file is left behind.
///
/// The handler is a plain `sigaction` handler that only touches preallocated memory: an atomic
/// store, `write(2)`, `unlink(2)` and `_exit(2)`, all async-signal-safe.
package enum SignalStop {
    nonisolated(unsafe) private static var request: StopRequest?
    nonisolated(unsafe) private static var message: UnsafeMutableBufferPointer<CChar>?

    /// Installs the handlers for SIGINT and SIGTERM (once per process) and returns the request
    /// they set.
    package static func install() -> StopRequest {
        if let request { return request }
        let created = StopRequest()
        let text = "\nframebench: stopping after the current case and saving what was measured so far; signal again to quit at once\n"
        let bytes = Array(text.utf8CString)
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        message = buffer
        request = created
        PendingTemporaryFiles.prepare()
        // A parent may have blocked these signals (a thread pool that spawned us does), and
        // the mask is inherited: unblock them, or the handler would never run.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signal in [SIGINT, SIGTERM] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handle
            #else
            action.__sigaction_u.__sa_handler = handle
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, nil)
        }
        return created
    }

    private static let handle: @convention(c) (Int32) -> Void = { signal in
        guard let request = SignalStop.request else { return }
        if request.request(signal: signal) {
            if let message = SignalStop.message {
                _ = write(2, message.baseAddress!, message.count - 1)
            }
        } else {
            PendingTemporaryFiles.removeAllFromSignalHandler()
            _exit(128 + signal)
        }
    }
}
