import CFrameReference
import Foundation
package import FrameCrypto

/// How much memory a meeting case's keyed state takes per backend, and which backends can
/// run side by side within this machine's memory.
///
/// Every runner keys the whole meeting: in meeting mode each of N participants holds a
/// receive key for each of the others' three streams, so a 200-participant meeting holds
/// about 120 000 keyed AEAD contexts per runner, and a runner per thread count and
/// granularity. What one keyed context costs differs by library by two orders of magnitude
/// (a few hundred bytes to tens of kilobytes: Botan's GCM objects carry their own buffers),
/// so the plan measures it (``contextBytes(_:)``: the heap bytes 512 keyed contexts take)
/// rather than assuming it. Backends whose runners fit together in ``budget()`` run in one
/// interleaved group; otherwise they are split into groups run one after the other, and a
/// backend whose runners alone do not fit is left out with the reason, never killed by the
/// kernel halfway through a run (which would lose every result measured before).
package enum MeetingMemoryPlan {
    /// The plan for one case.
    package struct Plan: Sendable {
        /// Backends run together (interleaved slice by slice), group after group.
        package var groups: [[AEADBackend]]
        /// Backends left out, each with why.
        package var skipped: [(name: String, reason: String)]
    }

    /// Margin over the measured contexts: SFrame's key table entries and replay windows, the
    /// previous epoch's keys kept through a rekey's grace period, the runner's logs, and what
    /// a library's allocator keeps. Measured at 200 participants on one runner, the process
    /// grew by 2.3 (OpenSSL) to 2.5 (Botan) times the probe's bytes per context.
    static let margin = 3.0

    /// Keyed contexts one runner holds: every participant's three senders, and the receive
    /// keys of every other participant's three streams at every receiving seat (all in
    /// meeting mode, the client's alone in client mode).
    package static func contexts(participants n: Int, mode: MeetingMode) -> Int {
        let receivers = mode == .meeting ? n : 1
        return 3 * n + receivers * 3 * max(n - 1, 0)
    }

    /// The bytes one keyed context of `backend` takes, measured: 1024 contexts keyed
    /// (AES-256-GCM), each used for one seal and one open (libraries that allocate buffers
    /// lazily, per direction, do it then), held at once; the growth of the heap in use (glibc's `mallinfo2`) or of the
    /// resident set (`/proc/self/statm`, for libraries with their own allocator, such as
    /// Botan's locked pool), whichever is larger, divided by 1024. `nil` where neither can be
    /// read.
    package static func contextBytes(_ backend: AEADBackend) -> Int? {
        func probe<Context: AEADContext & ~Copyable>(_: Context.Type) -> Int? {
            let count = 1024
            let key = [UInt8](repeating: 0x4D, count: 32)
            var text = [UInt8](repeating: 0, count: 64)
            var tag = [UInt8](repeating: 0, count: 16)
            let aad = [UInt8](repeating: 1, count: 8)
            let contexts = UnsafeMutablePointer<Context>.allocate(capacity: count)
            defer { contexts.deallocate() }
            let (heapBefore, residentBefore) = (heapBytesInUse(), residentBytes())
            var made = 0
            defer { contexts.deinitialize(count: made) }
            for i in 0..<count {
                do {
                    (contexts + i).initialize(to: try Context(key: key.span))
                    made += 1
                    var textSpan = text.mutableSpan
                    var tagSpan = tag.mutableSpan
                    try contexts[i].seal(nonce: Nonce(counter: UInt64(i)), aad: aad.span, text: &textSpan, tag: &tagSpan)
                    var opened = text.mutableSpan
                    try contexts[i].open(nonce: Nonce(counter: UInt64(i)), aad: aad.span, text: &opened, tag: tag.span)
                } catch {
                    return nil
                }
            }
            let heap = heapBytesInUse() - heapBefore
            let resident = (residentBytes() ?? 0) - (residentBefore ?? 0)
            return max(heap, resident, 0) / count + MemoryLayout<Context>.stride
        }
        guard heapBytesInUse() > 0 || residentBytes() != nil else { return nil }
        return probe(backend)
    }

    /// The resident set in bytes (`/proc/self/statm`), or `nil` when it cannot be read.
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count >= 2, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Heap bytes in use (glibc: allocated arena bytes plus mmapped chunks).
    static func heapBytesInUse() -> Int { Int(fbr_heap_bytes_in_use()) }

    /// The memory the plan may fill: 70 % of what the kernel reports available
    /// (`MemAvailable` in `/proc/meminfo`), or `nil` when it does not say.
    package static func budget() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let kib = Int(fields[1]) else { return nil }
            return kib * 1024 / 10 * 7
        }
        return nil
    }

    /// Groups `backends` for a case of `participants` in `mode` with `runners` runners per
    /// backend (thread counts × granularities) within `budget` bytes; `bytes` gives one
    /// context's bytes per backend (``contextBytes(_:)`` by default). Order is kept; with no
    /// budget or no measurement everything runs in one group.
    package static func plan(
        _ backends: [AEADBackend], participants: Int, mode: MeetingMode, runners: Int, budget: Int?,
        bytes: (AEADBackend) -> Int? = { contextBytes($0) }
    ) -> Plan {
        guard let budget else { return Plan(groups: backends.isEmpty ? [] : [backends], skipped: []) }
        let contexts = Double(contexts(participants: participants, mode: mode))
        var plan = Plan(groups: [], skipped: [])
        var group: [AEADBackend] = [], used = 0.0
        for backend in backends {
            guard let each = bytes(backend) else {
                group.append(backend)
                continue
            }
            let needed = Double(each) * contexts * margin * Double(runners)
            if needed > Double(budget) {
                plan.skipped.append(
                    (
                        backend.info.name,
                        "its \(runners) runner(s) would need about \(gigabytes(needed)) (\(each) B per keyed context × "
                            + "\(Int(contexts)) contexts × \(margin) margin each), more than the \(gigabytes(Double(budget))) "
                            + "this run may use (70 % of MemAvailable)"
                    ))
                continue
            }
            if used + needed > Double(budget), !group.isEmpty {
                plan.groups.append(group)
                group = []
                used = 0
            }
            group.append(backend)
            used += needed
        }
        if !group.isEmpty { plan.groups.append(group) }
        return plan
    }

    private static func gigabytes(_ bytes: Double) -> String {
        String(format: "%.1f GB", bytes / 1e9)
    }
}
