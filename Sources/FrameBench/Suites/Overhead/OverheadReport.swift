/// The overhead suite's results as a terminal table: per operation, size and backend, one
/// row per layer with its cumulative ns/frame (p50, p99), what it adds over the layer
/// below (median of paired batch differences, with its interval) and that as a percentage;
/// for a variant, its cost as a multiple of its warm parent's.
package enum OverheadReport {
    /// The table text; empty without overhead records.
    package static func table(_ records: [MeasurementRecord]) -> String {
        let overhead = records.filter { $0.suiteName == .overhead && $0.layer != nil }
        guard !overhead.isEmpty else { return "" }
        var table = TextTable(
            headers: ["op", "size", "backend", "layer", "p50 ns", "p99 ns", "adds ns", "95% interval", "adds %", "× warm"],
            alignments: [.left, .right, .left, .left, .right, .right, .right, .right, .right, .right])
        var backends: [String] = []
        for r in overhead where !backends.contains(r.backend) { backends.append(r.backend) }
        let keys = Set(overhead.map { Key(operation: $0.operation ?? "", size: $0.frameSize ?? 0) }).sorted()
        for key in keys {
            for backend in backends {
                let rows = overhead.filter { $0.backend == backend && $0.operation == key.operation && $0.frameSize == key.size }
                guard !rows.isEmpty else { continue }
                for layer in OverheadLayer.allCases {
                    let name = layer.rawValue
                    guard let r = rows.first(where: { $0.layer == name }) else {
                        if layer == .cLibrary {
                            table.add([key.operation, String(key.size), backend, name, "–", "–", "–", "no C reference", "", ""])
                        }
                        continue
                    }
                    let e = r.extra ?? [:]
                    let measured = layer != .harness
                    table.add([
                        key.operation, String(key.size), backend, name,
                        measured ? ns(r.nsPerFrame.p50) : "+" + ns(r.nsPerFrame.p50),
                        measured ? ns(r.nsPerFrame.p99) : "+" + ns(r.nsPerFrame.p99),
                        e[.addedNsPerFrame].map(signed) ?? "–",
                        interval(e[.addedNsPerFrameLow], e[.addedNsPerFrameHigh]),
                        e[.addedFraction].map { signedPercent($0) } ?? "",
                        e[.ratioToWarm].map { NumberFormat.fixed($0, $0 >= 10 ? 1 : 2) + "×" } ?? "",
                    ])
                }
            }
        }
        return table.render()
    }

    /// The lines under the table: what the columns mean, and the done-check of issue 6
    /// (Swift backend over C at the smallest size, within 5 %).
    package static func notes(_ records: [MeasurementRecord]) -> [String] {
        let overhead = records.filter { $0.suiteName == .overhead }
        guard !overhead.isEmpty else { return [] }
        var lines = [
            "p50/p99: a frame through this layer and every layer below (harness: its own work, +); adds: median of paired batch differences over the layer below, with a 95% interval; × warm: a variant's batches over its default backend's, same layer and round."
        ]
        let swift = overhead.filter { $0.overheadLayer == .swiftBackend && $0.extra?[.addedFraction] != nil }
        if let smallest = swift.compactMap(\.frameSize).min() {
            let cases = swift.filter { $0.frameSize == smallest }
            let worst = cases.max { ($0.extra?[.addedFraction] ?? 0) < ($1.extra?[.addedFraction] ?? 0) }
            if let worst, let fraction = worst.extra?[.addedFraction] {
                lines.append(
                    "Swift backend over the C reference at \(smallest) B: at most \(signedPercent(fraction)) (\(worst.backend) \(worst.operation ?? "")), "
                        + (fraction <= 0.05 ? "within" : "beyond") + " the 5 % target.")
            }
        }
        return lines
    }

    private struct Key: Hashable, Comparable {
        var operation: String
        var size: Int
        static func < (a: Key, b: Key) -> Bool {
            (a.operation == FrameOperation.seal.rawValue ? 0 : 1, a.size) < (b.operation == FrameOperation.seal.rawValue ? 0 : 1, b.size)
        }
    }

    static func ns(_ value: Double) -> String { NumberFormat.nanoseconds(value) }

    static func signed(_ value: Double) -> String { (value >= 0 ? "+" : "−") + NumberFormat.nanoseconds(abs(value)) }

    static func signedPercent(_ fraction: Double) -> String {
        (fraction >= 0 ? "+" : "−") + NumberFormat.fixed(abs(fraction) * 100, 1) + " %"
    }

    private static func interval(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return "" }
        return "\(signed(low)) … \(signed(high))"
    }
}
