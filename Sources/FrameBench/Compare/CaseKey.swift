/// One measured case as `framebench compare` matches it between two sets of runs: the
/// same suite, implementation, backend, operation, frame size or participants, mode, thread
/// count and pacing (a 2-thread or paced measurement is never compared with a 1-thread or
/// unpaced one).
package struct CaseKey: Sendable, Hashable, Codable, Comparable {
    /// `frames` or `meeting`.
    package var suite: String
    /// `swift` or `c`.
    package var implementation: String
    /// The backend's name.
    package var backend: String
    /// `seal` or `open` (frames suite).
    package var operation: String?
    /// Frame size in bytes (frames suite).
    package var frameSize: Int?
    /// Participants (meeting suite).
    package var participants: Int?
    /// The meeting's mode (meeting suite).
    package var mode: String?
    /// Worker threads, when the record says (`nil` and 1 are the same case).
    package var threads: Int?
    /// Whether the meeting ran paced (`nil` and `false` are the same case).
    package var paced: Bool?
    /// The layer (overhead suite): its records share everything else.
    package var layer: String?
    /// Live receive keys (key-count study).
    package var keyCount: Int?
    /// The SFrame cipher suite (`nil` and 5 are the same case).
    package var cipherSuite: Int?
    /// `packet` for per-packet sealing (`nil` and `frame` are the same case).
    package var granularity: String?
    /// The packet size, in packet granularity.
    package var mtu: Int?
    /// The working set (overhead suite): a layer under another working set is another case.
    package var workingSet: String?

    /// The key of `record`.
    package init(_ record: MeasurementRecord) {
        suite = record.suite
        implementation = record.implementation
        backend = record.backend
        operation = record.operation
        frameSize = record.frameSize
        participants = record.participants
        mode = record.mode
        threads = record.threads.flatMap { $0 == 1 ? nil : $0 }
        paced = record.paced == true ? true : nil
        layer = record.layer
        keyCount = record.keyCount
        cipherSuite = record.cipherSuite == 5 ? nil : record.cipherSuite
        granularity = record.granularity == "frame" ? nil : record.granularity
        mtu = granularity == nil ? nil : record.mtu
        workingSet = record.workingSet
    }

    /// A short human label, such as `frames swift openssl seal 1200 B`.
    package var label: String {
        var parts = [suite, implementation, backend]
        if let operation { parts.append(operation) }
        if let frameSize { parts.append("\(frameSize) B") }
        if let participants { parts.append("\(participants) participants") }
        if let mode { parts.append(mode) }
        if let threads { parts.append("\(threads) threads") }
        if paced == true { parts.append("paced") }
        if let layer { parts.append(layer) }
        if let keyCount { parts.append("\(keyCount) keys") }
        if let cipherSuite { parts.append("suite \(cipherSuite)") }
        if let granularity { parts.append("per \(granularity)" + (mtu.map { " (\($0) B)" } ?? "")) }
        if let workingSet { parts.append("working set \(workingSet)") }
        return parts.joined(separator: " ")
    }

    package static func < (a: CaseKey, b: CaseKey) -> Bool {
        func tuple(_ k: CaseKey) -> (String, Int, String, String, String, String) {
            (
                k.suite, k.frameSize ?? k.participants ?? -1, k.operation ?? "", k.backend,
                k.implementation == Implementation.swift.rawValue ? "" : k.implementation, k.mode ?? ""
            )
        }
        if tuple(a) != tuple(b) { return tuple(a) < tuple(b) }
        if (a.threads ?? 1, a.paced == true ? 1 : 0) != (b.threads ?? 1, b.paced == true ? 1 : 0) {
            return (a.threads ?? 1, a.paced == true ? 1 : 0) < (b.threads ?? 1, b.paced == true ? 1 : 0)
        }
        if (a.keyCount ?? 0, a.workingSet ?? "", a.layer ?? "") != (b.keyCount ?? 0, b.workingSet ?? "", b.layer ?? "") {
            return (a.keyCount ?? 0, a.workingSet ?? "", a.layer ?? "") < (b.keyCount ?? 0, b.workingSet ?? "", b.layer ?? "")
        }
        return (a.cipherSuite ?? 5, a.granularity ?? "", a.mtu ?? 0) < (b.cipherSuite ?? 5, b.granularity ?? "", b.mtu ?? 0)
    }
}
