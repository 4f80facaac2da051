/// The meeting suite's results as a terminal table, one row per case and backend.
package enum MeetingReport {
    /// The table text. `RTF`: seconds of media per second of measured wall time (above
    /// 1 keeps up with real time); `RTF/CPU`: per CPU-second of work; `ns/frame`: median
    /// over phase batches; `harness`: the no-crypto run's time over this one's; `rekey`:
    /// the mean rekey, leader and every participant (client mode: the client's own).
    package static func table(_ records: [MeasurementRecord]) -> String {
        let meeting = records.filter { $0.suiteName == .meeting }
        let paced = meeting.contains { $0.paced == true }
        var headers = ["N", "mode", "backend", "thr", "RTF", "RTF/CPU", "frames/s", "MB/s", "p50 ns", "harness", "rekey ms"]
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
        return table.render()
    }
}
