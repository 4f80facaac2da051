/// Measurements as CSV: a header line, then one row per measurement, RFC 4180 quoting.
/// Empty cells are fields that do not apply to the row's suite.
package enum ResultsCSV {
    /// The columns, in order.
    package static let columns = [
        "suite", "implementation", "backend", "operation", "frameSize", "participants", "mode",
        "frames", "bytes", "seconds", "framesPerSecond", "bytesPerSecond", "batchSize", "batches",
        "nsPerFrameP50", "nsPerFrameP90", "nsPerFrameP99", "nsPerFrameP999", "nsPerFrameMax", "nsPerFrameMean",
        "realtimeFactor", "referenceRatio", "onCPUFraction", "threads", "paced", "layer", "keyCount",
        "granularity", "mtu", "overheadBytesPerFrame", "cipherSuite",
        "workingSet", "workingSetBytes",
    ]

    /// The CSV text, ending in a newline.
    package static func render(_ measurements: [MeasurementRecord]) -> String {
        var lines = [columns.joined(separator: ",")]
        for m in measurements {
            let p = m.nsPerFrame
            let cells: [String] = [
                m.suite, m.implementation, m.backend, m.operation ?? "", text(m.frameSize), text(m.participants),
                m.mode ?? "", String(m.frames), String(m.bytes), text(m.seconds), text(m.framesPerSecond),
                text(m.bytesPerSecond), text(m.batchSize), text(m.batches),
                text(p.p50), text(p.p90), text(p.p99), text(p.p999), text(p.max), text(p.mean),
                text(m.realtimeFactor), text(m.referenceRatio), text(m.onCPUFraction), text(m.threads),
                m.paced.map { String($0) } ?? "", m.layer ?? "", text(m.keyCount),
                m.granularity ?? "", text(m.mtu), text(m.overheadBytesPerFrame), text(m.cipherSuite),
                m.workingSet ?? "", text(m.workingSetBytes),
            ]
            lines.append(cells.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func text(_ value: Int?) -> String { value.map(String.init) ?? "" }
    private static func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    private static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
