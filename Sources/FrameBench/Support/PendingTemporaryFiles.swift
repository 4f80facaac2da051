import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files being written right now (``AtomicFile``), so that a second Ctrl-C,
/// which exits at once, can remove them from its signal handler: a fixed table of
/// preallocated path buffers, claimed and published with atomics, that a handler reads
/// without allocating or locking.
enum PendingTemporaryFiles {
    /// Paths of at most this many bytes (with the terminating zero) are tracked.
    static let pathCapacity = 4096
    /// At most this many temporary files are tracked at once (the CSV and JSON writes).
    static let slotCount = 8

    private static let claimed = Atomic<Int>(0)
    private static let published = Atomic<Int>(0)
    nonisolated(unsafe) private static let storage = UnsafeMutablePointer<CChar>.allocate(capacity: pathCapacity * slotCount)

    /// Makes sure the table exists before a signal handler may read it.
    static func prepare() {
        _ = claimed.load(ordering: .relaxed)
        _ = published.load(ordering: .relaxed)
        _ = storage
    }

    /// Tracks `path` until ``unregister(_:)``; `nil` when the table is full or the path too
    /// long (the file is then simply not removed by a second signal).
    static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8CString)
        guard bytes.count <= pathCapacity else { return nil }
        var current = claimed.load(ordering: .relaxed)
        while true {
            guard let slot = (0..<slotCount).first(where: { current & (1 << $0) == 0 }) else { return nil }
            let (exchanged, original) = claimed.compareExchange(
                expected: current, desired: current | (1 << slot), ordering: .acquiring)
            if exchanged {
                let base = storage + slot * pathCapacity
                bytes.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: $0.count) }
                published.bitwiseOr(1 << slot, ordering: .releasing)
                return slot
            }
            current = original
        }
    }

    /// Stops tracking the slot ``register(_:)`` returned.
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        published.bitwiseAnd(~(1 << slot), ordering: .releasing)
        claimed.bitwiseAnd(~(1 << slot), ordering: .releasing)
    }

    /// Unlinks every tracked file. Async-signal-safe: atomics and `unlink` only.
    static func removeAllFromSignalHandler() {
        let mask = published.load(ordering: .acquiring)
        for slot in 0..<slotCount where mask & (1 << slot) != 0 {
            _ = unlink(storage + slot * pathCapacity)
        }
    }
}
