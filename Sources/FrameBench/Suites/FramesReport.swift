/// The frames suite's results as a terminal table: one row per operation, size and
/// backend, the Swift case's numbers beside its C reference's.
public enum FramesReport {
    /// The table text. Numbers: ns/frame are percentiles over batch means; MB/s is
    /// 10^6 bytes per second of measured time; Swift/C is the ratio of median ns/frame.
    public static func table(_ records: [MeasurementRecord]) -> String {
        var table = TextTable(
            headers: ["op", "size", "backend", "batch", "p50 ns", "p99 ns", "mean ns", "MB/s", "C p50 ns", "Swift/C"],
            alignments: [.left, .right, .left, .right, .right, .right, .right, .right, .right, .right])
        let swift = records.filter { $0.suite == "frames" && $0.implementation == "swift" }
        for record in swift {
            let reference = records.first {
                $0.implementation == "c" && $0.backend == record.backend && $0.operation == record.operation
                    && $0.frameSize == record.frameSize
            }
            table.add([
                record.operation ?? "", record.frameSize.map(String.init) ?? "", record.backend,
                record.batchSize.map(String.init) ?? "",
                FramesSuite.format(record.nsPerFrame.p50), FramesSuite.format(record.nsPerFrame.p99),
                FramesSuite.format(record.nsPerFrame.mean), megabytes(record.bytesPerSecond),
                reference.map { FramesSuite.format($0.nsPerFrame.p50) } ?? "-",
                record.referenceRatio.map { fixed($0, digits: 3) } ?? "-",
            ])
        }
        return table.render()
    }

    private static func megabytes(_ bytesPerSecond: Double) -> String {
        fixed(bytesPerSecond / 1e6, digits: bytesPerSecond >= 1e8 ? 0 : 1)
    }

    private static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard digits > 0 else { return String(scaled) }
        let whole = scaled / Int(scale), fraction = abs(scaled % Int(scale))
        let text = String(fraction)
        return "\(scaled < 0 && whole == 0 ? "-" : "")\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }
}
