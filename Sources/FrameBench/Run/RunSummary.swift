import FrameCrypto

/// The end-of-run summary of `framebench run`: the numbers a performance engineer looks
/// for first, from a run's records.
package enum RunSummary {
    /// The summary text.
    package static func render(_ records: [MeasurementRecord]) -> String {
        var out: [String] = []
        let frames = FramesSweep.records(records).filter { $0.implementationKind == .swift }
        let backends = orderedBackends(records)
        if !frames.isEmpty {
            out.append("Frames: ns/frame p50 through FrameCrypto (Swift/C = median over the C reference's)")
            var table = TextTable(
                headers: ["backend", "op", "64 B", "1200 B", "64 KiB", "MB/s 64 KiB", "Swift/C 64 B", "1200 B", "64 KiB"],
                alignments: [.left, .left] + Array(repeating: .right, count: 7))
            for backend in backends {
                for op in ["seal", "open"] {
                    func at(_ size: Int) -> MeasurementRecord? {
                        frames.first { $0.backend == backend && $0.operation == op && $0.frameSize == size }
                    }
                    guard [64, 1200, 65536].contains(where: { at($0) != nil }) else { continue }
                    let ns = [64, 1200, 65536].map { at($0).map { NumberFormat.nanoseconds($0.nsPerFrame.p50) } ?? "-" }
                    let ratios = [64, 1200, 65536].map { at($0)?.referenceRatio.map { NumberFormat.fixed($0, 2) } ?? "-" }
                    let rate = at(65536).map { NumberFormat.fixed($0.bytesPerSecond / 1e6, 0) } ?? "-"
                    table.add([backend, op] + ns + [rate] + ratios)
                }
            }
            out.append(table.render())
            let scaling = FramesReport.scalingTable(records)
            if !scaling.isEmpty { out += ["", scaling] }
        }
        let overhead = OverheadReport.table(records)
        if !overhead.isEmpty {
            out += ["", "Overhead per layer: ns/frame through each layer (docs/overhead.md)", overhead] + OverheadReport.notes(records)
        }
        out += suiteLines(records)
        let keys = KeyCountStudy.table(records)
        if !keys.isEmpty {
            out += ["", "SFrame open against live receive keys (frames from every key, random order; × 1 key paired by batch)", keys]
        }
        let unpaced = records.filter { $0.suiteName == .meeting && !$0.isPerPacket && $0.paced != true && ($0.threads ?? 1) == 1 }
        if !unpaced.isEmpty {
            out.append("")
            out.append("Meeting: real-time factor (seconds of media per wall second, unpaced, 1 thread); harness share in ()")
            var table = TextTable(headers: ["N", "mode"] + backends, alignments: [.right, .left] + backends.map { _ in .right })
            let cases = Set(unpaced.map { Case(participants: $0.participants ?? 0, mode: $0.mode ?? "") }).sorted()
            for c in cases {
                let cells = backends.map { backend -> String in
                    guard
                        let r = unpaced.first(where: {
                            $0.backend == backend && Case(participants: $0.participants ?? 0, mode: $0.mode ?? "") == c
                        })
                    else { return "-" }
                    let share = r.extra?[.harnessShare].map { " (\(NumberFormat.percent($0)))" } ?? ""
                    return NumberFormat.factor(r.realtimeFactor ?? 0) + share
                }
                table.add([String(c.participants), c.mode] + cells)
            }
            out.append(table.render())
        }
        out += threadLines(records, backends)
        out += packetLines(records)
        out += pacedLines(records)
        out += rekeyLines(records, backends)
        let shares = records.filter { $0.suiteName == .meeting && !$0.isPerPacket && $0.meetingMode == .meeting }.compactMap { r in
            r.extra?[.harnessShare].map { (r, $0) }
        }
        if let worst = shares.max(by: { $0.1 < $1.1 }) {
            out.append("")
            out.append(
                "Harness share, meeting mode: at most \(NumberFormat.percent(worst.1)) (N=\(worst.0.participants ?? 0), "
                    + "\(worst.0.backend)): the same schedule with the crypto calls made no-ops, over the real run's time.")
        }
        return out.joined(separator: "\n")
    }

    private struct Case: Hashable, Comparable {
        var participants: Int
        var mode: String
        static func < (a: Case, b: Case) -> Bool {
            a.participants != b.participants ? a.participants < b.participants : a.mode < b.mode
        }
    }

    private static func orderedBackends(_ records: [MeasurementRecord]) -> [String] {
        var seen: [String] = []
        for r in records where r.implementationKind == .swift && !seen.contains(r.backend) { seen.append(r.backend) }
        return seen
    }

    private static func threadLines(_ records: [MeasurementRecord], _ backends: [String]) -> [String] {
        let threaded = records.filter {
            $0.suiteName == .meeting && !$0.isPerPacket && $0.meetingMode == .meeting && ($0.threads ?? 1) > 1 && $0.paced != true
        }
        guard !threaded.isEmpty else { return [] }
        var lines = ["", "Threads, meeting mode:"]
        for r in threaded {
            let single = records.first {
                $0.suiteName == .meeting && !$0.isPerPacket && $0.meetingMode == .meeting && ($0.threads ?? 1) == 1 && $0.paced != true
                    && $0.backend == r.backend && $0.participants == r.participants
            }
            var line = "  N=\(r.participants ?? 0) \(r.backend): \(r.threads ?? 0) threads \(NumberFormat.factor(r.realtimeFactor ?? 0))"
            if let single, let one = single.realtimeFactor, one > 0, let many = r.realtimeFactor {
                let speedup = many / one
                line +=
                    " vs 1 thread \(NumberFormat.factor(one)): speed-up \(NumberFormat.fixed(speedup, 2)), "
                    + "efficiency \(NumberFormat.percent(speedup / Double(r.threads ?? 1)))"
            }
            if let imbalance = r.extra?[.loadImbalance] { line += ", load imbalance \(NumberFormat.fixed(imbalance, 2))" }
            lines.append(line)
        }
        return lines
    }

    /// The cipher suites: the compact suites × backends table, then per stream kind the choices on
    /// the Pareto front of CPU against bytes (``SuiteChooser``).
    private static func suiteLines(_ records: [MeasurementRecord]) -> [String] {
        let (headers, rows) = SuiteChooser.compactTable(records)
        guard !rows.isEmpty else { return [] }
        var table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
        for row in rows { table.add(row) }
        var lines = [
            "", "SFrame cipher suites: median seal/open ns per frame (Swift, one thread); n/a where a backend lacks the suite",
            table.render(),
        ]
        let choices = SuiteChooser.choices(records)
        for kind in StreamKind.allCases {
            let front = choices.filter { $0.kind == kind && $0.isParetoOptimal }.sorted {
                $0.cpuMicrosecondsPerSecond < $1.cpuMicrosecondsPerSecond
            }
            guard !front.isEmpty else { continue }
            lines.append(
                "  \(kind), per 1200 B packet, best choices (CPU µs per second of media, SFrame kbit/s): "
                    + front.map {
                        "\($0.backend) suite \($0.suite.rawValue) (\(NumberFormat.fixed($0.cpuMicrosecondsPerSecond, 1)) µs/s, "
                            + "\(NumberFormat.fixed($0.overheadKbps, 2)) kbps)"
                    }.joined(separator: "; "))
        }
        return lines
    }

    /// Per packet beside per frame, for each case measured both ways (one thread, unpaced):
    /// the real-time factors, the seals per frame and the bytes SFrame adds.
    private static func packetLines(_ records: [MeasurementRecord]) -> [String] {
        let single = records.filter { $0.suiteName == .meeting && $0.paced != true && ($0.threads ?? 1) == 1 }
        let pairs = single.filter(\.isPerPacket).compactMap { packet -> (MeasurementRecord, MeasurementRecord)? in
            guard
                let frame = single.first(where: {
                    !$0.isPerPacket && $0.backend == packet.backend && $0.participants == packet.participants
                        && $0.mode == packet.mode
                })
            else { return nil }
            return (frame, packet)
        }
        guard !pairs.isEmpty else { return [] }
        var lines = ["", "Per packet (Zoom's granularity) beside per frame, interleaved in the same case:"]
        for (frame, packet) in pairs {
            let f = frame.realtimeFactor ?? 0, p = packet.realtimeFactor ?? 0
            let e = packet.extra ?? [:], fe = frame.extra ?? [:]
            let seals = (e[.seals] ?? 0) > 0 ? (e[.packetsSealed] ?? 0) / (e[.seals] ?? 1) : 0
            var line =
                "  N=\(packet.participants ?? 0) \(packet.mode ?? "") \(packet.backend): per frame \(NumberFormat.factor(f)), "
                + "per \(packet.mtu ?? 0) B packet \(NumberFormat.factor(p))"
            if p > 0 { line += " (\(NumberFormat.fixed(f / p, 2))× the CPU time)" }
            line += "; \(NumberFormat.fixed(seals, 2)) seals per frame"
            if let pv = e[.overheadKbpsVideo], let fv = fe[.overheadKbpsVideo] {
                line += "; video overhead \(NumberFormat.fixed(fv, 1)) → \(NumberFormat.fixed(pv, 1)) kbps per sender"
            }
            lines.append(line)
        }
        return lines
    }

    private static func pacedLines(_ records: [MeasurementRecord]) -> [String] {
        let paced = records.filter { $0.suiteName == .meeting && !$0.isPerPacket && $0.paced == true }
        guard !paced.isEmpty else { return [] }
        var lines = ["", "Paced (frames released on their media schedule; latency from scheduled release to done):"]
        for r in paced {
            let e = r.extra ?? [:]
            lines.append(
                "  N=\(r.participants ?? 0) \(r.mode ?? "") \(r.backend): p50 \(NumberFormat.fixed(e[.latencyP50Ms] ?? 0, 2)) ms, "
                    + "p99 \(NumberFormat.fixed(e[.latencyP99Ms] ?? 0, 2)) ms, max \(NumberFormat.fixed(e[.latencyMaxMs] ?? 0, 2)) ms; "
                    + "\(Int(e[.missedDeadlineFrames] ?? 0)) of \(r.frames) frames past the \(NumberFormat.fixed(e[.deadlineMs] ?? 0, 0)) ms deadline"
            )
        }
        return lines
    }

    private static func rekeyLines(_ records: [MeasurementRecord], _ backends: [String]) -> [String] {
        let largest = records.filter { $0.suiteName == .meeting && !$0.isPerPacket && ($0.extra?[.rekeys] ?? 0) > 0 }.compactMap(
            \.participants
        ).max()
        guard let n = largest else { return [] }
        var lines = ["", "Rekey at \(n) participants (per join or leave; measured apart from the frames):"]
        for backend in backends {
            let meeting = records.first {
                $0.backend == backend && $0.participants == n && $0.meetingMode == .meeting && ($0.threads ?? 1) == 1 && $0.paced != true
                    && !$0.isPerPacket
            }
            let client = records.first {
                $0.backend == backend && $0.participants == n && $0.meetingMode == .client && !$0.isPerPacket
            }
            guard let e = meeting?.extra ?? client?.extra else { continue }
            var line = "  \(backend): leader distributes \(n - 1) shares \(NumberFormat.fixed(e[.rekeyLeaderMs] ?? 0, 1)) ms"
            if let m = meeting?.extra {
                line +=
                    "; a participant accepts and rekeys \(NumberFormat.fixed(m[.rekeyParticipantMeanMs] ?? 0, 2)) ms"
                    + " (max \(NumberFormat.fixed(m[.rekeyParticipantMaxMs] ?? 0, 2))); whole meeting \(NumberFormat.fixed(m[.rekeyMeetingMs] ?? 0, 0)) ms"
            }
            if let c = client?.extra?[.rekeyClientMs] { line += "; client \(NumberFormat.fixed(c, 2)) ms" }
            lines.append(line)
        }
        return lines
    }
}
