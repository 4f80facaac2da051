/// The frames suite's results as a terminal table: one row per operation, size and
/// backend, the Swift case's numbers beside its C reference's.
package enum FramesReport {
    /// The table text. Numbers: ns/frame are percentiles over batch means; MB/s is
    /// 10^6 bytes per second of measured time; Swift/C is the ratio of median ns/frame.
    package static func table(_ records: [MeasurementRecord]) -> String {
        let swift = records.filter { $0.suiteName == .frames && $0.implementationKind == .swift && ($0.threads ?? 1) == 1 }
        // A suite column when more than one SFrame cipher suite was measured.
        let suites = Set(swift.map { $0.cipherSuiteKind?.rawValue ?? 0 }).count > 1
        var table = TextTable(
            headers: (suites ? ["suite"] : [])
                + ["op", "size", "backend", "batch", "p50 ns", "p99 ns", "mean ns", "MB/s", "C p50 ns", "Swift/C"],
            alignments: (suites ? [.right] : []) + [.left, .right, .left, .right, .right, .right, .right, .right, .right, .right])
        for record in swift {
            let reference = records.first {
                $0.implementationKind == .c && $0.backend == record.backend && $0.operation == record.operation
                    && $0.frameSize == record.frameSize && $0.cipherSuiteKind == record.cipherSuiteKind
            }
            var row: [String] = suites ? [record.cipherSuiteKind.map { String($0.rawValue) } ?? "?"] : []
            row += [record.operation ?? "", record.frameSize.map(String.init) ?? "", record.backend]
            row.append(record.batchSize.map(String.init) ?? "")
            row += [
                NumberFormat.nanoseconds(record.nsPerFrame.p50), NumberFormat.nanoseconds(record.nsPerFrame.p99),
                NumberFormat.nanoseconds(record.nsPerFrame.mean), megabytes(record.bytesPerSecond),
            ]
            row.append(reference.map { NumberFormat.nanoseconds($0.nsPerFrame.p50) } ?? "-")
            row.append(record.referenceRatio.map { fixed($0, digits: 3) } ?? "-")
            table.add(row)
        }
        let scaling = scalingTable(records)
        let (suiteHeaders, suiteRows) = SuiteChooser.table(records)
        if !suiteRows.isEmpty {
            var byBackend = TextTable(headers: suiteHeaders, alignments: [.left] + Array(repeating: .right, count: suiteHeaders.count - 1))
            for row in suiteRows { byBackend.add(row) }
            return table.render() + (scaling.isEmpty ? "" : "\n\n" + scaling)
                + "\n\nSFrame cipher suites: median ns per frame (Swift, one thread); n/a where a backend lacks the suite\n"
                + byBackend.render()
        }
        return table.render() + (scaling.isEmpty ? "" : "\n\n" + scaling)
    }

    /// The scaling rows (records on more than one thread), or "" when there are none:
    /// aggregate throughput, speed-up and efficiency over the same case on one thread
    /// measured interleaved with it, and the per-thread tail.
    package static func scalingTable(_ records: [MeasurementRecord]) -> String {
        let scaled = records.filter { $0.suiteName == .frames && ($0.threads ?? 1) > 1 }
        guard !scaled.isEmpty else { return "" }
        var table = TextTable(
            headers: [
                "op", "size", "backend", "threads", "frames/s", "1-thread frames/s", "speed-up", "efficiency", "p50 ns", "p50 ÷ 1-thread",
                "p99 ns", "1-thread p99 ns", "on CPU",
            ],
            alignments: [.left, .right, .left] + Array(repeating: .right, count: 10))
        for record in scaled {
            let extra = record.extra ?? [:]
            table.add([
                record.operation ?? "", record.frameSize.map(String.init) ?? "", record.backend,
                String(record.threads ?? 1), NumberFormat.nanoseconds(record.framesPerSecond),
                extra[.singleThreadFramesPerSecond].map(NumberFormat.nanoseconds) ?? "-",
                extra[.speedup].map { fixed($0, digits: 2) } ?? "-",
                extra[.efficiency].map { fixed(100 * $0, digits: 1) + "%" } ?? "-",
                NumberFormat.nanoseconds(record.nsPerFrame.p50), extra[.perThreadSlowdownP50].map { fixed($0, digits: 3) } ?? "-",
                NumberFormat.nanoseconds(record.nsPerFrame.p99), extra[.singleThreadNsPerFrameP99].map(NumberFormat.nanoseconds) ?? "-",
                record.onCPUFraction.map { fixed(100 * $0, digits: 0) + "%" } ?? "-",
            ])
        }
        return "Scaling (each thread its own contexts; interleaved with 1 thread; ns/frame per thread; "
            + "on CPU well below 100%: the machine was busy, trust p50 ÷ 1-thread over efficiency):\n" + table.render()
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
