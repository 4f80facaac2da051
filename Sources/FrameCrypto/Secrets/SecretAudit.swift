#if DEBUG
import Synchronization

/// Debug builds only, for the secrets test: while recording, every ``SecretBytes`` hands a
/// copy of its bytes here just before it is wiped, so the test knows every key and derived
/// secret a run held and can search the run's output for them. Compiled out of release
/// builds; off unless a test turns it on.
enum SecretAudit {
    private static let recorded = Mutex<[[UInt8]]?>(nil)

    /// Starts recording (discarding anything recorded before).
    static func start() {
        recorded.withLock { $0 = [] }
    }

    /// Stops recording and returns every secret wiped since ``start()``.
    static func stop() -> [[UInt8]] {
        recorded.withLock { list in
            defer { list = nil }
            return list ?? []
        }
    }

    /// Keeps a copy of `bytes` while recording.
    static func record(_ bytes: UnsafeRawBufferPointer) {
        recorded.withLock { list in
            if list != nil { list!.append(Array(bytes)) }
        }
    }
}
#endif
