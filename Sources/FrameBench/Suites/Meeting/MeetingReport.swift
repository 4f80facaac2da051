/// The meeting suite's results as a terminal table, one row per case and backend.
package enum MeetingReport {
    /// The table text. `RTF`: seconds of media per second of measured wall time (above
    /// 1 keeps up with real time); `RTF/CPU`: per CPU-second of work; `ns/frame`: median
    /// over phase batches; `harness`: the no-crypto run's time over this one's; `rekey`:
    /// the mean rekey, leader and every participant (client mode: the client's own).
    package static func table(_ records: [MeasurementRecord]) -> String {
        let meeting = records.filter { $0.suiteName == .meeting }
        let paced = meeting.contains { $0.paced == true }
        let packets = meeting.contains { $0.isPerPacket }
        var headers = ["N", "mode", "backend", "thr", "RTF", "RTF/CPU", "frames/s", "MB/s", "p50 ns", "harness", "rekey ms"]
        if packets { headers.insert("per", at: 3) }
        if paced { headers += ["p50 ms", "p99 ms", "missed"] }
        var table = TextTable(headers: headers, alignments: [.right, .left, .left] + Array(repeating: .right, count: headers.count - 3))
        for r in meeting {
            let extra = r.extra ?? [:]
            let rekey = r.meetingMode == .client ? extra[.rekeyClientMs] : extra[.rekeyMeetingMs]
            var row = [
                r.participants.map(String.init) ?? "", (r.mode ?? "") + (r.paced == true ? " paced" : ""), r.backend,
                r.threads.map(String.init) ?? "1", NumberFormat.factor(r.realtimeFactor ?? 0),
                NumberFormat.factor(extra[.realtimeFactorPerCPUSecond] ?? 0), String(Int(r.framesPerSecond.rounded())),
                NumberFormat.fixed(r.bytesPerSecond / 1e6, 1), NumberFormat.nanoseconds(r.nsPerFrame.p50),
                extra[.harnessShare].map(NumberFormat.percent) ?? "-", rekey.map { NumberFormat.fixed($0, 1) } ?? "-",
            ]
            if packets { row.insert(r.isPerPacket ? "packet" : "frame", at: 3) }
            if paced {
                row +=
                    r.paced == true
                    ? [
                        NumberFormat.fixed(extra[.latencyP50Ms] ?? 0, 2), NumberFormat.fixed(extra[.latencyP99Ms] ?? 0, 2),
                        String(Int(extra[.missedDeadlineFrames] ?? 0)),
                    ]
                    : ["-", "-", "-"]
            }
            table.add(row)
        }
        return table.render() + "\n\n" + overheadTable(meeting)
    }

    /// What encryption adds to each sender's bitstream, per stream kind: SFrame's kbit/s
    /// per sending participant and its share of the media's bitrate, measured from the
    /// protected frames (one thread's unpaced records; the bytes do not depend on threads).
    package static func overheadTable(_ records: [MeasurementRecord]) -> String {
        let rows = records.filter { $0.suiteName == .meeting && $0.paced != true && ($0.threads ?? 1) == 1 }
        guard !rows.isEmpty else { return "" }
        var table = TextTable(
            headers: ["N", "mode", "backend", "suite", "per", "B/frame", "seals/frame", "audio", "video", "screen"],
            alignments: [.right, .left, .left, .right, .left, .right, .right, .right, .right, .right])
        for r in rows {
            let extra = r.extra ?? [:]
            func cell(_ kbps: ExtraKey, _ percent: ExtraKey) -> String {
                guard let value = extra[kbps] else { return "-" }
                return "+\(NumberFormat.fixed(value, 1)) kbps (\(NumberFormat.fixed(extra[percent] ?? 0, 2)) %)"
            }
            let seals = extra[.seals].flatMap { $0 > 0 ? (extra[.packetsSealed] ?? 0) / $0 : nil }
            table.add([
                r.participants.map(String.init) ?? "", r.mode ?? "", r.backend,
                r.cipherSuiteKind.map { String($0.rawValue) } ?? "?",
                r.isPerPacket ? "packet \(r.mtu.map(String.init) ?? "?") B" : "frame",
                r.overheadBytesPerFrame.map { NumberFormat.fixed($0, 1) } ?? "-", seals.map { NumberFormat.fixed($0, 2) } ?? "-",
                cell(.overheadKbpsAudio, .overheadPercentAudio), cell(.overheadKbpsVideo, .overheadPercentVideo),
                cell(.overheadKbpsScreen, .overheadPercentScreen),
            ])
        }
        return "SFrame overhead per sending participant (kbit/s added, share of the media bitrate):\n" + table.render()
    }
}
